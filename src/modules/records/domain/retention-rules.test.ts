import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import { deletableFrom, effectiveRules, isDue, parseYears } from './retention-rules.ts';

const d = parseLocalDate;

describe('retention rules', () => {
  it('defaults every record type to date of birth + 31 years', () => {
    expect(effectiveRules([])).toEqual([
      { recordType: 'child-record', yearsAfterBirth: 31, chosen: false, version: 0 },
      { recordType: 'documents', yearsAfterBirth: 31, chosen: false, version: 0 },
    ]);
    expect(effectiveRules([{ recordType: 'documents', yearsAfterBirth: 25, version: 3 }])[1]).toEqual({ recordType: 'documents', yearsAfterBirth: 25, chosen: true, version: 3 });
  });

  it('is due on the anniversary, not a day before; 29 February falls back to 28 February', () => {
    expect(formatIsoDate(deletableFrom(d('1994-05-01'), 31))).toBe('2025-05-01');
    expect(isDue(d('1994-05-01'), 31, d('2025-04-30'))).toBe(false);
    expect(isDue(d('1994-05-01'), 31, d('2025-05-01'))).toBe(true);
    expect(formatIsoDate(deletableFrom(d('1996-02-29'), 31))).toBe('2027-02-28');
  });

  it('accepts whole years between 1 and 100 only', () => {
    expect(parseYears(' 25 ')).toEqual({ years: 25 });
    expect(parseYears('')).toEqual({ error: 'Enter the number of years after the date of birth' });
    expect(parseYears('2.5')).toHaveProperty('error');
    expect(parseYears('0')).toHaveProperty('error');
    expect(parseYears('101')).toHaveProperty('error');
  });
});
