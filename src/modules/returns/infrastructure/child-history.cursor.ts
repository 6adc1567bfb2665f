import pg from 'pg';
import { CHILD_COUNT_SQL, CHILD_HISTORY_SQL, childHistoryOf, type ChildHistoryRow } from './child-history.query.ts';
import type { ChildHistory } from '../domain/child-history.ts';

/**
 * Reads the council's children through a server-side cursor, a batch at a time, so the export's
 * memory is one batch however large the council. `query` runs a statement on one connection inside
 * an open transaction: a plain pg client (CLI, admin URL) or a tenant-scoped Kysely transaction (web).
 */
export type RunQuery = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
export const BATCH_SIZE = 1000;

export async function* childHistories(query: RunQuery, laCode: string, periodEnd: string): AsyncGenerator<ChildHistory[]> {
  await query(`declare sen2_children no scroll cursor for ${CHILD_HISTORY_SQL}`, [laCode, periodEnd]);
  try {
    for (;;) {
      const { rows } = await query(`fetch ${BATCH_SIZE} from sen2_children`);
      if (rows.length === 0) return;
      yield (rows as ChildHistoryRow[]).map(childHistoryOf);
    }
  } finally {
    await query('close sen2_children');
  }
}

export async function countChildren(query: RunQuery, laCode: string, periodEnd: string): Promise<number> {
  const { rows } = await query(CHILD_COUNT_SQL, [laCode, periodEnd]);
  return (rows[0] as { n: number }).n;
}

/** Runs `fn` in a read-only, repeatable-read transaction on its own connection to `url`. */
export async function withReadTransaction<T>(url: string, fn: (query: RunQuery) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const result = await fn((text, values) => client.query(text, values));
    await client.query('commit');
    return result;
  } finally {
    await client.end();
  }
}
