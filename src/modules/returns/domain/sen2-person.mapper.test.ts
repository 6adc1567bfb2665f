import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../cases/index.ts';
import type { ChildHistory, SettingFacts } from './child-history.ts';
import { collectionPeriod } from './collection-period.ts';
import { checkSen2Person } from './sen2-check.rules.ts';
import { sen2PersonOf } from './sen2-person.mapper.ts';

const period = collectionPeriod('2026-01-15');
const school: SettingFacts = { id: 's1', name: 'Oak Primary', urn: '123456', ukprn: null, kind: 'sen-unit', sen2Code: null };
const noId: SettingFacts = { id: 's2', name: 'Tuition Co', urn: null, ukprn: null, kind: 'alternative-provision', sen2Code: null };
const ehe: SettingFacts = { id: 's3', name: 'SEN2 setting EHE', urn: null, ukprn: null, kind: 'alternative-provision', sen2Code: 'EHE' };

function events(list: [CaseEvent['type'], string, Record<string, unknown>?][]): CaseEvent[] {
  return list.map(([type, occurredOn, data], i) => ({ seq: i + 1, type, occurredOn, data: data ?? {} }) as CaseEvent);
}

function child(over: Partial<ChildHistory> = {}): ChildHistory {
  return {
    childId: 'c1', givenName: 'Ada', familyName: 'Lovelace', dateOfBirth: '2015-05-05', upn: 'A123456789012', uln: null, gender: 'F', postcode: 'ME1 1AA',
    ethnicity: null, upnUnknown: null, placements: [], namedSettings: { s1: school, s2: noId, s3: ehe },
    cases: [{ id: 'k1', reference: 'R1', openedOn: '2025-02-01', events: events([
      ['request-received', '2025-02-01', { source: 'setting' }], ['decision-to-assess', '2025-03-01', { decision: 'assess' }],
      ['exception-recorded', '2025-04-01', { reason: 'x' }], ['final-plan-issued', '2025-06-01', { primaryNeed: 'asd', secondaryNeeds: ['SLCN', 'ASD'], settingId: 's1' }],
    ]) }],
    ...over,
  };
}

describe('SEN2 person from a child\'s case history', () => {
  it('maps a plan issued in the year: request source, 20-week flag, named plan, active plan, needs', () => {
    const p = sen2PersonOf(child(), period)!;
    expect(p).toMatchObject({ surname: 'Lovelace', forename: 'Ada', sex: 'F', ethnicity: 'NOBT', upn: 'A123456789012' });
    const r = p.requests[0]!;
    expect(r).toMatchObject({ receivedDate: '2025-02-01', requestSource: 'SET', outcome: 'Y', outcomeDate: '2025-03-01' });
    expect(r.assessment).toMatchObject({ outcome: 'Y', outcomeDate: '2025-06-01', week20: true });
    expect(r.assessment!.namedPlan).toEqual({ startDate: '2025-06-01', details: [{ urn: '123456', rank: 1, senUnit: true, resourcedProvision: false }] });
    expect(r.activePlan!.needs).toEqual([{ type: 'ASD', rank: 1 }, { type: 'SLCN', rank: 2 }]);
    // No placement recorded: the named setting from the issue date.
    expect(r.activePlan!.placements).toEqual([{ urn: '123456', rank: 1, senUnit: true, resourcedProvision: false, entryDate: '2025-06-01' }]);
  });

  it('uses placements in force on the reference date, earliest first, with SEN2 codes where no URN', () => {
    const p = sen2PersonOf(child({ placements: [
      { setting: ehe, startsOn: '2025-09-01', endsOn: null, senUnit: false, resourcedProvision: false },
      { setting: school, startsOn: '2025-06-01', endsOn: null, senUnit: true, resourcedProvision: false },
      { setting: school, startsOn: '2024-01-01', endsOn: '2025-05-31', senUnit: false, resourcedProvision: false },
    ] }), period)!;
    expect(p.requests[0]!.activePlan!.placements).toEqual([
      { urn: '123456', rank: 1, senUnit: true, resourcedProvision: false, entryDate: '2025-06-01' },
      { senSetting: 'EHE', rank: 2, senUnit: false, resourcedProvision: false, entryDate: '2025-09-01' },
    ]);
  });

  it('leaves out a person whose only request ended before the period, and a request received after it', () => {
    const old = child({ cases: [{ id: 'k', reference: 'R', openedOn: '2023-01-01', events: events([['request-received', '2023-01-01', { source: 'parent' }], ['decision-to-assess', '2023-02-01', { decision: 'not-assess' }]]) }] });
    expect(sen2PersonOf(old, period)).toBeNull();
    const late = child({ cases: [{ id: 'k', reference: 'R', openedOn: '2026-01-05', events: events([['request-received', '2026-01-05', { source: 'parent' }]]) }] });
    expect(sen2PersonOf(late, period)).toBeNull();
  });

  it('reports a plan issued years ago as historical, in module 5 only', () => {
    const p = sen2PersonOf(child({ cases: [{ id: 'k', reference: 'R', openedOn: '2021-01-01', events: events([
      ['request-received', '2021-01-01', { source: 'parent' }], ['decision-to-assess', '2021-02-01', { decision: 'assess' }],
      ['final-plan-issued', '2021-05-01', { primaryNeed: 'SEMH', settingId: 's2' }], ['annual-review-held', '2025-05-03'],
    ]) }] }), period)!;
    const r = p.requests[0]!;
    expect(r.outcome).toBe('H');
    expect(r.assessment).toEqual({ outcome: 'H', outcomeDate: '2021-05-01', week20: false });
    expect(r.activePlan).toMatchObject({ lastReview: '2025-05-03', placements: [{ senSetting: 'OTH', senSettingOther: 'Tuition Co', entryDate: '2021-05-01' }] });
  });

  it('reports a plan issued and ceased in the year with its cease date and reason, and not as active', () => {
    const base = child();
    const ceased = child({ cases: [{ ...base.cases[0]!, events: [...base.cases[0]!.events, { seq: 5, type: 'plan-ceased', occurredOn: '2025-11-01', data: { reasonCode: '3' } } as CaseEvent] }] });
    const r = sen2PersonOf(ceased, period)!.requests[0]!;
    expect(r.assessment!.namedPlan).toMatchObject({ startDate: '2025-06-01', ceaseDate: '2025-11-01', ceaseReason: '3' });
    expect(r.activePlan).toBeUndefined();
  });

  it('does not report a plan moved to another council, or ceased, before the reference date as active', () => {
    for (const type of ['plan-transferred-out', 'plan-ceased'] as const) {
      const p = sen2PersonOf(child({ cases: [{ id: 'k', reference: 'R', openedOn: '2021-01-01', events: events([
        ['request-received', '2021-01-01', { source: 'parent' }], ['decision-to-assess', '2021-02-01', { decision: 'assess' }],
        ['final-plan-issued', '2021-05-01', { primaryNeed: 'SEMH', settingId: 's2' }], [type, '2025-10-01', { reasonCode: '5', toLaCode: '886' }],
      ]) }] }), period);
      // Issued before the period and no longer in force on the reference date: nothing to report.
      expect(p).toBeNull();
    }
    // Ceased after the reference date: still active on it.
    const later = sen2PersonOf(child({ cases: [{ ...child().cases[0]!, events: [...child().cases[0]!.events, { seq: 5, type: 'plan-ceased', occurredOn: '2026-02-01', data: { reasonCode: '9' } } as CaseEvent] }] }), period)!;
    expect(later.requests[0]!.activePlan).toBeDefined();
  });
});

