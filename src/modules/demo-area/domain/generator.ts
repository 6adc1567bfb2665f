import type { Calibration } from './calibration.ts';
import type { Council } from './council.ts';
import type { CaseEventRow, CaseRow, DemoArea, PlacementRow } from './demo-area-rows.ts';
import { apportion, createRandom, seedFrom, type Random } from './prng.ts';
import { generateSettings, type GeneratedSetting } from './settings-generator.ts';
import { generatePlanChildren, generateReferredChild, placementFor, type GeneratedChild } from './children-generator.ts';
import { buildHistoricTimeline, buildTimeline, ratesFrom, type OpenStage, type TimelineStep } from './case-timelines.ts';
import { generatePartners } from './organisations.ts';
import { describeAccounts, generateFamilyAccounts, generateStaff } from './demo-accounts.ts';
import { isoOf, toDay, type Day } from './dates.ts';
import { assignCaseworkers, type DraftCase } from './caseload-assignment.ts';

/**
 * A whole synthetic local area for one council, calibrated to its DfE statistics. Pure and
 * deterministic: the same calibration, `today` and seed give identical rows, ids included.
 */
export interface GenerateInput {
  calibration: Calibration;
  council: Council;
  /** 'YYYY-MM-DD': the area is generated as it stands on this day; nothing happens after it. */
  today: string;
  seed: number;
}

function requestSource(child: GeneratedChild, random: Random): string {
  if (child.age >= 16 && random.chance(0.4)) return 'young-person';
  const r = random.next();
  return r < 0.62 ? 'parent' : r < 0.92 ? 'setting' : 'other';
}

/** Requests received in the last 12 months, at whatever stage each has reached by `today`. */
function generateRecentCases(input: GenerateInput, ctx: Context): DraftCase[] {
  const { random, today } = ctx;
  const rates = ratesFrom(input.calibration);
  const pool = random.shuffle(ctx.planChildren.filter((c) => c.age >= 2 && c.age <= 16 && c.setting));
  const cases: DraftCase[] = [];
  // A handful deliberately past their deadlines, so caseloads show overdue work.
  let overdueDecisions = 3;
  let overdueFinals = 3;
  for (let i = 0; i < input.calibration.requests.received; i += 1) {
    const request = today - random.int(0, 364);
    const age = today - request;
    const refused = random.chance(rates.refuse);
    let decisionAfter = random.chance(rates.withinSixWeeks) ? random.int(25, 42) : random.int(43, 75);
    let finalAfter: number | undefined;
    let overdue = false;
    if (!refused && overdueDecisions > 0 && age >= 45 && age <= 120) {
      decisionAfter = age + 10;
      overdueDecisions -= 1;
      overdue = true;
    } else if (!refused && overdueFinals > 0 && age >= 150 && age <= 250) {
      decisionAfter = random.int(25, 42);
      finalAfter = age + random.int(10, 40);
      overdueFinals -= 1;
      overdue = true;
    }
    const exception = random.chance(rates.exceptions);
    const within20 = random.chance(exception ? rates.within20WithException : rates.within20);
    const p = ctx.partners;
    const adviceFrom = { education: p.council.id, health: p.icb.id, 'social-care': p.socialCare.id, 'educational-psychology': p.educationalPsychology.id };
    const { steps, stage } = buildTimeline(
      { request, today, source: 'parent', primaryNeed: 'ASD', settingId: null, adviceFrom, refused, decisionAfter, exception, within20, ...(finalAfter ? { finalAfter } : {}) },
      random,
    );
    // Issued plans count towards plans in place, so their children come from the calibrated pool.
    const child = (stage === 'issued' ? pool.pop() : undefined) ?? generateReferredChild(input.council.laCode, ctx.settings, today, random);
    if (stage !== 'issued') ctx.referred.push(child);
    else ctx.issuedRecently.add(child.row.id);
    for (const step of steps) {
      if (step.type === 'request-received') step.data.source = requestSource(child, random);
      if (step.type === 'advice-requested' && step.data.adviceKind === 'education' && child.setting) step.data.organisationId = child.setting.organisation.id;
      if (step.type === 'final-plan-issued') Object.assign(step.data, { primaryNeed: child.primaryNeed, settingId: child.setting?.row.id ?? null });
    }
    cases.push({ child, steps, stage, overdue });
  }
  return cases;
}

