import { createHash } from 'node:crypto';
import pg from 'pg';
import { parseLocalDate } from '../../src/platform/calendar/index.ts';
import type { Role } from '../../src/platform/identity/roles.ts';
import { DEMO_PASSWORD, demoEmail, seedLocalArea } from '../../src/modules/demo-area/index.ts';
import { seedDisputes } from '../../src/modules/disputes/index.ts';
import { seedLocalOffer, seedProvision } from '../../src/modules/provision/index.ts';
import type { Context } from './matrix-format.ts';

/**
 * The world the matrix runs in: two small councils seeded exactly as the demo seeds them
 * (synthetic children, cases, settings, disputes, demo sign-ins for every role), plus the few
 * records the demo does not make (documents). Every signed-in actor belongs to OWN_LA; the
 * family accounts of OWN_LA are linked to the "own" child of every record below.
 */
export const OWN_LA = '857'; // Rutland: small, with every kind of record the matrix needs
export const OTHER_LA = '201'; // City of London: the smallest council with every figure published
export const WORLD_TODAY = '2026-03-02';
export const WORLD_PASSWORD = DEMO_PASSWORD;

const LOCAL_PART: Record<Role, string> = {
  'parent-carer': 'parent',
  'young-person': 'young-person',
  'ehc-coordinator': 'coordinator',
  'send-manager': 'manager',
  'setting-senco': 'senco',
  'health-partner': 'health',
  'social-care-partner': 'social-care',
  mediator: 'mediator',
  'national-analyst': 'analyst',
  'system-admin': 'admin',
};

/** The sign-in of each role in the world (national roles have no council; OWN_LA's seed made them). */
export const emailOf = (role: Role, la = OWN_LA): string => demoEmail(LOCAL_PART[role], la);

/**
 * A record kind: its field values in each context. Child records have all three contexts; council
 * records (a setting, a council's open data) have no "other-child".
 */
export interface WorldRecord {
  /** child: own/other-child/other-council; council: own/other-council; none: one value ("any"). */
  scope: 'child' | 'council' | 'none';
  values: Partial<Record<Context, Record<string, string>>>;
}
export type World = Record<string, WorldRecord>;

export async function adminQuery<T extends pg.QueryResultRow>(client: pg.Client, text: string, values: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(text, values)).rows;
}

/** Seeds both councils as the demo does, then finds (or makes) one record of each kind per context. */
export async function buildWorld(adminUrl: string): Promise<World> {
  for (const la of [OWN_LA, OTHER_LA]) {
    await seedLocalArea({ adminUrl, laCode: la, seed: 1, today: WORLD_TODAY });
    await seedProvision(adminUrl, la, WORLD_TODAY);
    await seedLocalOffer(adminUrl, la);
    await seedDisputes(adminUrl, la, parseLocalDate(WORLD_TODAY));
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await findRecords(client);
  } finally {
    await client.end();
  }
}

