import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../cli-io.ts';
import { fakeIo } from './clock-commands-test-io.ts';
import { createSeedCommand } from './seed.command.ts';

let opened = 0;
const noDatabase = createSeedCommand(async () => {
  opened += 1;
  throw new Error('no database in argument tests');
});

describe('opensend seed: wrong calls exit 2 naming the problem, before any database is opened', () => {
  it.each([
    [[], /missing --la <code>/],
    [['--la'], /--la/],
    [['--la', '37'], /--la must be a DfE three-digit council code such as 886 \(Kent\), not '37'/],
    [['--la', 'abc'], /not 'abc'/],
    [['--la', '999'], /Unknown local authority code 999: use a DfE three-digit code such as 886 \(Kent\)/],
    [['--la', '370', '--today', '2026-02-30'], /--today must be a real date written YYYY-MM-DD, not '2026-02-30'/],
    [['--la', '370', '--today', '2/3/2026'], /not '2\/3\/2026'/],
    [['--la', '370', '--seed', '-1'], /--seed/],
    [['--la', '370', '--seed', 'lots'], /--seed must be a whole number/],
    [['--la', '370', '--colour'], /Unknown option '--colour'/],
  ])('%j', async (argv, message) => {
    const { io, out } = fakeIo();
    expect(await noDatabase(argv, io)).toBe(EXIT_USAGE);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toMatch(/^opensend seed: /);
    expect(opened).toBe(0);
  });

  it('prints its usage for --help', async () => {
    const { io, out } = fakeIo();
    expect(await noDatabase(['--help'], io)).toBe(EXIT_OK);
    expect(out.stdout).toContain('Usage: opensend seed --la <code> [--seed N] [--today YYYY-MM-DD] [--reset]');
  });
});

describe('opensend seed on a real database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const command = () => createSeedCommand(async () => ({ adminUrl: t.adminUrl, close: async () => undefined }), { stderrIsTty: () => false });

  it('seeds a council, reports progress by tenths and prints the demo sign-ins', async () => {
    const { io, out } = fakeIo();
    expect(await command()(['--la', '201', '--seed', '3', '--today', '2026-03-02'], io)).toBe(EXIT_OK);
    expect(out.stderr).toContain('Seeding City of London: 0%');
    expect(out.stderr).toContain('Seeding City of London: 100%');
    expect(out.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(11);
    expect(out.stdout).toMatch(/Seeded City of London \(201\) as of 2026-03-02, seed 3/);
    expect(out.stdout).toContain('Demo-password-2026');
    for (const email of ['parent', 'young-person', 'coordinator', 'manager', 'senco', 'health', 'social-care', 'mediator', 'analyst', 'admin']) {
      expect(out.stdout).toContain(`${email}@201.demo.opensend.test`);
    }
  });

  it('refuses a second seed without --reset (exit 1) and replaces it with --reset', async () => {
    const first = fakeIo();
    expect(await command()(['--la', '201', '--today', '2026-03-02'], first.io)).toBe(EXIT_PROBLEMS);
    expect(first.out.stderr).toMatch(/City of London \(201\) already has \d+ cases: run again with --reset/);
    const second = fakeIo();
    expect(await command()(['--la', '201', '--today', '2026-03-02', '--reset'], second.io)).toBe(EXIT_OK);
  });
});
