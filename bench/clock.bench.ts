import { fileURLToPath } from 'node:url';
import { median, type BenchResult } from './bench-result.ts';
import { daysFromCivil, loadEnglandAndWalesCalendar, type LocalDate } from '../src/platform/calendar/index.ts';
import { DEFAULT_RULE_BOOK, RULE_IDS, computeDue, type DeadlineInput, type TransferRoute } from '../src/modules/statutory/index.ts';

/**
 * `clock`: 4,000,000 statutory deadlines of mixed rules (all 19, uniformly) over seeded random start
 * dates, against a floor of 4,000,000 plain "date + N days" computations in the same run. National
 * size: England has about 730,000 cases (`opensend seed --national`), each with around five tracked
 * deadlines at a time (decision, advice, draft, final, review), so about four million.
 *
 * What is timed for the clock: resolving the rule version in force on the start date, then
 * computing the due date (weeks, months with clamping, working days, counting back, fixed dates,
 * later-of with the Tribunal's Christmas/August extension). Explanations are not timed: they are
 * text formatted on demand for the one deadline a person is looking at.
 *
 * The floor is what a developer would write without the clock: a JavaScript Date for the start
 * plus N days (N being the same rule's period in days), `new Date(start.getTime() + N * DAY)`, read
 * back as a timestamp. That is the plain equivalent of "date + N days" on date values, and the
 * cheaper of the two usual ways (the other, `setUTCDate(getUTCDate() + N)`, is about twice as slow
 * and is reported in details as `setUtcDateFloorMs`, as is the same loop on bare integers,
 * `integerFloorMs`: a single addition, which no calendar logic can come within 3x of).
 *
 * Start dates run from 1 January 2015 to 31 August 2028, so that every working-day period and the
 * Tribunal's January extension stay inside the bank holiday data (2012–2028).
 */
const COUNT = 4_000_000;
const RUNS = 5;
const DAY_MS = 86_400_000;

/** mulberry32: a small seeded PRNG so every run times the same inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rough length of each rule in days, for the floor's "+ N days". */
function approximateDays(id: string): number {
  const rule = DEFAULT_RULE_BOOK.resolve(id, daysFromCivil(2020, 1, 1));
  const p = rule.period.kind === 'later-of' ? rule.period.first : rule.period;
  if (p.kind === 'fixed-date') return 45;
  if (p.kind === 'working-days') return Math.ceil((p.amount * 7) / 5);
  if (p.kind === 'before') return -(p.unit === 'weeks' ? 7 : 1) * p.amount;
  return p.amount * (p.unit === 'weeks' ? 7 : p.unit === 'months' ? 30 : 1);
}

export async function run(): Promise<BenchResult> {
  const calendar = loadEnglandAndWalesCalendar(fileURLToPath(new URL('../', import.meta.url)));
  const random = prng(20_140_901);
  const first = daysFromCivil(2015, 1, 1);
  const last = daysFromCivil(2028, 8, 31);
  const starts = new Int32Array(COUNT);
  const certificates = new Int32Array(COUNT); // 0: no certificate
  const rules = new Uint8Array(COUNT);
  const floorDays = new Int32Array(COUNT);
  const days = RULE_IDS.map(approximateDays);
  for (let i = 0; i < COUNT; i++) {
    starts[i] = first + Math.floor(random() * (last - first + 1));
    rules[i] = Math.floor(random() * RULE_IDS.length);
    certificates[i] = random() < 0.5 ? starts[i]! + 1 + Math.floor(random() * 60) : 0;
    floorDays[i] = days[rules[i]!]!;
  }
  const startsMs = Float64Array.from(starts, (d) => d * DAY_MS);
  const ids: readonly string[] = RULE_IDS;
  const routes: TransferRoute[] = ['other', 'post16'];
  // One reusable input object with a fixed shape: nothing is allocated per deadline.
  const input: DeadlineInput = { from: 0 as LocalDate, certificate: undefined, year: 0, route: 'other' };

  const clockOnce = (): number => {
    let sink = 0;
    for (let i = 0; i < COUNT; i++) {
      const from = starts[i]! as LocalDate;
      const rule = DEFAULT_RULE_BOOK.resolve(ids[rules[i]!]!, from);
      input.from = from;
      input.certificate = certificates[i] === 0 ? undefined : (certificates[i]! as LocalDate);
      input.year = 2015 + (i % 14);
      input.route = routes[i & 1]!;
      sink += computeDue(rule.period, input, calendar);
    }
    return sink;
  };
  const dateFloorOnce = (): number => {
    let sink = 0;
    for (let i = 0; i < COUNT; i++) sink += new Date(startsMs[i]! + floorDays[i]! * DAY_MS).getTime();
    return sink;
  };
  const setUtcDateFloorOnce = (): number => {
    let sink = 0;
    for (let i = 0; i < COUNT; i++) {
      const date = new Date(startsMs[i]!);
      date.setUTCDate(date.getUTCDate() + floorDays[i]!);
      sink += date.getTime();
    }
    return sink;
  };
  const integerFloorOnce = (): number => {
    let sink = 0;
    for (let i = 0; i < COUNT; i++) sink += starts[i]! + floorDays[i]!;
    return sink;
  };
  const time = (f: () => number): number => {
    const t0 = performance.now();
    const sink = f();
    const elapsed = performance.now() - t0;
    if (Number.isNaN(sink)) throw new Error('unreachable: keeps the result alive');
    return elapsed;
  };

  // Warm up every loop so the JIT has compiled them before timing; then interleave the runs.
  clockOnce();
  dateFloorOnce();
  integerFloorOnce();
  setUtcDateFloorOnce();
  const clock: number[] = [];
  const floor: number[] = [];
  const integer: number[] = [];
  const setUtcDate: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    clock.push(time(clockOnce));
    floor.push(time(dateFloorOnce));
    integer.push(time(integerFloorOnce));
    setUtcDate.push(time(setUtcDateFloorOnce));
  }
  const value = median(clock);
  const floorMs = median(floor);
  return {
    name: 'clock',
    value: Math.round(value * 100) / 100,
    floor: Math.round(floorMs * 100) / 100,
    ratio: Math.round((value / floorMs) * 1000) / 1000,
    unit: 'ms per 4,000,000 deadlines (median of 5)',
    target: '<=3',
    details: {
      count: COUNT,
      rules: RULE_IDS.length,
      clockRunsMs: clock.map((v) => Math.round(v * 10) / 10),
      dateFloorRunsMs: floor.map((v) => Math.round(v * 10) / 10),
      integerFloorMs: Math.round(median(integer) * 100) / 100,
      setUtcDateFloorMs: Math.round(median(setUtcDate) * 100) / 100,
      floorKind: 'new Date(start.getTime() + N days)',
    },
  };
}