describe('pre-submission check', () => {
  it.each([
    ['no UPN, ULN or reason', child({ upn: null }), 'error', /No UPN or ULN/],
    ['a placement with no URN, UKPRN or code', child({ placements: [{ setting: noId, startsOn: '2025-06-01', endsOn: null, senUnit: false, resourcedProvision: false }] }), 'error', /no URN, UKPRN or SEN2 setting code/],
    ['a plan without a need', child({ cases: [{ id: 'k', reference: 'R', openedOn: '2025-02-01', events: events([['request-received', '2025-02-01', { source: 'parent' }], ['decision-to-assess', '2025-03-01', { decision: 'assess' }], ['final-plan-issued', '2025-06-01', { settingId: 's1' }]]) }] }), 'error', /no primary type of need/],
    ['a request without a decision after 20 weeks', child({ cases: [{ id: 'k', reference: 'R', openedOn: '2025-02-01', events: events([['request-received', '2025-02-01', { source: 'parent' }]]) }] }), 'error', /no decision on whether to assess for more than 20 weeks/],
    ['a decision before the request', child({ cases: [{ id: 'k', reference: 'R', openedOn: '2025-05-01', events: events([['request-received', '2025-05-01', { source: 'parent' }], ['decision-to-assess', '2025-04-01', { decision: 'not-assess' }]]) }] }), 'error', /before it was received/],
    ['a request dated before birth', child({ dateOfBirth: '2025-03-01' }), 'error', /before the date of birth/],
  ])('finds %s', (_n, history, level, message) => {
    const findings = checkSen2Person(sen2PersonOf(history, period)!, period);
    const hit = findings.find((f) => message.test(f.message));
    expect(hit, JSON.stringify(findings)).toBeDefined();
    expect(hit!.level).toBe(level);
  });

  it('finds nothing wrong with a complete record, and links findings to the case', () => {
    expect(checkSen2Person(sen2PersonOf(child(), period)!, period)).toEqual([]);
    const f = checkSen2Person(sen2PersonOf(child({ cases: [{ id: 'k9', reference: 'R', openedOn: '2025-02-01', events: events([['request-received', '2025-02-01', { source: 'parent' }]]) }] }), period)!, period);
    expect(f[0]!.caseId).toBe('k9');
  });
});

describe('import of a ceased plan', () => {
  it('comes back as the plan and its cease, so the next export reports both the same', async () => {
    const { planPersonImport } = await import('./sen2-import.plan.ts');
    const base = child();
    const ceased = child({ cases: [{ ...base.cases[0]!, events: [...base.cases[0]!.events, { seq: 5, type: 'plan-ceased', occurredOn: '2025-11-01', data: { reasonCode: '3' } } as CaseEvent] }] });
    const planned = planPersonImport(sen2PersonOf(ceased, period)!);
    const types = planned.cases[0]!.events.map((e) => [e.type, e.occurredOn, e.data]);
    expect(types).toContainEqual(['plan-ceased', '2025-11-01', { reasonCode: '3' }]);
    const reimported = child({ cases: [{ ...base.cases[0]!, events: planned.cases[0]!.events.map((e, i) => ({ seq: i + 1, type: e.type, occurredOn: e.occurredOn, data: e.data }) as CaseEvent) }] });
    expect(sen2PersonOf(reimported, period)!.requests[0]!.assessment!.namedPlan).toMatchObject({ ceaseDate: '2025-11-01', ceaseReason: '3' });
  });
});
