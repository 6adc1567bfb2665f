import { describe, expect, it } from 'vitest';
import { actualByLine, parseLedgerCsv, parsePounds } from './ledger-csv.ts';

describe('ledger CSV', () => {
  it('reads a clean file, in any column order, with quoted fields and UK dates', () => {
    const r = parseLedgerCsv('\uFEFFReference,Date,Line,Amount,Description\r\nGL-1,01/05/2025,maintained-special,"£12,000.50","Top-up, summer term"\nGL-2,2025-06-30,independent-special,-250,Credit note\n');
    expect(r).toEqual({ ok: true, rows: [
      { reference: 'GL-1', postedOn: '2025-05-01', line: 'maintained-special', amountPence: 1_200_050, description: 'Top-up, summer term' },
      { reference: 'GL-2', postedOn: '2025-06-30', line: 'independent-special', amountPence: -25_000, description: 'Credit note' },
    ] });
    if (r.ok) expect(actualByLine(r.rows).get('maintained-special')).toBe(1_200_050);
  });

  it('refuses the whole file and names every bad line', () => {
    const r = parseLedgerCsv([
      'date,line,amount,reference',
      '2025-04-01,mainstream-top-up,100.00,A1',
      '2025-02-30,mainstream-top-up,100.00,A2',
      '2025-04-01,special,100.00,A3',
      '2025-04-01,post-16,ten pounds,A4',
      '2025-04-01,post-16,1.234,A1',
      '2025-04-01,post-16,5,',
      '2025-04-01,post-16,5,A7,extra',
    ].join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 6, 7, 8]);
    expect(r.problems[0]!.message).toContain('"2025-02-30" is not a real date');
    expect(r.problems[1]!.message).toContain('"special" is not a budget line');
    expect(r.problems[2]!.message).toContain('"ten pounds" is not an amount');
    expect(r.problems[4]!.message).toContain('also on line 2');
    expect(r.problems[5]!.message).toContain('Reference is empty');
    expect(r.problems[6]!.message).toContain('Expected 4 fields, found 5');
  });

  it('counts lines through quoted fields that span lines', () => {
    const r = parseLedgerCsv('date,line,amount,reference,description\n2025-04-01,post-16,1,B1,"two\nlines"\n2025-04-01,post-16,x,B2,\n');
    expect(r.ok ? [] : r.problems).toEqual([{ line: 4, message: expect.stringContaining('"x"') }]);
  });

  it('refuses a missing header column, an empty file and an unclosed quote', () => {
    expect(parseLedgerCsv('date,line,amount\n')).toEqual({ ok: false, problems: [{ line: 1, message: expect.stringContaining('no "reference" column') }] });
    expect(parseLedgerCsv('')).toEqual({ ok: false, problems: [{ line: 1, message: expect.stringContaining('empty') }] });
    expect(parseLedgerCsv('date,line,amount,reference\n2025-04-01,post-16,"1,A\n')).toEqual({ ok: false, problems: [{ line: 2, message: 'A quoted field is not closed' }] });
  });

  it('reads amounts exactly, in pence', () => {
    expect(parsePounds('0.1')).toBe(10);
    expect(parsePounds('£1,000')).toBe(100_000);
    expect(parsePounds('-£5.05')).toBe(-505);
    expect(parsePounds('1,00')).toBeNull();
    expect(parsePounds('1e5')).toBeNull();
  });
});
