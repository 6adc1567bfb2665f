import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../platform/calendar/index.ts';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../cli-io.ts';
import { main } from '../main.ts';
import { fakeIo } from './clock-commands-test-io.ts';
import { createIndicatorsCommand } from './indicators.command.ts';

const today = () => parseLocalDate('2025-06-30');
let opened = 0;
const noDatabase = createIndicatorsCommand(async () => {
  opened += 1;
  throw new Error('no database in argument tests');
}, { today });

describe('opensend indicators: wrong calls exit 2 naming the problem, before any database is opened', () => {
  it.each([
    [[], /missing --la <code>/],
    [['--la', '88'], /--la must be a DfE three-digit council code such as 886 \(Kent\), not '88'/],
    [['--la', '999'], /Unknown local authority code 999/],
    [['--la', '886', '--from', '2024-02-30'], /--from must be a real date written YYYY-MM-DD, not '2024-02-30'/],
    [['--la', '886', '--from', '2024-01-01', '--to', '1/1/2025'], /--to must be a real date written YYYY-MM-DD, not '1\/1\/2025'/],
    [['--la', '886', '--to', '2024-12-31'], /--to needs --from/],
    [['--la', '886', '--from', '2025-01-01', '--to', '2024-12-31'], /--from 2025-01-01 is after --to 2024-12-31/],
    [['--la', '886', '--colour'], /Unknown option '--colour'/],
  ])('%j', async (argv, message) => {
    const { io, out } = fakeIo();
    expect(await main(['indicators', ...argv], io)).toBe(EXIT_USAGE);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toMatch(/^opensend indicators: /);
    const direct = fakeIo();
    await expect(noDatabase(argv, direct.io)).rejects.toThrow(message);
    expect(opened).toBe(0);
  });

  it('prints its usage for --help', async () => {
    const { io, out } = fakeIo();
    expect(await noDatabase(['--help'], io)).toBe(EXIT_OK);
    expect(out.stdout).toContain('Usage: opensend indicators --la <code>');
  });
});

/**
 * Three cases, figures worked out by hand: A decided in 35 days and issued in 131 (in time);
 * B decided in 48 days and issued in 151 (late), an exception recorded; C refused in 35 days.
 */
async function insertArea(t: TestDatabase): Promise<void> {
  await sql`insert into councils values ('370', 'E08000016', 'Barnsley', 'E12000003', 'Yorkshire and The Humber') on conflict do nothing`.execute(t.adminDb);
  const cases: Array<[string, Array<[string, string, Record<string, unknown>]>]> = [
    ['2014-03-01', [['request-received', '2024-01-10', {}], ['decision-to-assess', '2024-02-14', { decision: 'assess' }], ['final-plan-issued', '2024-05-20', { primaryNeed: 'ASD' }]]],
    ['2016-07-15', [['request-received', '2024-02-01', {}], ['decision-to-assess', '2024-03-20', { decision: 'assess' }], ['exception-recorded', '2024-04-01', { reason: 'x' }], ['final-plan-issued', '2024-07-01', { primaryNeed: 'SEMH' }]]],
    ['2019-01-01', [['request-received', '2024-03-01', {}], ['decision-to-assess', '2024-04-05', { decision: 'not-assess' }]]],
  ];
  for (const [i, [dob, events]] of cases.entries()) {
    const child = await t.adminDb.insertInto('children').values({ la_code: '370', given_name: 'C', family_name: 'T', date_of_birth: dob }).returning('id').executeTakeFirstOrThrow();
    const c = await t.adminDb.insertInto('cases').values({ la_code: '370', child_id: child.id, reference: `R${i}`, opened_on: '2024-01-01' }).returning('id').executeTakeFirstOrThrow();
    await t.adminDb.insertInto('case_events').values(events.map(([type, on, data], k) => ({ la_code: '370', case_id: c.id, seq: k + 1, type, occurred_on: on, data: JSON.stringify(data) }))).execute();
  }
}

describe('opensend indicators on a real database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await insertArea(t);
  });
  afterAll(async () => t?.drop());
  const command = () => createIndicatorsCommand(async () => ({ db: t.db, close: async () => undefined }), { today });

  it('prints one JSON object per line with the hand-worked 2024 figures', async () => {
    const { io, out } = fakeIo();
    expect(await command()(['--la', '370', '--from', '2024-01-01', '--to', '2024-12-31', '--json'], io)).toBe(EXIT_OK);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) expect(Object.keys(l)).toEqual(['indicator', 'period', 'numerator', 'denominator', 'value']);
    const by = Object.fromEntries(lines.map((l) => [l.indicator, l]));
    expect(by['requests']).toEqual({ indicator: 'requests', period: '2024-01-01/2024-12-31', numerator: 3, denominator: null, value: 3 });
    expect(by['refusal-rate']).toMatchObject({ numerator: 1, denominator: 3, value: 33.3 });
    expect(by['decisions-within-6-weeks']).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
    expect(by['plans-within-20-weeks']).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(by['plans-within-20-weeks-excluding-exceptions']).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    // On 31 December 2024 A is 10 and B is 8.
    expect(by['plans-in-place/age-band/5-10']).toMatchObject({ numerator: 2 });
  });

  it('defaults to last calendar year and says when a council has no records', async () => {
    const { io, out } = fakeIo();
    expect(await command()(['--la', '370', '--json'], io)).toBe(EXIT_OK);
    expect(out.stdout).toContain('"period":"2024-01-01/2024-12-31"');
    const none = fakeIo();
    expect(await command()(['--la', '886'], none.io)).toBe(EXIT_PROBLEMS);
    expect(none.out.stderr).toMatch(/council 886 has no records in this database/);
  });
});
