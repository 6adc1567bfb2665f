import { addDays, daysFromCivil, formatIsoDate, parseLocalDate, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
import { readWithTenant, withTenant, type Db } from '../../../platform/db/connection.ts';
import { indicatorsForPeriod, indicatorsForPeriods, prepareFacts, type IndicatorValue, type StatutoryDeadlines } from '../domain/indicator-measures.ts';
import { GRANULARITIES, periodsBetween, rangePeriod, type Granularity } from '../domain/periods.ts';
import { readCaseFacts, sourceVersion } from '../infrastructure/case-facts.query.ts';
import { readAreaFacts } from '../infrastructure/area-facts.query.ts';
import { NO_AREA_FACTS, type AreaFacts } from '../domain/area-facts.ts';
import { readLatestSnapshot, readSnapshot, writeSnapshot, type SnapshotPayload } from '../infrastructure/snapshot.repository.ts';

/**
 * A council's indicators. Series are served from the per-council cache while nothing the
 * indicators read has changed since (the change counter) and the day is the same; otherwise they
 * are recomputed from the events and stored (docs/adr/0011-indicator-aggregates.md).
 */
export const SERIES_LENGTH: Record<Granularity, { years: number }> = { year: { years: 10 }, quarter: { years: 5 }, month: { years: 3 } };

export interface Scope {
  laCodes: readonly string[];
  userId?: string;
}

export function seriesStart(granularity: Granularity, asOf: LocalDate): LocalDate {
  return daysFromCivil(toYearMonthDay(asOf).year - SERIES_LENGTH[granularity].years + 1, 1, 1);
}

export function computeSeries(facts: Parameters<typeof prepareFacts>[0], clock: StatutoryDeadlines, granularity: Granularity, asOf: LocalDate, area: AreaFacts = NO_AREA_FACTS): SnapshotPayload {
  const prepared = prepareFacts(facts, clock, asOf);
  const periods = periodsBetween(granularity, seriesStart(granularity, asOf), asOf);
  return {
    // The current period is incomplete: say so wherever its figure is shown.
    periods: periods.map((p) => ({ key: p.key, label: p.to > asOf ? `${p.label} (to date)` : p.label, from: formatIsoDate(p.from), to: formatIsoDate(p.to) })),
    values: indicatorsForPeriods(prepared, periods, asOf, area),
  };
}

export async function councilSeries(db: Db, scope: Scope, laCode: string, granularity: Granularity, asOf: LocalDate, clock: StatutoryDeadlines): Promise<SnapshotPayload> {
  return (await councilSeriesWithAge(db, scope, laCode, granularity, asOf, clock, { staleOk: false })).payload;
}

const refreshing = new Set<string>();

/**
 * Snapshots already read, per database, by council, day, granularity and change counter. A
 * snapshot for one such key never changes (a new event bumps the counter, a new day changes the
 * day), so a dashboard visit costs one small read of the counter instead of reading and parsing the
 * whole payload.
 */
const snapshotsByDb = new WeakMap<Db, Map<string, SnapshotPayload>>();
function currentSnapshots(db: Db): Map<string, SnapshotPayload> {
  let found = snapshotsByDb.get(db);
  if (!found) {
    found = new Map();
    snapshotsByDb.set(db, found);
  }
  return found;
}
function rememberSnapshot(db: Db, key: string, payload: SnapshotPayload): void {
  const known = currentSnapshots(db);
  if (known.has(key)) return;
  if (known.size >= 1000) known.delete(known.keys().next().value as string);
  known.set(key, payload);
}


/**
 * With `staleOk`, a page is answered from the council's latest snapshot even when a newer event or a
 * new day has made it out of date, and the snapshot is recomputed in the background: a busy council
 * never waits seconds for its dashboard because someone recorded a step. The page says when its
 * figures were worked out. Without it (API, CLI, tests) the answer is always current.
 */
export async function councilSeriesWithAge(
  db: Db, scope: Scope, laCode: string, granularity: Granularity, asOf: LocalDate, clock: StatutoryDeadlines, options: { staleOk: boolean },
): Promise<{ payload: SnapshotPayload; asOf: string; current: boolean }> {
  const day = formatIsoDate(asOf);
  // Reading the events is most of the cost, so one read refreshes every granularity at once.
  const recompute = (): Promise<SnapshotPayload> =>
    withTenant(db, scope, async (tx) => {
      const version = await sourceVersion(tx, laCode);
      const facts = await readCaseFacts(tx, laCode);
      const area = await readAreaFacts(tx, laCode);
      let wanted: SnapshotPayload | undefined;
      for (const g of GRANULARITIES) {
        const payload = computeSeries(facts, clock, g, asOf, area);
        await writeSnapshot(tx, laCode, day, g, version, payload);
        if (g === granularity) wanted = payload;
      }
      return wanted!;
    });
  const found = await readWithTenant(db, scope, async (q) => {
    const version = await sourceVersion(q, laCode);
    const key = `${laCode}|${day}|${granularity}|${version}`;
    const exact = currentSnapshots(db).get(key) ?? (await readSnapshot(q, laCode, day, granularity, version));
    if (exact) {
      rememberSnapshot(db, key, exact);
      return { payload: exact, asOf: day, current: true };
    }
    if (!options.staleOk) return undefined;
    const latest = await readLatestSnapshot(q, laCode, granularity);
    return latest ? { payload: latest.payload, asOf: latest.asOf, current: false } : undefined;
  });
  if (found?.current) return found;
  if (found) {
    const key = laCode;
    if (!refreshing.has(key)) {
      refreshing.add(key);
      void recompute().catch(() => undefined).finally(() => refreshing.delete(key));
    }
    return found;
  }
  return { payload: await recompute(), asOf: day, current: true };
}

/** Every indicator over one chosen range (CLI and API): always computed fresh from the events. */
export async function councilRange(db: Db, scope: Scope, laCode: string, from: LocalDate, to: LocalDate, asOf: LocalDate, clock: StatutoryDeadlines): Promise<IndicatorValue[]> {
  const { facts, area } = await withTenant(db, scope, async (tx) => ({ facts: await readCaseFacts(tx, laCode), area: await readAreaFacts(tx, laCode) }));
  return indicatorsForPeriod(prepareFacts(facts, clock, asOf), rangePeriod(from, to), asOf, area);
}

/** The default range: the last complete calendar year (the DfE flow year). */
export function lastCompleteYear(asOf: LocalDate): { from: LocalDate; to: LocalDate } {
  const year = toYearMonthDay(asOf).year - 1;
  return { from: daysFromCivil(year, 1, 1), to: addDays(daysFromCivil(year + 1, 1, 1), -1) };
}

export { parseLocalDate };
