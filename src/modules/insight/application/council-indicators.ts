import { addDays, daysFromCivil, formatIsoDate, parseLocalDate, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { indicatorsForPeriod, prepareFacts, type IndicatorValue, type StatutoryDeadlines } from '../domain/indicator-measures.ts';
import { periodsBetween, rangePeriod, type Granularity } from '../domain/periods.ts';
import { readCaseFacts, sourceVersion } from '../infrastructure/case-facts.query.ts';
import { readSnapshot, writeSnapshot, type SnapshotPayload } from '../infrastructure/snapshot.repository.ts';

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

export function computeSeries(facts: Parameters<typeof prepareFacts>[0], clock: StatutoryDeadlines, granularity: Granularity, asOf: LocalDate): SnapshotPayload {
  const prepared = prepareFacts(facts, clock, asOf);
  const periods = periodsBetween(granularity, seriesStart(granularity, asOf), asOf);
  return {
    periods: periods.map((p) => ({ key: p.key, label: p.label, from: formatIsoDate(p.from), to: formatIsoDate(p.to) })),
    values: periods.flatMap((p) => indicatorsForPeriod(prepared, p, asOf)),
  };
}

export async function councilSeries(db: Db, scope: Scope, laCode: string, granularity: Granularity, asOf: LocalDate, clock: StatutoryDeadlines): Promise<SnapshotPayload> {
  const day = formatIsoDate(asOf);
  return withTenant(db, scope, async (tx) => {
    const version = await sourceVersion(tx, laCode);
    const cached = await readSnapshot(tx, laCode, day, granularity, version);
    if (cached) return cached;
    const payload = computeSeries(await readCaseFacts(tx, laCode), clock, granularity, asOf);
    await writeSnapshot(tx, laCode, day, granularity, version, payload);
    return payload;
  });
}

/** Every indicator over one chosen range (CLI and API): always computed fresh from the events. */
export async function councilRange(db: Db, scope: Scope, laCode: string, from: LocalDate, to: LocalDate, asOf: LocalDate, clock: StatutoryDeadlines): Promise<IndicatorValue[]> {
  const facts = await withTenant(db, scope, (tx) => readCaseFacts(tx, laCode));
  return indicatorsForPeriod(prepareFacts(facts, clock, asOf), rangePeriod(from, to), asOf);
}

/** The default range: the last complete calendar year (the DfE flow year). */
export function lastCompleteYear(asOf: LocalDate): { from: LocalDate; to: LocalDate } {
  const year = toYearMonthDay(asOf).year - 1;
  return { from: daysFromCivil(year, 1, 1), to: addDays(daysFromCivil(year + 1, 1, 1), -1) };
}

export { parseLocalDate };
