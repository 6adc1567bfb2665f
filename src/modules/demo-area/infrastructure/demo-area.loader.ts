import pg from 'pg';
import { WRITE_ORDER, type DemoArea, type RowSet } from '../domain/demo-area-rows.ts';
import { demoEmailDomain } from '../domain/demo-accounts.ts';
import { copyRows } from './copy-writer.ts';

/**
 * Writes a generated demo area as the database owner (row-level security does not apply), in one
 * transaction: either the whole area is there or none of it is. Rows go in as JSON batches
 * expanded by jsonb_populate_recordset — one round trip per few thousand rows, no extra packages.
 */
export class AlreadySeededError extends Error {}

export function alreadySeeded(councilName: string, laCode: string, cases: number): AlreadySeededError {
  return new AlreadySeededError(`${councilName} (${laCode}) already has ${cases} cases: run again with --reset to replace its demo data`);
}

export const TABLES: Record<RowSet, { table: string; columns: string[] }> = {
  organisations: { table: 'organisations', columns: ['la_code', 'id', 'kind', 'name', 'urn', 'ukprn'] },
  settings: {
    table: 'settings',
    columns: ['la_code', 'id', 'name', 'urn', 'ukprn', 'gias_type_code', 'kind', 'phase', 'age_from', 'age_to', 'needs_designated',
      'commissioned_places', 'in_area', 'place_cost_pence', 'postcode', 'trust_name'],
  },
  users: { table: 'users', columns: ['id', 'email', 'display_name', 'password_hash'] },
  userRoles: { table: 'user_roles', columns: ['id', 'user_id', 'role', 'la_code', 'organisation_id', 'team'] },
  children: { table: 'children', columns: ['la_code', 'id', 'given_name', 'family_name', 'date_of_birth', 'upn', 'uln', 'gender', 'postcode'] },
  familyMembers: { table: 'family_members', columns: ['la_code', 'child_id', 'user_id', 'relationship'] },
  cases: { table: 'cases', columns: ['la_code', 'id', 'child_id', 'reference', 'kind', 'caseworker_user_id', 'team', 'opened_on'] },
  caseEvents: { table: 'case_events', columns: ['la_code', 'case_id', 'seq', 'type', 'occurred_on', 'actor_user_id', 'data'] },
  placements: {
    table: 'placements',
    columns: ['la_code', 'id', 'child_id', 'setting_id', 'starts_on', 'ends_on', 'sen_unit', 'resourced_provision', 'dual_registration', 'residential'],
  },
};

const BATCH_ROWS = 5_000;

export interface WriteOptions {
  /** The argon2 hash of the demo password, computed once for every demo account. */
  demoPasswordHash: string;
  reset: boolean;
  onProgress?: (written: number, total: number) => void;
}

export type RowCounts = Record<RowSet, number>;

export async function countCases(client: pg.ClientBase, laCode: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>('select count(*) as n from cases where la_code = $1', [laCode]);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Removes one council's demo area, children first. Audit events are kept (the trail is append-only
 * and they refer to no row by foreign key); councils and other councils' rows are never touched.
 */
export async function deleteCouncilRows(client: pg.ClientBase, laCode: string): Promise<void> {
  await client.query('delete from case_events where la_code = $1', [laCode]);
  await client.query('delete from cases where la_code = $1', [laCode]);
  await client.query('delete from placements where la_code = $1', [laCode]);
  await client.query('delete from family_members where la_code = $1', [laCode]);
  await client.query('delete from children where la_code = $1', [laCode]);
  await client.query('delete from settings where la_code = $1', [laCode]);
  await client.query('delete from user_roles where la_code = $1', [laCode]);
  await client.query(`delete from users where lower(email) like '%' || $1`, [demoEmailDomain(laCode)]);
  await client.query('delete from organisations where la_code = $1', [laCode]);
}

function rowsOf(area: DemoArea, set: RowSet, hash: string): object[] {
  if (set === 'users') {
    return area.users.map((u) => ({ id: u.id, email: u.email, display_name: u.display_name, password_hash: u.demo_password ? hash : null }));
  }
  return area[set];
}

export async function writeDemoArea(adminUrl: string, area: DemoArea, options: WriteOptions): Promise<RowCounts> {
  const laCode = area.council.laCode;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('begin');
    // Two seeds of the same council at once would interleave; the second waits, then refuses.
    await client.query(`select pg_advisory_xact_lock(hashtext('opensend-seed-' || $1))`, [laCode]);
    const existing = await countCases(client, laCode);
    if (existing > 0 && !options.reset) {
      throw alreadySeeded(area.council.name, laCode, existing);
    }
    if (options.reset) await deleteCouncilRows(client, laCode);
    const total = WRITE_ORDER.reduce((sum, set) => sum + area[set].length, 0);
    const counts = {} as RowCounts;
    let written = 0;
    options.onProgress?.(0, total);
    for (const set of WRITE_ORDER) {
      const { table, columns } = TABLES[set];
      const rows = rowsOf(area, set, options.demoPasswordHash);
      const list = columns.join(', ');
      const text = `insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, $1::jsonb)`;
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        const batch = rows.slice(i, i + BATCH_ROWS);
        await client.query(text, [JSON.stringify(batch)]);
        written += batch.length;
        options.onProgress?.(written, total);
      }
      counts[set] = rows.length;
    }
    await client.query('commit');
    return counts;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/**
 * Writes one generated area with COPY on the caller's client, inside the caller's transaction (the
 * national dataset: one transaction per council, so an interrupted load resumes council by council).
 */
export async function copyDemoArea(client: pg.ClientBase, area: DemoArea, demoPasswordHash: string, onRows?: (n: number) => void): Promise<RowCounts> {
  const counts = {} as RowCounts;
  for (const set of WRITE_ORDER) {
    const { table, columns } = TABLES[set];
    counts[set] = await copyRows(client, table, columns, rowsOf(area, set, demoPasswordHash), onRows);
  }
  return counts;
}
