import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../../../platform/db/database-types.ts';
import { readCouncils } from './reference-files.ts';

/** data/reference/ in this checkout (the CLI passes its own `cwd`-based path instead when it has one). */
export const DEFAULT_REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'data', 'reference');

/** Runs one parameterised statement on either a plain pg client or a Kysely instance. */
export async function runStatement(target: pg.ClientBase | Kysely<Database>, text: string, params: unknown[]): Promise<number> {
  if (target instanceof Kysely) {
    const result = await target.executeQuery(CompiledQuery.raw(text, params));
    return Number(result.numAffectedRows ?? 0);
  }
  const result = await target.query(text, params);
  return result.rowCount ?? 0;
}

/**
 * Upserts the 153 English councils (DfE code, ONS code, name, region). Safe to run on every start:
 * a renamed council or a new ONS code is updated in place; nothing is ever deleted.
 */
export async function loadCouncils(target: pg.ClientBase | Kysely<Database>, referenceDir: string = DEFAULT_REFERENCE_DIR): Promise<number> {
  const councils = await readCouncils(referenceDir);
  const rows = councils.map((c) => ({ la_code: c.laCode, ons_code: c.onsCode, name: c.name, region_code: c.regionCode, region_name: c.regionName }));
  await runStatement(
    target,
    `insert into councils (la_code, ons_code, name, region_code, region_name)
     select la_code, ons_code, name, region_code, region_name from jsonb_populate_recordset(null::councils, $1::jsonb)
     on conflict (la_code) do update set ons_code = excluded.ons_code, name = excluded.name,
       region_code = excluded.region_code, region_name = excluded.region_name`,
    [JSON.stringify(rows)],
  );
  return rows.length;
}
