import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { loadEnglandAndWalesCalendar, parseLocalDate } from '../../../platform/calendar/index.ts';
import { seedLocalArea } from '../../demo-area/index.ts';
import { councilRange, statutoryDeadlines, type IndicatorValue } from '../../insight/index.ts';
import { withReadTransaction } from '../infrastructure/child-history.cursor.ts';
import { exportSen2Xml } from './export-sen2.ts';

/**
 * The SEN2 return and the insight dashboard are two readings of the same case events. For one
 * council and one period they must tell the same story: the figures are counted from the exported
 * XML (as DfE would read it) and compared with what `opensend indicators` computes through
 * insight's public functions. The seed's "today" is the reference date, so no event exists after
 * it and both sides see the same history.
 */
const LA = '370';
const REF = '2026-01-15';
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

let t: TestDatabase;
let xml: string;
let flows: IndicatorValue[];
let stock: IndicatorValue[];

const DAY = 86_400_000;
const days = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / DAY;
const inYear = (d: string | undefined): boolean => d !== undefined && d >= YEAR.from && d <= YEAR.to;
const first = (block: string, tag: string): string | undefined => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(block)?.[1];
const figure = (values: IndicatorValue[], id: string): { numerator: number; denominator: number | null } => {
  const v = values.find((x) => x.indicatorId === id && !x.breakdown);
  if (!v) throw new Error(`insight gave no ${id}`);
  return { numerator: v.numerator, denominator: v.denominator };
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedLocalArea({ adminUrl: t.adminUrl, laCode: LA, seed: 5, today: REF });
  xml = '';
  await withReadTransaction(t.adminUrl, (q) => exportSen2Xml(q, { laCode: LA, referenceDate: REF, generatedAt: `${REF}T09:00:00` }, async (c) => { xml += c; }));
  const clock = statutoryDeadlines(loadEnglandAndWalesCalendar(process.cwd()));
  const asOf = parseLocalDate(REF);
  flows = await councilRange(t.db, { laCodes: [LA] }, LA, parseLocalDate(YEAR.from), parseLocalDate(YEAR.to), asOf, clock);
  stock = await councilRange(t.db, { laCodes: [LA] }, LA, parseLocalDate(REF), parseLocalDate(REF), asOf, clock);
}, 180_000);
afterAll(async () => { await t?.drop(); });

describe('the SEN2 export agrees with the insight indicators for the same council and period', () => {
  const requests = () => xml.split('<Requests>').slice(1).map((r) => r.split('</Requests>')[0]!);
  const persons = () => xml.split('<Person>').slice(1);

  it('requests for assessment received in the year', () => {
    const received = requests().filter((r) => inYear(first(r, 'ReceivedDate'))).length;
    expect(received).toBeGreaterThan(0);
    expect(received).toBe(figure(flows, 'requests').numerator);
  });

  it('requests refused (decided not to assess) among those received in the year', () => {
    const refused = requests().filter((r) => inYear(first(r, 'ReceivedDate')) && first(r, 'RequestOutcome') === 'N').length;
    expect(figure(flows, 'refusal-rate')).toEqual({ numerator: refused, denominator: figure(flows, 'requests').numerator });
  });

  it('new plans issued in the year, and those issued within 20 weeks of the request', () => {
    const named = requests().map((r) => ({ received: first(r, 'ReceivedDate'), start: /<NamedPlan>\s*<StartDate>([^<]+)</.exec(r)?.[1] })).filter((r) => inYear(r.start));
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBe(figure(flows, 'new-plans').numerator);
    const within = named.filter((r) => r.received !== undefined && days(r.received, r.start!) <= 140).length;
    expect(figure(flows, 'plans-within-20-weeks')).toEqual({ numerator: within, denominator: named.filter((r) => r.received !== undefined).length });
  });

  it('plans in force on the reference date (SEN2 ActivePlans; insight plans-in-place on that day)', () => {
    const active = persons().filter((p) => p.includes('<ActivePlans>')).length;
    expect(active).toBeGreaterThan(0);
    expect(active).toBe(figure(stock, 'plans-in-place').numerator);
  });
});
