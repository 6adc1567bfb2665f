import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnglandAndWalesCalendar, parseLocalDate } from '../../../platform/calendar/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import type { IndicatorValue } from '../domain/indicator-measures.ts';
import { INSIGHT_PROJECT_ROOT } from '../infrastructure/project-root.ts';
import { nationalCounts } from '../infrastructure/national.query.ts';
import { councilRange, councilSeries, councilSeriesWithAge } from './council-indicators.ts';
import { nationalView } from './national-indicators.ts';
import { statutoryDeadlines } from './statutory-deadlines.ts';
import { AREA_370, insertArea } from './synthetic-area.fixture.ts';

const clock = statutoryDeadlines(loadEnglandAndWalesCalendar(INSIGHT_PROJECT_ROOT));
const asOf = parseLocalDate('2025-06-30');
const d = parseLocalDate;

describe('indicators computed from case events, against figures worked out by hand', () => {
  let t: TestDatabase;
  let values: IndicatorValue[];
  const pick = (id: string, breakdown?: string, category?: string) =>
    values.find((v) => v.indicatorId === id && v.breakdown?.id === breakdown && v.breakdown?.category === category);

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertArea(t, '370', AREA_370);
    // Another council's cases must never reach 370's figures.
    await insertArea(t, '371', AREA_370.slice(0, 3));
    values = await councilRange(t.db, { laCodes: ['370'] }, '370', d('2024-01-01'), d('2024-12-31'), asOf, clock);
  });
  afterAll(async () => t?.drop());

  it('counts requests (A, B, C, D, E) and refusals (C): 1 of 5', () => {
    expect(pick('requests')).toMatchObject({ numerator: 5, value: 5 });
    expect(pick('refusal-rate')).toMatchObject({ numerator: 1, denominator: 5, value: 20 });
  });

  it('judges decisions against 6 weeks: A, C, D in time; B (48 days) and E (51 days) late', () => {
    expect(pick('decisions-within-6-weeks')).toMatchObject({ numerator: 3, denominator: 5, value: 60 });
  });

  it('counts new plans (A, B, D) and 20-week timeliness with and without exceptions', () => {
    expect(pick('new-plans')).toMatchObject({ numerator: 3 });
    expect(pick('plans-within-20-weeks')).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
    // B and D had exceptions: only A remains, issued in time.
    expect(pick('plans-within-20-weeks-excluding-exceptions')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('counts plans in place on 31 December 2024 by age, need and setting (G, aged 28, is not counted)', () => {
    expect(pick('plans-in-place')).toMatchObject({ numerator: 5 });
    expect(pick('mainstream-share')).toMatchObject({ numerator: 2, denominator: 5, value: 40 });
    const bands = Object.fromEntries(['0-4', '5-10', '11-15', '16-19', '20-25'].map((b) => [b, pick('plans-in-place', 'age-band', b)?.numerator]));
    expect(bands).toEqual({ '0-4': 0, '5-10': 2, '11-15': 1, '16-19': 1, '20-25': 1 });
    expect(pick('plans-in-place', 'primary-need', 'ASD')?.numerator).toBe(1);
    expect(pick('plans-in-place', 'primary-need', 'PD')?.numerator).toBe(1);
    expect(pick('plans-in-place', 'setting-type', 'mainstream')?.numerator).toBe(2);
    expect(pick('plans-in-place', 'setting-type', 'special')?.numerator).toBe(2);
    expect(pick('plans-in-place', 'setting-type', 'not-recorded')?.numerator).toBe(1);
  });

  it('judges reviews due in 2024: F late (due 20 February), H on time (due 15 June)', () => {
    expect(pick('reviews-on-time')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });

  it('judges advice due in 2024: a1 on time, a2 late, d1 never received', () => {
    expect(pick('advice-within-6-weeks')).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
  });

  it('gives the same 2024 figures in the yearly series, served from the cache the second time', async () => {
    const first = await councilSeries(t.db, { laCodes: ['370'] }, '370', 'year', asOf, clock);
    const again = await councilSeries(t.db, { laCodes: ['370'] }, '370', 'year', asOf, clock);
    expect(again).toEqual(first);
    const y2024 = first.values.filter((v) => v.periodKey === '2024' && !v.breakdown).map((v) => [v.indicatorId, v.numerator, v.denominator]);
    expect(y2024).toEqual(values.filter((v) => !v.breakdown).map((v) => [v.indicatorId, v.numerator, v.denominator]));
    // One read of the events stores every granularity, for this council only.
    const snapshots = await t.adminDb.selectFrom('insight_snapshots').select(['la_code', 'granularity']).orderBy('granularity').execute();
    expect(snapshots).toEqual(['month', 'quarter', 'year'].map((granularity) => ({ la_code: '370', granularity })));
  });

  it('recomputes after a new event: the change counter invalidates the cache', async () => {
    const before = await councilSeries(t.db, { laCodes: ['370'] }, '370', 'year', asOf, clock);
    const kase = await t.adminDb.selectFrom('cases').select('id').where('la_code', '=', '370').where('reference', '=', '370-5').executeTakeFirstOrThrow();
    await t.adminDb.insertInto('case_events').values({ la_code: '370', case_id: kase.id, seq: 3, type: 'exception-recorded', occurred_on: '2025-02-01', data: '{}' }).execute();
    await t.adminDb.insertInto('case_events').values({ la_code: '370', case_id: kase.id, seq: 4, type: 'final-plan-issued', occurred_on: '2025-03-01', data: JSON.stringify({ primaryNeed: 'ASD' }) }).execute();
    const after = await councilSeries(t.db, { laCodes: ['370'] }, '370', 'year', asOf, clock);
    const newPlans2025 = (p: typeof before) => p.values.find((v) => v.indicatorId === 'new-plans' && v.periodKey === '2025')?.numerator;
    expect(newPlans2025(after)).toBe((newPlans2025(before) ?? 0) + 1);
  });

  it('for pages, answers from the last snapshot while a changed council is recounted in the background', async () => {
    const scope = { laCodes: ['370'] };
    const fresh = await councilSeriesWithAge(t.db, scope, '370', 'quarter', asOf, clock, { staleOk: true });
    expect(fresh.current).toBe(true);
    const kase = await t.adminDb.selectFrom('cases').select('id').where('la_code', '=', '370').where('reference', '=', '370-3').executeTakeFirstOrThrow();
    await t.adminDb.insertInto('case_events').values({ la_code: '370', case_id: kase.id, seq: 3, type: 'request-withdrawn', occurred_on: '2025-02-01', data: '{}' }).execute();
    const stale = await councilSeriesWithAge(t.db, scope, '370', 'quarter', asOf, clock, { staleOk: true });
    expect(stale.current).toBe(false);
    expect(stale.payload).toEqual(fresh.payload);
    await expect.poll(async () => (await councilSeriesWithAge(t.db, scope, '370', 'quarter', asOf, clock, { staleOk: true })).current, { timeout: 10_000 }).toBe(true);
  });

  it('the national functions give the same counts as the definitions, for every council, as counts only', async () => {
    const counts = await nationalCounts(t.db, '2024-01-01', '2024-12-31', '2024-12-31');
    const of370 = Object.fromEntries(counts.filter((c) => c.laCode === '370').map((c) => [c.measure, c.n]));
    expect(of370).toMatchObject({
      'plans-in-place': 5, 'mainstream-plans': 2, requests: 5, refused: 1, decided: 5, 'decided-within-6-weeks': 3,
      'new-plans': 3, issued: 3, 'issued-within-20-weeks': 2, 'issued-excluding-exceptions': 1, 'issued-excluding-exceptions-within-20-weeks': 1,
    });
    // 371 holds A, B and C: three requests, one refusal.
    const of371 = Object.fromEntries(counts.filter((c) => c.laCode === '371').map((c) => [c.measure, c.n]));
    expect(of371).toMatchObject({ requests: 3, refused: 1, 'plans-in-place': 2 });
    expect(Object.keys(counts[0]!).sort()).toEqual(['laCode', 'measure', 'n']);
  });

  it('the application role cannot read across councils except through the aggregate function', async () => {
    const direct = await t.db.selectFrom('case_events').select('la_code').execute();
    expect(direct).toEqual([]);
  });

  it('the national view suppresses every small number', async () => {
    const view = await nationalView(t.db, d('2024-01-01'), d('2024-12-31'), asOf);
    const r370 = view.rows.find((r) => r.laCode === '370')!;
    // 5 plans in place, 2 of them mainstream: the 2 and the 3 are small, so the share goes.
    expect(r370.mainstreamShare).toBeNull();
    // 3 new plans: suppressed. 371's requests (3) too.
    expect(r370.newPlans).toBeNull();
    expect(view.rows.find((r) => r.laCode === '371')!.requests).toBeNull();
    for (const r of [...view.rows, view.england]) {
      for (const v of [r.plansInPlace, r.requests, r.newPlans]) expect(v === null || v === 0 || v >= 5).toBe(true);
    }
  });
});
