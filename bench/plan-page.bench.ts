import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { BenchResult } from './bench-result.ts';
import { median } from './bench-result.ts';
import { signedInCookie, startBenchApp } from './support/bench-app.ts';
import { DEMO_PASSWORD, openNationalDataset, plansIn } from './support/national-dataset.ts';
import { requestsPerSecond } from './support/load.ts';
import { PROJECT_ROOT } from '../src/main.ts';
import { createNunjucksEnv } from '../src/platform/web/nunjucks-env.ts';
import { BROAD_AREAS, FREQUENCY_PERIODS, FUNDING_SOURCES, type AdviceItem, type PlanDocument, validatePlanDocument } from '../src/modules/plans/index.ts';
import { planPageContext } from '../src/modules/plans/web/plan-version-page.ts';

/**
 * plan-page: requests/s of an issued plan's HTML page (GET /cases/:id/plan/versions/1) for a large
 * plan (12 needs, 40 provision items, 10 outcomes, 8 advice documents) with England loaded (the
 * national dataset), through the whole app: session, access control, row-level security, the read,
 * the view audited, the page rendered. The floor is rendering the same view model with Nunjucks
 * alone in a loop for the same time, in this process. The load comes from autocannon in a second
 * process on the same two cores. App and floor rounds alternate. Target ratio >= 0.6.
 */
const SECONDS = 5;
const ROUNDS = 3;

/** A large but realistic plan: every provision item quantified and linked, so it can be issued. */
export function largePlan(planId: string): PlanDocument {
  const sources = ['education', 'health', 'educational-psychology', 'social-care'] as const;
  const advice = Array.from({ length: 8 }, (_, i): AdviceItem => ({
    id: `adv-${i + 1}`, source: sources[i % 4] ?? 'other', authorRole: `Advisor ${i + 1}`,
    date: `2025-0${(i % 8) + 1}-1${i % 10}`, title: `Advice report ${i + 1} on the child's needs and the support that will help`,
  }));
  const needs = Array.from({ length: 12 }, (_, i) => ({
    id: `need-${i + 1}`, area: BROAD_AREAS[i % 4]!, evidence: [`adv-${(i % 8) + 1}`, `adv-${((i + 3) % 8) + 1}`],
    statement: `Need ${i + 1}: finds it hard to follow spoken instructions of more than two steps and needs visual support, extra processing time and pre-teaching of vocabulary across the curriculum.`,
  }));
  const outcomes = Array.from({ length: 10 }, (_, i) => ({
    id: `out-${i + 1}`, text: `By the end of key stage ${(i % 3) + 2}, I will be able to do task ${i + 1} with less adult help.`,
    successLooksLike: `Observed in three different lessons in a half term, recorded by the class teacher (${i + 1}).`, byWhen: `2029-0${(i % 9) + 1}-15`,
    preparingForAdulthood: i < 3 ? (['employment', 'independent-living', 'health'] as const)[i]! : null, needIds: [`need-${i + 1}`, `need-${((i + 5) % 12) + 1}`],
  }));
  const provision = Array.from({ length: 40 }, (_, i) => ({
    id: `prov-${i + 1}`, what: `Provision ${i + 1}: a structured programme delivered in small steps with visual supports and regular review of progress.`,
    deliveredBy: { role: i % 2 ? 'teaching assistant' : 'speech and language therapist', qualification: i % 2 ? 'Level 3 trained' : 'HCPC registered' },
    frequency: { times: (i % 3) + 1, per: FREQUENCY_PERIODS[i % 3]! }, durationMinutes: 30 + (i % 4) * 15, groupSize: (i % 4) + 1,
    fundedBy: FUNDING_SOURCES[i % 3]!, needIds: [`need-${(i % 12) + 1}`], outcomeIds: [`out-${(i % 10) + 1}`],
  }));
  const none = { confirmedBy: 'Dr Bench', role: 'Designated clinical officer', date: '2025-08-01' };
  return {
    schemaVersion: '1.0', planId, version: 1, status: 'final', issuedOn: '2025-09-01', issuedBy: { name: 'Bench Officer', role: 'EHC coordinator' },
    child: { givenName: 'Bench', familyName: 'Child', dateOfBirth: '2015-05-05' }, la: { code: '370', name: 'Barnsley' }, primaryNeed: 'SLCN', secondaryNeeds: ['SEMH'],
    sections: {
      A: { writtenBy: 'child', aboutMe: { aspirations: 'I want to be a vet.', interests: 'I like drawing and my rabbits.', whatPeopleLikeAndAdmire: 'I am kind.', whatIsImportant: 'My family.', howBestToSupport: 'Give me time to answer.' }, parentsViews: 'We want him to be happy and confident.' },
      B: { needs }, C: { needs: [], noNeedsIdentified: none }, D: { needs: [], noNeedsIdentified: none }, E: { outcomes },
      F: { provision }, G: { provision: [], noNeedsIdentified: none }, H1: { provision: [], noNeedsIdentified: none }, H2: { provision: [], noNeedsIdentified: none },
      I: { kind: 'named', settingName: 'Bench Primary School', urn: '123456', settingType: 'mainstream-school' }, J: { items: [] }, K: { advice },
    },
  };
}