/** One case per plan in place not issued in the last year, timed to the calibrated 20-week share. */
function generateHistoricCases(input: GenerateInput, ctx: Context): DraftCase[] {
  const { random, today } = ctx;
  const rates = ratesFrom(input.calibration);
  const children = ctx.planChildren.filter((c) => !ctx.issuedRecently.has(c.row.id));
  const n = children.length;
  const yearsWeights = input.calibration.yearsInPlace.length > 0 ? input.calibration.yearsInPlace : [0, 1, 2, 3, 4, 5, 6].map((years) => ({ years, count: 1 }));
  const yearCounts = apportion(n, yearsWeights.map((y) => y.count));
  const years = random.shuffle(yearsWeights.flatMap((y, i) => Array.from({ length: yearCounts[i] ?? 0 }, () => y.years)));
  const exceptions = Math.round(n * rates.exceptions);
  const flags = (count: number, share: number): boolean[] => random.shuffle(Array.from({ length: count }, (_, i) => i < Math.round(count * share)));
  const withinExc = flags(exceptions, rates.within20WithException);
  const withinRest = flags(n - exceptions, rates.within20);
  const order = random.shuffle(children.map((_, i) => i));
  return order.map((childIndex, k) => {
    const child = children[childIndex]!;
    const exception = k < exceptions;
    const within = (exception ? withinExc[k] : withinRest[k - exceptions]) ?? true;
    const duration = within ? random.int(98, 140) : random.int(141, 300);
    const inPlace = Math.min(years[k] ?? 0, Math.max(0, child.age - 1));
    let final: Day = today - inPlace * 365 - random.int(0, 364);
    if (final - duration < child.dob + 30) final = today - random.int(0, 60);
    const steps = buildHistoricTimeline(
      { final, today, durationDays: duration, withinSixWeeks: random.chance(rates.withinSixWeeks), exception, source: requestSource(child, random), primaryNeed: child.primaryNeed, settingId: child.setting?.row.id ?? null },
      random,
    );
    return { child, steps, stage: 'issued' as OpenStage, overdue: false };
  });
}

interface Context {
  random: Random;
  today: Day;
  settings: GeneratedSetting[];
  planChildren: GeneratedChild[];
  referred: GeneratedChild[];
  issuedRecently: Set<string>;
  partners: ReturnType<typeof generatePartners>;
}

function toEventRows(laCode: string, caseId: string, steps: TimelineStep[]): CaseEventRow[] {
  return steps.map((s, i) => ({ la_code: laCode, case_id: caseId, seq: i + 1, type: s.type, occurred_on: isoOf(s.day), actor_user_id: null, data: s.data }));
}

function pupilsAt(settings: GeneratedSetting[], placements: PlacementRow[]): Map<string, number> {
  const counts = new Map<string, number>(settings.map((s) => [s.row.id, 0]));
  for (const p of placements) counts.set(p.setting_id, (counts.get(p.setting_id) ?? 0) + 1);
  return counts;
}

