import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import type { IndicatorValue } from '../domain/indicator-measures.ts';
import type { Granularity, Period } from '../domain/periods.ts';
import './insight.tables.ts';

export interface SnapshotPayload {
  periods: Array<{ key: string; label: string; from: string; to: string }>;
  values: IndicatorValue[];
}

export async function readSnapshot(tx: Tx | Db, laCode: string, asOf: string, granularity: Granularity, version: number): Promise<SnapshotPayload | undefined> {
  const row = await tx
    .selectFrom('insight_snapshots')
    .select('payload')
    .where('la_code', '=', laCode)
    .where('as_of', '=', asOf)
    .where('granularity', '=', granularity)
    .where('source_version', '=', version)
    .executeTakeFirst();
  return row ? (row.payload as SnapshotPayload) : undefined;
}

/** The council's most recent snapshot of a granularity, whatever its day or version. */
export async function readLatestSnapshot(tx: Tx | Db, laCode: string, granularity: Granularity): Promise<{ asOf: string; version: number; payload: SnapshotPayload } | undefined> {
  const row = await tx
    .selectFrom('insight_snapshots')
    .select(['as_of', 'source_version', 'payload'])
    .where('la_code', '=', laCode)
    .where('granularity', '=', granularity)
    .orderBy('as_of', 'desc')
    .executeTakeFirst();
  return row ? { asOf: row.as_of, version: Number(row.source_version), payload: row.payload as SnapshotPayload } : undefined;
}

export async function writeSnapshot(tx: Tx, laCode: string, asOf: string, granularity: Granularity, version: number, payload: SnapshotPayload): Promise<void> {
  await tx
    .insertInto('insight_snapshots')
    .values({ la_code: laCode, as_of: asOf, granularity, source_version: version, payload: JSON.stringify(payload) })
    .onConflict((oc) => oc.columns(['la_code', 'as_of', 'granularity']).doUpdateSet({ source_version: version, payload: JSON.stringify(payload), computed_at: sql`now()` }))
    .execute();
  // Older days' caches are never read again.
  await tx.deleteFrom('insight_snapshots').where('la_code', '=', laCode).where('as_of', '<', asOf).execute();
}

export type { Period };
