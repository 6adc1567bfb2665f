import { sql } from 'kysely';
import type { Db } from '../../../platform/db/connection.ts';

export interface NationalCount {
  laCode: string;
  measure: string;
  n: number;
}

/**
 * Aggregate counts per council from the security-definer function (the only way a national role
 * reads across councils). It returns counts, never rows about people.
 */
export async function nationalCounts(db: Db, from: string, to: string, stockOn: string): Promise<NationalCount[]> {
  const rows = await sql<{ la_code: string; measure: string; n: number }>`select la_code, measure, n from insight_national_counts(${from}::date, ${to}::date, ${stockOn}::date)`.execute(db);
  return rows.rows.map((r) => ({ laCode: r.la_code, measure: r.measure, n: Number(r.n) }));
}

export async function councilDirectory(db: Db): Promise<Array<{ laCode: string; name: string; regionCode: string; regionName: string }>> {
  const rows = await db.selectFrom('councils').select(['la_code', 'name', 'region_code', 'region_name']).orderBy('name').execute();
  return rows.map((r) => ({ laCode: r.la_code, name: r.name, regionCode: r.region_code, regionName: r.region_name }));
}