export function generateDemoArea(input: GenerateInput): DemoArea {
  const la = input.council.laCode;
  const random = createRandom(seedFrom('opensend-demo-area', la, input.seed));
  const today = toDay(input.today);
  const partners = generatePartners(input.council, random);
  const settings = generateSettings(input.calibration, random);
  const planChildren = generatePlanChildren(input.calibration, settings, today, random);
  const ctx: Context = { random, today, settings, planChildren, referred: [], issuedRecently: new Set(), partners };
  const drafts = [...generateRecentCases(input, ctx), ...generateHistoricCases(input, ctx)];
  drafts.sort((a, b) => a.steps[0]!.day - b.steps[0]!.day);

  const placements = [...planChildren, ...ctx.referred].map((c) => placementFor(c, today, random)).filter((p): p is PlacementRow => p !== undefined);
  const pupils = pupilsAt(settings, placements);
  for (const s of settings) {
    const n = pupils.get(s.row.id) ?? 0;
    if (s.row.kind !== 'mainstream' && s.row.kind !== 'post-16') s.row.commissioned_places = Math.max(8, Math.ceil((n * 1.1) / 5) * 5);
  }
  const secondaries = settings.filter((s) => s.row.kind === 'mainstream' && s.row.phase === 'secondary');
  const senco = secondaries.reduce((best, s) => ((pupils.get(s.row.id) ?? 0) > (pupils.get(best.row.id) ?? 0) ? s : best), secondaries[0]!);
  const staff = generateStaff({ council: input.council, partners, sencoOrganisationId: senco.organisation.id }, random);

  const assessing = drafts.find((d) => d.stage === 'assessing' && d.child.age >= 5 && d.child.age <= 12) ?? drafts.find((d) => d.stage === 'assessing') ?? drafts.find((d) => d.stage !== 'issued') ?? drafts[0]!;
  assessing.forDemoParent = true;
  const young = drafts.find((d) => d.stage === 'issued' && d.child.age >= 17 && d.child.age <= 19) ?? drafts.find((d) => d.stage === 'issued')!;
  const family = generateFamilyAccounts({
    laCode: la,
    parentOf: { childId: assessing.child.row.id, familyName: assessing.child.row.family_name },
    youngPerson: { childId: young.child.row.id, givenName: young.child.row.given_name, familyName: young.child.row.family_name },
  }, random);

  const assignments = assignCaseworkers(drafts, staff.coordinators, random);
  const cases: CaseRow[] = [];
  const caseEvents: CaseEventRow[] = [];
  drafts.forEach((d, i) => {
    const id = random.uuid();
    const worker = assignments[i]!;
    cases.push({ la_code: la, id, child_id: d.child.row.id, reference: `EHC-${la}-${String(i + 1).padStart(6, '0')}`, kind: 'ehc-needs-assessment', caseworker_user_id: worker.userId, team: worker.team, opened_on: isoOf(d.steps[0]!.day) });
    caseEvents.push(...toEventRows(la, id, d.steps));
  });

  const users = [...staff.users, ...family.users];
  const userRoles = [...staff.userRoles, ...family.userRoles];
  const demoCoordinator = staff.coordinators.find((c) => c.demo)!;
  const mine = drafts.filter((_, i) => assignments[i]!.userId === demoCoordinator.userId);
  const open = drafts.filter((d) => d.stage === 'assessing' || d.stage === 'draft-served');
  const issuedYoung = young.steps.find((s) => s.type === 'final-plan-issued');
  const demoAccounts = describeAccounts(users, userRoles, {
    'parent-carer': `${assessing.child.row.given_name} ${assessing.child.row.family_name}'s EHC needs assessment, now at the ${assessing.stage} stage`,
    'young-person': `Their own EHC plan, issued ${issuedYoung ? isoOf(issuedYoung.day) : 'earlier'}`,
    'ehc-coordinator': `${mine.length} open cases in team North, ${mine.filter((d) => d.overdue).length} of them overdue`,
    'send-manager': `Every team's caseload in ${input.council.name} (${cases.length} cases), reports and the audit trail`,
    'setting-senco': `Pupils with EHC plans at ${senco.row.name} (${pupils.get(senco.row.id) ?? 0})`,
    'health-partner': `Health advice requested of ${partners.icb.name} (${open.length} assessments under way)`,
    'social-care-partner': `Social care advice requested of ${partners.socialCare.name}`,
    mediator: `Mediation cases referred to ${partners.mediation.name}`,
    'national-analyst': 'National aggregate figures only, never a named child',
    'system-admin': 'System administration and national aggregate figures',
  });

  return {
    council: input.council,
    organisations: [partners.council, partners.icb, partners.socialCare, partners.educationalPsychology, partners.mediation, partners.sendiass, ...settings.map((s) => s.organisation)],
    settings: settings.map((s) => s.row),
    users,
    userRoles,
    children: [...planChildren, ...ctx.referred].map((c) => c.row),
    familyMembers: family.familyMembers,
    cases,
    caseEvents,
    placements,
    demoAccounts,
  };
}
