import { describe, expect, it } from 'vitest';
import { ageOn, checkDateInput, splitIsoDate } from './date-input.ts';
import { normaliseEmail, normalisePhone, normalisePostcode } from './contact-details.ts';
import { caseReference, caseReferenceNumber, requestReference } from './references.ts';

const opts = { today: '2026-11-29', past: true, emptyMessage: "Enter the child's date of birth" };
const check = (day: string, month: string, year: string) => checkDateInput({ day, month, year }, 'Date of birth', opts);

describe('GOV.UK date input checks', () => {
  it.each([
    [['', '', ''], "Enter the child's date of birth", 'day'],
    [['1', '', '2016'], 'Date of birth must include a month', 'month'],
    [['', '3', '2016'], 'Date of birth must include a day', 'day'],
    [['1', '3', ''], 'Date of birth must include a year', 'year'],
    [['', '', '2016'], 'Date of birth must include a day and month', 'day'],
    [['1', '', ''], 'Date of birth must include a month and year', 'month'],
    [['30', '2', '2016'], 'Date of birth must be a real date', 'day'],
    [['1', '13', '2016'], 'Date of birth must be a real date', 'month'],
    [['x', '1', '2016'], 'Date of birth must be a real date', 'day'],
    [['1', '1', '16'], 'Year must include 4 numbers', 'year'],
    [['29', '11', '2026'], 'Date of birth must be in the past', 'day'],
    [['1', '1', '2030'], 'Date of birth must be in the past', 'day'],
  ] as const)('%j → %s', ([d, m, y], message, part) => expect(check(d, m, y)).toEqual({ ok: false, message, part }));

  it('accepts real dates, leap days and spaces', () => {
    expect(check(' 29 ', '2', '2016')).toEqual({ ok: true, iso: '2016-02-29' });
    expect(check('01', '09', '2010')).toEqual({ ok: true, iso: '2010-09-01' });
  });

  it('allows today when the date need only not be in the future', () => {
    expect(checkDateInput({ day: '29', month: '11', year: '2026' }, 'The date', { today: '2026-11-29', emptyMessage: 'x' })).toEqual({ ok: true, iso: '2026-11-29' });
    expect(checkDateInput({ day: '30', month: '11', year: '2026' }, 'The date', { today: '2026-11-29', emptyMessage: 'x' })).toMatchObject({ message: 'The date must be today or in the past' });
  });

  it('counts whole years of age', () => {
    expect(ageOn('2010-11-30', '2026-11-29')).toBe(15);
    expect(ageOn('2010-11-29', '2026-11-29')).toBe(16);
    expect(splitIsoDate('2016-02-09')).toEqual({ day: '9', month: '2', year: '2016' });
  });
});

describe('contact details', () => {
  it('normalises UK postcodes', () => {
    expect(normalisePostcode('s12hh')).toBe('S1 2HH');
    expect(normalisePostcode(' SW1A 1AA ')).toBe('SW1A 1AA');
    expect(normalisePostcode('12345')).toBeUndefined();
  });
  it('checks email addresses', () => {
    expect(normaliseEmail(' a@b.co ')).toBe('a@b.co');
    expect(normaliseEmail('a@b')).toBeUndefined();
    expect(normaliseEmail('a b@c.d')).toBeUndefined();
  });
  it('checks UK phone numbers', () => {
    for (const ok of ['07700 900982', '+44 808 157 0192', '(01632) 960-001']) expect(normalisePhone(ok), ok).toBe(ok);
    for (const bad of ['12ab', '0770', '+1 202 555 0100']) expect(normalisePhone(bad), bad).toBeUndefined();
  });
});

describe('references', () => {
  it('makes request references without confusable characters', () => {
    const ref = requestReference('370', new Uint8Array([0, 1, 2, 29, 30, 255]));
    expect(ref).toMatch(/^REQ-370-[2-9A-HJKMNP-TV-Z]{6}$/);
  });
  it('numbers case references', () => {
    expect(caseReference('370', 42)).toBe('EHC-370-000042');
    expect(caseReferenceNumber('EHC-370-000042')).toBe(42);
    expect(caseReferenceNumber('REQ-370-ABCDEF')).toBeUndefined();
  });
});
