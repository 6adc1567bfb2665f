import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressLinkedTables, suppressList, suppressRate, suppressTable, type SuppressedTable } from './disclosure-control.ts';

/** The extended table (cells with row totals, then the column totals row), as released. */
function released(t: SuppressedTable): (number | null)[][] {
  return [...t.cells.map((r, i) => [...r, t.rowTotals[i] ?? null]), [...t.colTotals, t.grandTotal]];
}
function original(cells: number[][]): number[][] {
  const ext = cells.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
  ext.push(Array.from({ length: (cells[0]?.length ?? 0) + 1 }, (_, j) => ext.reduce((a, r) => a + r[j]!, 0)));
  return ext;
}
function linesOf<T>(m: T[][]): T[][] {
  const rows = m.map((r) => r);
  const cols = (m[0] ?? []).map((_, j) => m.map((r) => r[j]!));
  return [...rows, ...cols];
}

const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 6 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }), fc.constant(0)), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('disclosure control', () => {
  it('never releases a value from 1 to 4, cell or total', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        for (const r of released(suppressTable(cells))) for (const v of r) expect(v === null || v === 0 || v >= 5).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('releases every other value unchanged', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const out = released(suppressTable(cells));
        const truth = original(cells);
        out.forEach((r, i) => r.forEach((v, j) => v !== null && expect(v).toBe(truth[i]![j])));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no suppressed value recoverable, and no small group derivable, by differencing a row or column total', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const out = linesOf(released(suppressTable(cells)));
        const truth = linesOf(original(cells));
        out.forEach((line, k) => {
          const hidden = line.map((v) => v === null);
          const count = hidden.filter(Boolean).length;
          // One unknown in "cells add up to the total" is recoverable.
          expect(count).not.toBe(1);
          if (count > 0 && !hidden[line.length - 1]) {
            const derivable = truth[k]!.slice(0, -1).reduce((a, v, j) => a + (hidden[j] ? v : 0), 0);
            expect(derivable === 0 || derivable >= 5).toBe(true);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('suppresses the next smallest cell beside a lone small cell, as DfE does', () => {
    expect(suppressList([3, 40, 12, 100]).values).toEqual([null, 40, null, 100]);
    expect(suppressList([3, 40, 12, 100]).total).toBe(155);
    // One non-zero cell in the line: its total equals it, so the total goes too.
    expect(suppressList([0, 3, 0])).toEqual({ values: [0, null, 0], total: null });
    expect(suppressList([0, 0, 9])).toEqual({ values: [0, 0, 9], total: 9 });
  });

  it('suppresses a rate whose numerator or denominator is suppressed', () => {
    expect(suppressRate(null, 50, 4)).toBeNull();
    expect(suppressRate(20, null, 40)).toBeNull();
    expect(suppressRate(20, 50, 40)).toBe(40);
  });
});

describe('linked tables', () => {
  it('hides a shared total in every table once any table hides it, keeping each table safe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), { minLength: 1, maxLength: 8 }),
        (rows) => {
          // Same row totals, split two ways: [a, b + c] and [a + b, c].
          const [one, two] = suppressLinkedTables([rows.map(([a, b, c]) => [a, b + c]), rows.map(([a, b, c]) => [a + b, c])]);
          one!.rowTotals.forEach((t, i) => expect(t === null).toBe(two!.rowTotals[i] === null));
          for (const t of [one!, two!]) for (const r of released(t)) for (const v of r) expect(v === null || v === 0 || v >= 5).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
