import { formatIsoDate, loadEnglandAndWalesCalendar, todayInEngland, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { statutoryDeadlines } from '../application/statutory-deadlines.ts';
import type { StatutoryDeadlines } from '../domain/indicator-measures.ts';
import { statisticalNeighbours } from '../domain/statistical-neighbours.ts';
import { loadBenchmarks, loadConfiguredNeighbours } from '../infrastructure/benchmark-files.ts';
import { INSIGHT_PROJECT_ROOT } from '../infrastructure/project-root.ts';
import type { BenchmarkContext } from './dashboard.presenter.ts';

/** What every insight request needs: today, the statutory clock and the published benchmarks. */
export interface InsightRequestContext {
  asOf: LocalDate;
  clock: StatutoryDeadlines;
  /** The last complete calendar year, e.g. '2025' during 2026: the headline period. */
  completeYear: string;
}

let clock: StatutoryDeadlines | undefined;

export function requestContext(now = new Date()): InsightRequestContext {
  clock ??= statutoryDeadlines(loadEnglandAndWalesCalendar(INSIGHT_PROJECT_ROOT));
  const asOf = todayInEngland(now);
  return { asOf, clock, completeYear: String(toYearMonthDay(asOf).year - 1) };
}

const contexts = new Map<string, Promise<BenchmarkContext & { basis: string }>>();

/**
 * The published benchmarks as one council sees them (its region, its statistical neighbours). Built
 * from files that ship with the code, so worked out once per council and process.
 */
export function benchmarkContext(laCode: string): Promise<BenchmarkContext & { basis: string }> {
  let found = contexts.get(laCode);
  if (!found) {
    found = buildBenchmarkContext(laCode);
    found.catch(() => contexts.delete(laCode));
    contexts.set(laCode, found);
  }
  return found;
}

async function buildBenchmarkContext(laCode: string): Promise<BenchmarkContext & { basis: string }> {
  const [set, configured] = await Promise.all([loadBenchmarks(INSIGHT_PROJECT_ROOT), loadConfiguredNeighbours(INSIGHT_PROJECT_ROOT)]);
  const me = set.geographies.get(laCode);
  const region = me?.regionCode ? set.geographies.get(me.regionCode) : undefined;
  const { neighbours, basis } = statisticalNeighbours(set, laCode, configured);
  return { set, laCode, region, neighbours, basis };
}

/** The council a local request is about: the one asked for if the person works there, else their first. */
export function councilOf(principal: Principal, asked: string | undefined): string | undefined {
  if (asked !== undefined) return principal.laCodes.includes(asked) ? asked : undefined;
  return principal.laCodes[0];
}

export { formatIsoDate };
