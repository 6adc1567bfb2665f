import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import { isAtRisk, routeFor } from './phase-transfer-cohorts.ts';
import { ageOn, ageOn31August, nextTransferYear, schoolYearStart, yearGroup, yearGroupName } from './school-year.ts';

const d = parseLocalDate;

describe('school-year arithmetic (age on 31 August)', () => {
  it('puts a child born on 31 August in the older year group and one born on 1 September in the next', () => {
    expect(ageOn31August(d('2015-08-31'), 2026)).toBe(11);
    expect(yearGroup(d('2015-08-31'), 2026)).toBe(7);
    expect(yearGroup(d('2015-09-01'), 2026)).toBe(6);
    expect(yearGroupName(yearGroup(d('2022-03-15'), 2026))).toBe('Reception');
    expect(yearGroupName(yearGroup(d('2023-03-15'), 2026))).toBe('Early years');
  });

  it('counts a 29 February birthday from 1 March in other years', () => {
    expect(ageOn(d('2016-02-29'), d('2017-02-28'))).toBe(0);
    expect(ageOn(d('2016-02-29'), d('2017-03-01'))).toBe(1);
    expect(ageOn(d('2016-02-29'), d('2020-02-29'))).toBe(4);
  });

  it('knows the next transfer year: this September until 31 August, then next', () => {
    expect(nextTransferYear(d('2026-08-31'))).toBe(2026);
    expect(nextTransferYear(d('2026-09-01'))).toBe(2027);
    expect(nextTransferYear(d('2026-11-29'))).toBe(2027);
    expect(schoolYearStart(d('2027-01-10'))).toBe(2026);
  });

  it('moves every child up exactly one year group each school year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 2012, max: 2035 }), (offset, year) => {
        const dob = addDays(localDate(2000, 1, 1), offset);
        expect(yearGroup(dob, year + 1) - yearGroup(dob, year)).toBe(1);
      }),
    );
  });
});

describe('phase-transfer cohorts', () => {
  it('finds the route a child takes in September of the transfer year', () => {
    expect(routeFor({ dateOfBirth: d('2015-08-31') }, 2026)?.id).toBe('primary-to-secondary');
    expect(routeFor({ dateOfBirth: d('2015-09-01') }, 2026)).toBeUndefined();
    expect(routeFor({ dateOfBirth: d('2015-09-01') }, 2027)?.id).toBe('primary-to-secondary');
    expect(routeFor({ dateOfBirth: d('2022-03-15') }, 2026)?.id).toBe('early-years-to-school');
    expect(routeFor({ dateOfBirth: d('2010-06-01') }, 2026)?.id).toBe('secondary-to-post16');
    expect(routeFor({ dateOfBirth: d('2008-06-01') }, 2026)?.id).toBe('post16-onwards');
  });

  it('counts infant to junior only for children at an infant school', () => {
    expect(routeFor({ dateOfBirth: d('2019-05-01'), settingPhase: 'Infant' }, 2026)?.id).toBe('infant-to-junior');
    expect(routeFor({ dateOfBirth: d('2019-05-01'), settingPhase: 'Primary' }, 2026)).toBeUndefined();
    expect(routeFor({ dateOfBirth: d('2019-05-01') }, 2026)).toBeUndefined();
  });

  it('flags a child at risk only without a named setting, within the weeks before the deadline or after it', () => {
    const due = d('2027-02-15');
    expect(isAtRisk({ named: false, due, today: d('2027-01-04'), weeks: 6 })).toBe(true); // 42 days before
    expect(isAtRisk({ named: false, due, today: d('2027-01-03'), weeks: 6 })).toBe(false);
    expect(isAtRisk({ named: false, due, today: d('2027-03-01'), weeks: 6 })).toBe(true);
    expect(isAtRisk({ named: true, due, today: d('2027-03-01'), weeks: 6 })).toBe(false);
    expect(isAtRisk({ named: false, due: undefined, today: d('2027-03-01'), weeks: 6 })).toBe(false);
  });
});
