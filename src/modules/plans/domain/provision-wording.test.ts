import { describe, expect, it } from 'vitest';
import { describeDuration, describeProvisionQuantity, describeQuantityShort } from './provision-wording.ts';

describe('provision wording', () => {
  it('says the example sentence', () => {
    expect(describeProvisionQuantity({
      frequency: { times: 2, per: 'week' }, durationMinutes: 30, groupSize: 1,
      deliveredBy: { role: 'speech and language therapist', qualification: 'HCPC registered' },
    })).toBe('2 sessions of 30 minutes a week, 1:1, by a speech and language therapist (HCPC registered)');
  });

  it.each([
    [{ frequency: { times: 1, per: 'term' as const }, durationMinutes: 60, groupSize: 4, deliveredBy: { role: 'educational psychologist', qualification: 'HCPC registered' } },
      '1 session of 1 hour a term, in a group of 4, by an educational psychologist (HCPC registered)'],
    [{ frequency: null, durationMinutes: 20, groupSize: null, deliveredBy: null },
      'sessions of 20 minutes, how often not yet specified, who delivers it not yet specified'],
    [{ frequency: { times: 3, per: 'day' as const }, durationMinutes: null, groupSize: 1, deliveredBy: null },
      '3 sessions a day, length not yet specified, 1:1, who delivers it not yet specified'],
    [{ frequency: null, durationMinutes: null, groupSize: 2, deliveredBy: null },
      'how often and for how long not yet specified, in a group of 2, who delivers it not yet specified'],
  ])('%#', (item, expected) => {
    expect(describeProvisionQuantity(item)).toBe(expected);
  });

  it('writes durations in hours and minutes', () => {
    expect([1, 30, 60, 90, 121, 180].map(describeDuration)).toEqual(['1 minute', '30 minutes', '1 hour', '1 hour 30 minutes', '2 hours 1 minute', '3 hours']);
  });

  it('has a short form for "what changed"', () => {
    expect(describeQuantityShort({ times: 2, per: 'week' }, 30)).toBe('2 × 30 minutes a week');
    expect(describeQuantityShort(null, 45)).toBe('? × 45 minutes');
  });
});
