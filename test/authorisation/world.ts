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
export const OWN_LA = '201'; // City of London: the smallest council with every figure published
export const OTHER_LA = '857'; // Rutland
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
  childScoped: boolean;
  values: Partial<Record<Exclude<Context, 'any'>, Record<string, string>>>;
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
  // Cases with a dispute: the "own" child is the first disputed case of OWN_LA, "other-child" the second.
  const disputed = async (la: string) =>
    adminQuery<{ id: string; case_id: string; child_id: string }>(c, `select d.id, d.case_id, k.child_id from disputes d join cases k on k.la_code = d.la_code and k.id = d.case_id where d.la_code = $1 order by d.opened_on, d.id limit 2`, [la]);
  const [own, otherChild] = await disputed(OWN_LA);
  const [otherCouncil] = await disputed(OTHER_LA);
  if (!own || !otherChild || !otherCouncil) throw new Error('world: the seed made too few disputes');
  const picks = { own: { ...own, la: OWN_LA }, 'other-child': { ...otherChild, la: OWN_LA }, 'other-council': { ...otherCouncil, la: OTHER_LA } };

  const caseRecord: WorldRecord = { childScoped: true, values: {} };
  const dispute: WorldRecord = { childScoped: true, values: {} };
  const child: WorldRecord = { childScoped: true, values: {} };
  const document: WorldRecord = { childScoped: true, values: {} };
  for (const [ctx, p] of Object.entries(picks) as Array<[Exclude<Context, 'any'>, (typeof picks)['own']]>) {
    const notice = await adminQuery<{ seq: number }>(c, `select seq from case_events where la_code = $1 and case_id = $2 and type = 'decision-to-assess' order by seq limit 1`, [p.la, p.case_id]);
    caseRecord.values[ctx] = { id: p.case_id, laCode: p.la, childId: p.child_id, noticeSeq: String(notice[0]?.seq ?? 1) };
    dispute.values[ctx] = { id: p.id, caseId: p.case_id };
    child.values[ctx] = { id: p.child_id, laCode: p.la };
    const content = Buffer.from(`synthetic advice for the authorisation matrix (${ctx})`);
    const [doc] = await adminQuery<{ id: string }>(
      c,
      `insert into documents (la_code, case_id, kind, file_name, content_type, size_bytes, sha256, content) values ($1, $2, 'advice', 'advice.txt', 'text/plain', $3, $4, $5) returning id`,
      [p.la, p.case_id, content.length, createHash('sha256').update(content).digest('hex'), content],
    );
    document.values[ctx] = { id: doc!.id, laCode: p.la, caseId: p.case_id };
  }

  // Advice not yet given: "own" and "other-council" asked of the health partner's organisation,
  // "other-child" asked of the social care partner's (so the health partner has no business with it).
  const advice: WorldRecord = { childScoped: true, values: {} };
  for (const [ctx, la, role] of [['own', OWN_LA, 'health-partner'], ['other-child', OWN_LA, 'social-care-partner'], ['other-council', OTHER_LA, 'health-partner']] as const) {
    const rows = await adminQuery<{ case_id: string; advice_id: string; child_id: string }>(
      c,
      `select e.case_id, e.data->>'adviceId' as advice_id, k.child_id from case_events e
         join cases k on k.la_code = e.la_code and k.id = e.case_id
         join user_roles r on r.la_code = e.la_code and r.role = $2
        where e.la_code = $1 and e.type = 'advice-requested' and e.data::text like '%' || r.organisation_id || '%'
          and not exists (select 1 from case_events x where x.la_code = e.la_code and x.case_id = e.case_id and x.type = 'advice-received' and x.data->>'adviceId' = e.data->>'adviceId')
        order by e.case_id, e.seq limit 1`,
      [la, role],
    );
    if (rows[0]) advice.values[ctx] = { caseId: rows[0].case_id, adviceId: rows[0].advice_id, childId: rows[0].child_id };
  }

  const setting: WorldRecord = { childScoped: false, values: {} };
  const apPlacement: WorldRecord = { childScoped: false, values: {} };
  const council: WorldRecord = { childScoped: false, values: {} };
  for (const [ctx, la] of [['own', OWN_LA], ['other-council', OTHER_LA]] as const) {
    const s = await adminQuery<{ id: string }>(c, `select id from settings where la_code = $1 order by id limit 1`, [la]);
    if (s[0]) setting.values[ctx] = { id: s[0].id };
    const ap = await adminQuery<{ id: string }>(c, `select id from ap_placements where la_code = $1 order by id limit 1`, [la]);
    if (ap[0]) apPlacement.values[ctx] = { id: ap[0].id };
    council.values[ctx] = { laCode: la };
  }

  // The OWN_LA family accounts are the family of every "own" child above.
  const family = await adminQuery<{ id: string }>(c, `select u.id from users u where u.email = any($1)`, [[emailOf('parent-carer'), emailOf('young-person')]]);
  const ownChildren = new Set([own.child_id, advice.values.own?.childId].filter((x): x is string => Boolean(x)));
  for (const u of family) {
    for (const childId of ownChildren) {
      await c.query(`insert into family_members (la_code, child_id, user_id, relationship) values ($1, $2, $3, 'parent') on conflict do nothing`, [OWN_LA, childId, u.id]);
    }
  }
  return { case: caseRecord, dispute, child, document, advice, setting, apPlacement, council };
}

/** The contexts a row is checked in: those of the records its parameters name. */
export function contextsOf(world: World, params: Record<string, string> | undefined): Context[] {
  const used = Object.values(params ?? {}).filter((v) => v.startsWith('@')).map((v) => v.slice(1).split('.')[0]!);
  if (used.length === 0) return ['any'];
  for (const u of used) if (!world[u]) throw new Error(`the matrix names @${u}, which the test world does not have (see test/authorisation/world.ts)`);
  return used.some((u) => world[u]!.childScoped) ? ['own', 'other-child', 'other-council'] : ['own', 'other-council'];
}

/** Fills a path's parameters for one context; undefined when the world lacks that record there. */
export function resolvePath(world: World, url: string, params: Record<string, string> | undefined, context: Context): string | undefined {
  let missing = false;
  const out = url.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const spec = params?.[name] ?? '';
    if (!spec.startsWith('@')) return encodeURIComponent(spec);
    const [kind, field] = spec.slice(1).split('.') as [string, string];
    const record = world[kind]!;
    // A council record has no "other-child": the same council's record stands for it.
    const ctx = context === 'any' ? 'own' : context === 'other-child' && !record.childScoped ? 'own' : context;
    const value = record.values[ctx]?.[field];
    if (value === undefined) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  return missing ? undefined : out;
}
