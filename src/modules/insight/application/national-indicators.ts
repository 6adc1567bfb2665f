import { formatIsoDate, type LocalDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db/connection.ts';
import { suppressLinkedTables, suppressRate, suppressTable } from '../domain/disclosure-control.ts';
import { councilDirectory, nationalCounts } from '../infrastructure/national.query.ts';

/**
 * The national view: every council with OpenSEND data, aggregate counts only, with disclosure
 * control applied before anything is shown or downloaded. Counts that are parts of one total are
 * suppressed as one table (councils are rows, England is the totals row), and tables sharing a
 * total are linked, so no hidden count can be recovered by subtraction.
 */
export interface NationalRow {
  laCode: string;
  name: string;
  regionName: string;
  plansInPlace: number | null;
  mainstreamShare: number | null;
  requests: number | null;
  refusalRate: number | null;
  decisionsWithin6Weeks: number | null;
  newPlans: number | null;
  within20Weeks: number | null;
  within20WeeksExcludingExceptions: number | null;
}

export interface NationalView {
  from: string;
  to: string;
  stockOn: string;
  rows: NationalRow[];
  england: Omit<NationalRow, 'laCode' | 'name' | 'regionName'>;
}

const pct = (n: number | null, d: number | null): number | null => (n === null || d === null || d === 0 ? null : Math.round((n / d) * 1000) / 10);

export async function nationalView(db: Db, from: LocalDate, to: LocalDate, asOf: LocalDate): Promise<NationalView> {
  const stockOn = to < asOf ? to : asOf;
  const counts = await nationalCounts(db, formatIsoDate(from), formatIsoDate(to), formatIsoDate(stockOn));
  const byCouncil = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const m = byCouncil.get(c.laCode) ?? new Map<string, number>();
    m.set(c.measure, c.n);
    byCouncil.set(c.laCode, m);
  }
  const councils = (await councilDirectory(db)).filter((c) => byCouncil.has(c.laCode));
  const get = (la: string, measure: string): number => byCouncil.get(la)?.get(measure) ?? 0;
  const split = (whole: string, part: string) => councils.map((c) => [get(c.laCode, part), get(c.laCode, whole) - get(c.laCode, part)]);

  const plans = suppressTable(split('plans-in-place', 'mainstream-plans'));
  // Requests split by outcome and by decision time (the undecided are the rest): one shared total.
  const [refusals, decisions] = suppressLinkedTables([
    split('requests', 'refused'),
    councils.map((c) => {
      const decided = get(c.laCode, 'decided');
      const inTime = get(c.laCode, 'decided-within-6-weeks');
      return [inTime, decided - inTime, get(c.laCode, 'requests') - decided];
    }),
  ]);
  // Plans issued split by timeliness, and by exceptions then timeliness: one shared total.
  const [issued, issuedEx] = suppressLinkedTables([
    split('issued', 'issued-within-20-weeks'),
    councils.map((c) => {
      const ex = get(c.laCode, 'issued-excluding-exceptions');
      const exIn = get(c.laCode, 'issued-excluding-exceptions-within-20-weeks');
      return [exIn, ex - exIn, get(c.laCode, 'issued') - ex];
    }),
  ]);
  const t = { plans: plans, refusals: refusals!, decisions: decisions!, issued: issued!, issuedEx: issuedEx! };
  const sum2 = (a: number | null | undefined, b: number | null | undefined): number | null => (a === null || a === undefined || b === null || b === undefined ? null : a + b);

  const rowAt = (i: number): Omit<NationalRow, 'laCode' | 'name' | 'regionName'> => {
    const d = t.decisions.cells[i]!;
    const x = t.issuedEx.cells[i]!;
    const decided = sum2(d[0], d[1]);
    const ex = sum2(x[0], x[1]);
    return {
      plansInPlace: t.plans.rowTotals[i] ?? null,
      mainstreamShare: suppressRate(t.plans.cells[i]![0] ?? null, t.plans.rowTotals[i] ?? null, pct(t.plans.cells[i]![0] ?? null, t.plans.rowTotals[i] ?? null)),
      requests: t.refusals.rowTotals[i] ?? null,
      refusalRate: pct(t.refusals.cells[i]![0] ?? null, t.refusals.rowTotals[i] ?? null),
      decisionsWithin6Weeks: pct(d[0] ?? null, decided),
      newPlans: t.issued.rowTotals[i] ?? null,
      within20Weeks: pct(t.issued.cells[i]![0] ?? null, t.issued.rowTotals[i] ?? null),
      within20WeeksExcludingExceptions: pct(x[0] ?? null, ex),
    };
  };
  const england = {
    plansInPlace: t.plans.grandTotal,
    mainstreamShare: pct(t.plans.colTotals[0] ?? null, t.plans.grandTotal),
    requests: t.refusals.grandTotal,
    refusalRate: pct(t.refusals.colTotals[0] ?? null, t.refusals.grandTotal),
    decisionsWithin6Weeks: pct(t.decisions.colTotals[0] ?? null, sum2(t.decisions.colTotals[0], t.decisions.colTotals[1])),
    newPlans: t.issued.grandTotal,
    within20Weeks: pct(t.issued.colTotals[0] ?? null, t.issued.grandTotal),
    within20WeeksExcludingExceptions: pct(t.issuedEx.colTotals[0] ?? null, sum2(t.issuedEx.colTotals[0], t.issuedEx.colTotals[1])),
  };
  return {
    from: formatIsoDate(from),
    to: formatIsoDate(to),
    stockOn: formatIsoDate(stockOn),
    rows: councils.map((c, i) => ({ laCode: c.laCode, name: c.name, regionName: c.regionName, ...rowAt(i) })),
    england,
  };
}
