/**
 * Disclosure control for every figure that leaves a council (national view, downloads, API), the
 * way DfE does it: counts from 1 to 4 are suppressed ("c"), then more cells are suppressed until no
 * suppressed cell can be worked out from a published total.
 *
 * A table is seen with its margins: each row ends with its total, and a last row holds the column
 * totals and the grand total. Every row and column of that extended table is a "line" whose cells
 * add up to its total. In every line, after suppression:
 *  - no released value is from 1 to 4;
 *  - never exactly one value is suppressed (one unknown in an equation is recoverable);
 *  - when the line's total is released, the suppressed cells do not add up to 1–4 (the difference
 *    between the total and the released cells would reveal a small group).
 * Secondary suppression picks the smallest released non-zero cell of the line (so the least
 * information is lost), or the line's total when no such cell is left.
 */
export const SMALLEST_RELEASED = 5;
export const SUPPRESSED_MARK = 'c';

export interface SuppressedTable {
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  grandTotal: number | null;
}

const small = (v: number): boolean => v >= 1 && v < SMALLEST_RELEASED;

/**
 * `forcedRowTotals` marks row totals already suppressed elsewhere (the same count published in a
 * linked table), so that both tables hide it.
 */
export function suppressTable(cells: readonly (readonly number[])[], forcedRowTotals: readonly boolean[] = []): SuppressedTable {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  // The extended table: (rows + 1) x (cols + 1), totals in the last row and column.
  const ext: number[][] = cells.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  const totalsRow = Array.from({ length: cols + 1 }, (_, j) => ext.reduce((a, r) => a + r[j]!, 0));
  ext.push(totalsRow);
  const hidden = ext.map((r, i) => r.map((v, j) => small(v) || (j === cols && forcedRowTotals[i] === true)));

  const lines: Array<Array<[number, number]>> = [];
  for (let i = 0; i <= rows; i += 1) lines.push(Array.from({ length: cols + 1 }, (_, j) => [i, j] as [number, number]));
  for (let j = 0; j <= cols; j += 1) lines.push(Array.from({ length: rows + 1 }, (_, i) => [i, j] as [number, number]));

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      while (needsMore(line, ext, hidden)) {
        const pick = nextToSuppress(line, ext, hidden);
        if (!pick) break;
        hidden[pick[0]]![pick[1]] = true;
        changed = true;
      }
    }
  }
  const show = (i: number, j: number): number | null => (hidden[i]![j] ? null : ext[i]![j]!);
  return {
    cells: cells.map((r, i) => r.map((_, j) => show(i, j))),
    rowTotals: cells.map((_, i) => show(i, cols)),
    colTotals: Array.from({ length: cols }, (_, j) => show(rows, j)),
    grandTotal: show(rows, cols),
  };
}

/** The line's last position is its total; the others are its cells. */
function needsMore(line: ReadonlyArray<[number, number]>, ext: number[][], hidden: boolean[][]): boolean {
  const isHidden = line.map(([i, j]) => hidden[i]![j]!);
  const count = isHidden.filter(Boolean).length;
  if (count === 0) return false;
  if (count === 1) return true;
  if (isHidden[line.length - 1]) return false;
  const hiddenSum = line.slice(0, -1).reduce((a, [i, j], k) => a + (isHidden[k] ? ext[i]![j]! : 0), 0);
  return small(hiddenSum);
}

function nextToSuppress(line: ReadonlyArray<[number, number]>, ext: number[][], hidden: boolean[][]): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const [i, j] of line.slice(0, -1)) {
    const v = ext[i]![j]!;
    if (hidden[i]![j] || v === 0) continue;
    if (!best || v < ext[best[0]]![best[1]]!) best = [i, j];
  }
  if (best) return best;
  const total = line[line.length - 1]!;
  return hidden[total[0]]![total[1]] ? undefined : total;
}

/** A list of counts with its total (one breakdown of one council, or one measure across councils). */
export function suppressList(values: readonly number[]): { values: (number | null)[]; total: number | null } {
  const t = suppressTable([values]);
  return { values: t.cells[0] ?? [], total: t.grandTotal };
}

/**
 * Tables that share their row totals (e.g. requests split by outcome, and the same requests split
 * by decision time) are suppressed together until a total hidden in one is hidden in all.
 */
export function suppressLinkedTables(tables: ReadonlyArray<readonly (readonly number[])[]>): SuppressedTable[] {
  const rows = tables[0]?.length ?? 0;
  let forced: boolean[] = Array.from({ length: rows }, () => false);
  for (;;) {
    const out = tables.map((t) => suppressTable(t, forced));
    const next = forced.map((f, i) => f || out.some((t) => t.rowTotals[i] === null));
    if (next.every((v, i) => v === forced[i])) return out;
    forced = next;
  }
}

/** A rate is released only when both its numerator and its denominator are. */
export function suppressRate(numerator: number | null, denominator: number | null, rate: number | null): number | null {
  return numerator === null || denominator === null ? null : rate;
}

export function formatSuppressed(value: number | null, mark = SUPPRESSED_MARK): string {
  return value === null ? mark : String(value);
}
