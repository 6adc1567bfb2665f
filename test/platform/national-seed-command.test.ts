import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { EXIT_OK, EXIT_USAGE } from '../../src/cli/cli-io.ts';
import { fakeIo } from '../../src/cli/commands/clock-commands-test-io.ts';
import { createSeedCommand } from '../../src/cli/commands/seed.command.ts';

// `opensend seed --national`: argument checks, then England at a thousandth (every council at the
// floor of 12 plans: about 1,900 plans), so the test stays seconds.
let opened = 0;
const noDatabase = createSeedCommand(async () => {
  opened += 1;
  throw new Error('no database in argument tests');
});

describe('opensend seed --national: wrong calls exit 2 before any database is opened', () => {
  it.each([
    [['--national', '--la', '886'], /either --la <code> \(one council\) or --national/],
    [['--la', '886', '--scale', '0.1'], /--scale goes with --national/],
    [['--national', '--scale', '0'], /--scale must be a number above 0 and at most 1, such as 0.1, not '0'/],
    [['--national', '--scale', 'half'], /not 'half'/],
    [['--national', '--scale', '2'], /not '2'/],
  ])('%j', async (argv, message) => {
    const { io, out } = fakeIo();
    expect(await noDatabase(argv, io)).toBe(EXIT_USAGE);
    expect(out.stderr).toMatch(message);
    expect(opened).toBe(0);
  });

  it('documents --national and --scale in its usage', async () => {
    const { io, out } = fakeIo();
    expect(await noDatabase(['--help'], io)).toBe(EXIT_OK);
    expect(out.stdout).toContain('opensend seed --national [--scale 1.0]');
  });
});

describe('opensend seed --national on a real database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('seeds every council at the given scale, reporting progress by tenths of the councils', async () => {
    const seed = createSeedCommand(async () => ({ adminUrl: t.adminUrl, close: async () => undefined }), { stderrIsTty: () => false, today: () => '2026-03-02' });
    const { io, out } = fakeIo();
    expect(await seed(['--national', '--scale', '0.001'], io)).toBe(EXIT_OK);
    expect(out.stderr).toContain('Seeding England: 0% of councils');
    expect(out.stderr).toContain('Seeding England: 100% of councils');
    expect(out.stdout).toMatch(/Seeded 15\d councils at scale 0.001 as of 2026-03-02, seed 1/);
    const admin = new pg.Client({ connectionString: t.adminUrl });
    await admin.connect();
    const { rows } = await admin.query<{ councils: string }>('select count(distinct la_code) as councils from cases');
    await admin.end();
    expect(Number(rows[0]!.councils)).toBeGreaterThanOrEqual(150);
  }, 120_000);
});
