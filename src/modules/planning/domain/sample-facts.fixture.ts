import type { PlanningFacts } from './planning-facts.ts';

/** Facts for the pure tests: a council with finance figures, two priorities and one section written. */
export function sampleFacts(overrides: Partial<PlanningFacts> = {}): PlanningFacts {
  return {
    laCode: '370',
    councilName: 'Barnsley',
    today: '2026-11-29',
    period: { label: '2025', from: '2025-01-01', to: '2025-12-31' },
    indicators: {
      'plans-in-place': { numerator: 3000, denominator: null },
      requests: { numerator: 700, denominator: null },
      'new-plans': { numerator: 450, denominator: null },
      'plans-within-20-weeks': { numerator: 200, denominator: 450 },
      'appeals-per-100-decisions': { numerator: 40, denominator: 3500 },
      'reviews-on-time': { numerator: 3, denominator: 3 },
    },
    narratives: {},
    plansByAge: [{ category: '0-4', label: 'Aged 0 to 4', count: 3 }, { category: '5-10', label: 'Aged 5 to 10', count: 1200 }, { category: '11-15', label: 'Aged 11 to 15', count: 1797 }],
    plansByNeed: [{ category: 'ASD', label: 'Autistic spectrum disorder', count: 3000 }],
    plansBySetting: [{ category: 'mainstream', label: 'Mainstream school', count: 3000 }],
    settings: [{ kind: 'special', label: 'Special school (maintained or academy)', settings: 4, commissionedPlaces: 400, childrenPlaced: 380 }],
    localOfferServices: 40,
    ap: { total: 50, open: 10, ended: 40, returnedToMainstream: 20 },
    disputes: { year: 2025, disputesOpened: 30, mediationsHeld: 12, appealsRegistered: 40, appealableDecisions: 3500, bySection: [
      { section: 'I', label: 'Section I', grounds: 30, decided: 20, familySucceeded: 15 },
      { section: 'F', label: 'Section F', grounds: 12, decided: 3, familySucceeded: 2 },
    ] },
    finance: {
      asOf: '2026-11-29',
      headline: [{ label: 'High-needs allocation, 2026-27', value: '£61.2m' }, { label: 'In-year high-needs position (allocation less outturn)', value: '−£4.1m' }],
      placeGap: [{ year: '2027-28', phase: 'Primary (5 to 10)', demand: 410, capacity: 380 }],
      source: 'OpenSEND finance module, financial year 2026-27',
    },
    priorities: [
      { id: 'p2', position: 2, title: 'Places close to home', description: 'Second.', writtenOn: '2026-10-02', authorName: 'Sam Synthetic', authorRole: 'SEND manager', version: 1, actions: [] },
      { id: 'p1', position: 1, title: 'Inclusion in mainstream', description: 'First.', writtenOn: '2026-10-01', authorName: 'Sam Synthetic', authorRole: 'SEND manager', version: 3, actions: [
        { id: 'a2', priorityId: 'p1', description: 'Later action', lead: 'Inclusion team', dueOn: '2027-09-01', status: 'on-track', writtenOn: '2026-10-05', authorName: 'Sam Synthetic', authorRole: 'SEND manager', version: 1 },
        { id: 'a1', priorityId: 'p1', description: 'Sooner action', lead: 'Place planning', dueOn: '2027-01-31', status: 'at-risk', writtenOn: '2026-10-04', authorName: 'Alex Example', authorRole: 'SEND manager', version: 2 },
      ] },
    ],
    selfEvaluation: [{ sectionId: 'identification-and-assessment', body: 'First paragraph.\n\nSecond paragraph.', writtenOn: '2026-11-01', authorName: 'Sam Synthetic', authorRole: 'SEND manager', version: 2 }],
    ...overrides,
  };
}