async function findRecords(c: pg.Client): Promise<World> {
  // Cases with a dispute (open ones first): the "own" child is the first disputed case of OWN_LA, "other-child" the second.
  const disputed = async (la: string) =>
    adminQuery<{ id: string; case_id: string; child_id: string }>(c, `select d.id, d.case_id, k.child_id from disputes d join cases k on k.la_code = d.la_code and k.id = d.case_id where d.la_code = $1 order by exists (select 1 from dispute_events x where x.la_code = d.la_code and x.dispute_id = d.id and x.type = 'dispute-closed'), d.opened_on, d.id limit 2`, [la]);
  const [own, otherChild] = await disputed(OWN_LA);
  const [otherCouncil] = await disputed(OTHER_LA);
  if (!own || !otherChild || !otherCouncil) throw new Error('world: the seed made too few disputes');
  const picks = { own: { ...own, la: OWN_LA }, 'other-child': { ...otherChild, la: OWN_LA }, 'other-council': { ...otherCouncil, la: OTHER_LA } };

  const caseRecord: WorldRecord = { scope: 'child', values: {} };
  const dispute: WorldRecord = { scope: 'child', values: {} };
  const child: WorldRecord = { scope: 'child', values: {} };
  const document: WorldRecord = { scope: 'child', values: {} };
  for (const [ctx, p] of Object.entries(picks) as Array<[Exclude<Context, 'any'>, (typeof picks)['own']]>) {
    caseRecord.values[ctx] = { id: p.case_id, laCode: p.la, childId: p.child_id };
    dispute.values[ctx] = { id: p.id, caseId: p.case_id };
    child.values[ctx] = { id: p.child_id, laCode: p.la };
  }

  // Advice not yet given: "own" asked of the health partner's organisation, "other-child" of the
  // social care partner's, on a child the family is not linked to (preferring cases where the other
  // partner was not asked too); "other-council" any advice of the other council.
  const advice: WorldRecord = { scope: 'child', values: {} };
  const askedOf = (role: string) => `exists (select 1 from case_events q join user_roles r on r.la_code = q.la_code and r.role = '${role}'
      where q.la_code = e.la_code and q.case_id = e.case_id and q.type = 'advice-requested' and q.data->>'organisationId' = r.organisation_id::text)`;
  const pickAdvice = async (la: string, mine: string, notMine: string | null, avoidChildren: string[]) => {
    const rows = await adminQuery<{ case_id: string; advice_id: string; child_id: string }>(
      c,
      `select e.case_id, e.data->>'adviceId' as advice_id, k.child_id from case_events e
         join cases k on k.la_code = e.la_code and k.id = e.case_id
         join user_roles r on r.la_code = e.la_code and r.role = $2
        where e.la_code = $1 and e.type = 'advice-requested' and e.data->>'organisationId' = r.organisation_id::text
          and not (k.child_id = any($3::uuid[]))
          ${notMine ? `and not exists (select 1 from case_events x where x.la_code = e.la_code and x.case_id = e.case_id and x.type = 'advice-received' and x.data->>'adviceId' = e.data->>'adviceId')` : ''}
        order by ${notMine ? `${askedOf(notMine)},` : ''} e.case_id, e.seq limit 1`,
      [la, mine, avoidChildren],
    );
    return rows[0] && { caseId: rows[0].case_id, adviceId: rows[0].advice_id, childId: rows[0].child_id };
  };
  const ownAdvice = await pickAdvice(OWN_LA, 'health-partner', 'social-care-partner', [own.child_id, otherChild.child_id]);
  if (ownAdvice) advice.values.own = ownAdvice;
  const otherAdvice = await pickAdvice(OWN_LA, 'social-care-partner', 'health-partner', [own.child_id, otherChild.child_id, ownAdvice?.childId ?? own.child_id]);
  if (otherAdvice) advice.values['other-child'] = otherAdvice;
  const foreignAdvice = await pickAdvice(OTHER_LA, 'health-partner', null, []);
  if (foreignAdvice) advice.values['other-council'] = foreignAdvice;

  // A document on the "own" advice case (health was asked), on a case of the same council where no
  // partner was asked for anything ("other-child"), and on the other council's advice case.
  const [quiet] = await adminQuery<{ id: string; child_id: string }>(
    c,
    `select k.id, k.child_id from cases k where k.la_code = $1 and not (k.child_id = any($2::uuid[]))
        and not exists (select 1 from case_events q where q.la_code = k.la_code and q.case_id = k.id and q.type = 'advice-requested')
      order by k.id limit 1`,
    [OWN_LA, [own.child_id, otherChild.child_id, advice.values.own?.childId ?? own.child_id]],
  );
  const documentCases = { own: advice.values.own?.caseId, 'other-child': quiet?.id, 'other-council': advice.values['other-council']?.caseId };
  for (const [ctx, la] of [['own', OWN_LA], ['other-child', OWN_LA], ['other-council', OTHER_LA]] as const) {
    const caseId = documentCases[ctx];
    if (!caseId) continue;
    const content = Buffer.from(`synthetic advice for the authorisation matrix (${ctx})`);
    const [doc] = await adminQuery<{ id: string }>(
      c,
      `insert into documents (la_code, case_id, kind, file_name, content_type, size_bytes, sha256, content) values ($1, $2, 'advice', 'advice.txt', 'text/plain', $3, $4, $5) returning id`,
      [la, caseId, content.length, createHash('sha256').update(content).digest('hex'), content],
    );
    document.values[ctx] = { id: doc!.id, laCode: la, caseId };
  }

  const setting: WorldRecord = { scope: 'council', values: {} };
  const apPlacement: WorldRecord = { scope: 'council', values: {} };
  const council: WorldRecord = { scope: 'council', values: {} };
  const orukService: WorldRecord = { scope: 'council', values: {} };
  for (const [ctx, la] of [['own', OWN_LA], ['other-council', OTHER_LA]] as const) {
    const o = await adminQuery<{ id: string }>(c, `select id from oruk_services where la_code = $1 order by id limit 1`, [la]);
    if (o[0]) orukService.values[ctx] = { id: o[0].id, laCode: la };
    const s = await adminQuery<{ id: string }>(c, `select id from settings where la_code = $1 order by id limit 1`, [la]);
    if (s[0]) setting.values[ctx] = { id: s[0].id };
    const ap = await adminQuery<{ id: string }>(c, `select id from ap_placements where la_code = $1 order by id limit 1`, [la]);
    if (ap[0]) apPlacement.values[ctx] = { id: ap[0].id };
    council.values[ctx] = { laCode: la };
  }

  // Planning (issue 12): a priority and one of its actions in each council, as the partnership writes them.
  const planningPriority: WorldRecord = { scope: 'council', values: {} };
  const planningAction: WorldRecord = { scope: 'council', values: {} };
  for (const [ctx, la] of [['own', OWN_LA], ['other-council', OTHER_LA]] as const) {
    const [p] = await adminQuery<{ id: string }>(c, `insert into planning_priorities (la_code, position, title, description, written_on, author_name, author_role) values ($1, 1, 'Synthetic priority', 'For the authorisation matrix.', $2, 'Matrix', 'SEND manager') returning id`, [la, WORLD_TODAY]);
    const [a] = await adminQuery<{ id: string }>(c, `insert into planning_actions (la_code, priority_id, description, lead, due_on, status, written_on, author_name, author_role) values ($1, $2, 'Synthetic action', 'A team', $3, 'on-track', $3, 'Matrix', 'SEND manager') returning id`, [la, p!.id, WORLD_TODAY]);
    planningPriority.values[ctx] = { id: p!.id };
    planningAction.values[ctx] = { id: a!.id };
  }

  // The OWN_LA family accounts are the family of every "own" child above.
  const family = await adminQuery<{ id: string }>(c, `select u.id from users u where u.email = any($1)`, [[emailOf('parent-carer'), emailOf('young-person')]]);
  const ownChildren = new Set([own.child_id, advice.values.own?.childId].filter((x): x is string => Boolean(x)));
  for (const u of family) {
    for (const childId of ownChildren) {
      await c.query(`insert into family_members (la_code, child_id, user_id, relationship) values ($1, $2, $3, 'parent') on conflict do nothing`, [OWN_LA, childId, u.id]);
    }
  }
  return { case: caseRecord, dispute, child, document, advice, setting, apPlacement, council, orukService, planningPriority, planningAction };
}