const LA = '370';
const REFERENCE = 'EHC-370-888888';

/**
 * The benchmark's large plan, added once to the national dataset (a Barnsley case of its own, kept
 * with the dataset for later runs) and read back, so the page and the floor render the same one.
 */
async function benchPlanCase(adminUrl: string): Promise<{ caseId: string; plan: PlanDocument }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const existing = await admin.query<{ case_id: string; document: PlanDocument }>(
      `select c.id as case_id, v.document from cases c join plans p on p.la_code = c.la_code and p.case_id = c.id
         join plan_versions v on v.la_code = p.la_code and v.plan_id = p.id and v.version = 1 where c.la_code = $1 and c.reference = $2`, [LA, REFERENCE],
    );
    if (existing.rows[0]) return { caseId: existing.rows[0].case_id, plan: existing.rows[0].document };
    const planId = randomUUID();
    const plan = largePlan(planId);
    const problems = validatePlanDocument(plan);
    if (problems.length) throw new Error(`plan-page: the benchmark plan is not valid: ${JSON.stringify(problems.slice(0, 3))}`);
    await admin.query('begin');
    const issuer = await admin.query<{ id: string }>(`select id from users where email = $1`, [`coordinator@${LA}.demo.opensend.test`]);
    const child = await admin.query<{ id: string }>(`insert into children (la_code, given_name, family_name, date_of_birth) values ($1, 'Bench', 'Child', '2015-05-05') returning id`, [LA]);
    const kase = await admin.query<{ id: string }>(`insert into cases (la_code, child_id, reference, opened_on) values ($1, $2, $3, '2025-01-06') returning id`, [LA, child.rows[0]!.id, REFERENCE]);
    const caseId = kase.rows[0]!.id;
    await admin.query(`insert into plans (la_code, id, case_id, child_id) values ($1, $2, $3, $4)`, [LA, planId, caseId, child.rows[0]!.id]);
    await admin.query(`insert into plan_versions (la_code, plan_id, version, status, document, issued_on, issued_by) values ($1, $2, 1, 'final', $3, '2025-09-01', $4)`,
      [LA, planId, JSON.stringify(plan), issuer.rows[0]?.id ?? null]);
    await admin.query('commit');
    return { caseId, plan };
  } finally {
    await admin.end();
  }
}

export async function run(): Promise<BenchResult> {
  // National size (#14): England loaded; the plan is one more case in Barnsley.
  const handle = await openNationalDataset(1);
  try {
    const { caseId, plan } = await benchPlanCase(handle.adminUrl);

    const { app, base } = await startBenchApp(handle.db);
    const cookie = await signedInCookie(app, `coordinator@${LA}.demo.opensend.test`, DEMO_PASSWORD);
    const url = `${base}/cases/${caseId}/plan/versions/1`;
    const check = await fetch(url, { headers: { cookie } });
    const html = await check.text();
    if (check.status !== 200 || !html.includes('Provision 40:')) throw new Error(`plan-page: the page did not render (${check.status})`);
    // The floor: the same template and the same view model, with the layout's own variables, in a
    // loop. The environment is built as the app builds its own (same search paths, compiled
    // templates cached).
    const env = createNunjucksEnv(PROJECT_ROOT);
    const context = {
      ...planPageContext(caseId, plan),
      cspNonce: 'bench-nonce', csrfToken: 'bench-token', assetPrefix: '/assets/bench', assetPath: '/assets/bench/govuk/assets', currentPath: `/cases/${caseId}/plan/versions/1`,
      principal: { displayName: 'Bench Reader', role: 'ehc-coordinator' }, roleNames: {},
    };
    const floorBytes = env.render('plans/plan-version.njk', context).length;
    const renderFor = (seconds: number): number => {
      let count = 0;
      const until = performance.now() + seconds * 1000;
      while (performance.now() < until) {
        if (env.render('plans/plan-version.njk', context).length === 0) throw new Error('unreachable');
        count++;
      }
      return count / seconds;
    };
    renderFor(1);
    // App and floor rounds alternate, so a machine busy with other work slows both alike.
    const appRuns: number[] = [];
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const round = await requestsPerSecond(url, { headers: { cookie }, seconds: SECONDS, rounds: 1 });
      if (round.non2xx || round.errors) throw new Error(`plan-page: ${round.non2xx} non-2xx, ${round.errors} errors`);
      appRuns.push(round.median);
      rounds.push(renderFor(SECONDS));
    }
    await app.close();
    const full = { median: median(appRuns), runs: appRuns };
    const floor = median(rounds);
    return {
      name: 'plan-page',
      value: Math.round(full.median * 10) / 10,
      floor: Math.round(floor * 10) / 10,
      ratio: Math.round((full.median / floor) * 1000) / 1000,
      unit: 'requests/s',
      target: '>=0.6',
      details: {
        appRuns: full.runs.map((v) => Math.round(v)), renderRuns: rounds.map((v) => Math.round(v)), pageBytes: html.length, floorBytes,
        plan: { needs: 12, provision: 40, outcomes: 10, advice: 8 }, secondsPerRun: SECONDS, nationalPlans: await plansIn(handle),
      },
    };
  } finally {
    await handle.close();
  }
}