/** The contexts a row is checked in: those of the records its parameters name. */
export function contextsOf(world: World, params: Record<string, string> | undefined): Context[] {
  const used = Object.values(params ?? {}).filter((v) => v.startsWith('@')).map((v) => v.slice(1).split('.')[0]!);
  for (const u of used) if (!world[u]) throw new Error(`the matrix names @${u}, which the test world does not have (see test/authorisation/world.ts)`);
  const scopes = used.map((u) => world[u]!.scope);
  if (scopes.includes('child')) return ['own', 'other-child', 'other-council'];
  if (scopes.includes('council')) return ['own', 'other-council'];
  return ['any'];
}

/** Fills a path's parameters for one context; undefined when the world lacks that record there. */
export function resolvePath(world: World, url: string, params: Record<string, string> | undefined, context: Context): string | undefined {
  let missing = false;
  const out = url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const spec = params?.[name] ?? '';
    if (!spec.startsWith('@')) return encodeURIComponent(spec);
    const [kind, field] = spec.slice(1).split('.') as [string, string];
    const record = world[kind]!;
    // A council record stands for itself in "other-child"; a record of no council is the same everywhere.
    const ctx = record.scope === 'none' ? 'any' : context === 'other-child' && record.scope === 'council' ? 'own' : context;
    const value = record.values[ctx]?.[field];
    if (value === undefined) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  return missing ? undefined : out;
}

type Ctx = Exclude<Context, 'any'>;
interface Client {
  send(method: string, url: string, opts?: { form?: Record<string, string> }): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;
}

/**
 * What the seed does not make, made or found through the app itself as the council's own staff
 * would: a draft EHC plan on each case, the notice and next step each page links to, a family's
 * request draft and a SENCO's. `staff(ctx)` is a coordinator of that context's council.
 */
export async function enrichWorld(world: World, staff: (ctx: Ctx) => Client, senco: Client, visitor: Client): Promise<void> {
  const caseRecord = world.case!;
  const dispute = world.dispute!;
  for (const ctx of ['own', 'other-child', 'other-council'] as const) {
    const client = staff(ctx);
    const values = caseRecord.values[ctx]!;
    const started = await client.send('POST', `/cases/${values.id}/plan`, { form: { primaryNeed: 'ASD' } });
    if (started.statusCode !== 303) throw new Error(`world: could not start a plan on the ${ctx} case (${started.statusCode})`);
    const page = await client.send('GET', `/cases/${values.id}`);
    const notice = new RegExp(`/cases/${values.id}/notices/(\\d+)`).exec(page.body);
    if (notice) values.noticeSeq = notice[1]!;
    const reviews = await client.send('GET', `/cases/${values.id}/reviews`);
    const reviewStep = new RegExp(`/cases/${values.id}/reviews/steps/([a-z-]+)`).exec(reviews.body);
    if (reviewStep) values.reviewStep = reviewStep[1]!;
    const reviewNotice = new RegExp(`/cases/${values.id}/reviews/notices/(\\d+)`).exec(reviews.body);
    if (reviewNotice) values.reviewNoticeSeq = reviewNotice[1]!;
    const d = dispute.values[ctx]!;
    const disputePage = await client.send('GET', `/disputes/${d.id}`);
    const step = new RegExp(`/disputes/${d.id}/steps/([a-z-]+)`).exec(disputePage.body);
    if (step) d.step = step[1]!;
  }
  const draftOf = async (client: Client, start: string): Promise<Record<string, string> | undefined> => {
    const res = await client.send('POST', start);
    const m = new RegExp(`^${start}/([0-9a-f-]{36})/([a-z-]+)$`).exec(String(res.headers.location ?? ''));
    return m ? { id: m[1]!, slug: m[2]! } : undefined;
  };
  // A request draft is reached by whoever holds its address (the family has no account yet).
  world.requestDraft = { scope: 'none', values: {} };
  const family = await draftOf(visitor, '/request');
  if (family) world.requestDraft.values.any = family;
  // A SENCO's draft is theirs alone.
  world.settingDraft = { scope: 'none', values: {} };
  const setting = await draftOf(senco, '/setting-request');
  if (setting) world.settingDraft.values.any = setting;
}
