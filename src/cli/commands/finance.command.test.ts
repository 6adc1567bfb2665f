import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCouncils } from '../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { fakeIo } from './clock-commands-test-io.ts';
import { createFinanceCommand } from './finance.command.ts';

describe('opensend finance import-ledger', () => {
  let t: TestDatabase, dir: string;
  beforeAll(async () => { t = await createTestDatabase(); await addCouncils(t, '905'); dir = await mkdtemp(path.join(tmpdir(), 'ledger-')); });
  afterAll(async () => { await t?.drop(); });
  const run = (argv: string[]) => { const { io, out } = fakeIo(); return createFinanceCommand(async () => ({ db: t.db, close: async () => {} }))(argv, { ...io, cwd: dir }).then((code) => ({ code, out })); };

  it('imports a clean file, and importing it again adds nothing', async () => {
    await writeFile(path.join(dir, 'good.csv'), 'date,line,amount,reference,description\n2025-04-30,post-16,1200.00,P1,April\n2025-05-31,post-16,-200,P2,Credit\n');
    const first = await run(['import-ledger', 'good.csv', '--la', '905']);
    expect(first.code).toBe(0);
    expect(first.out.stdout).toContain('2 payments imported (£1000.00), 0 already held');
    const again = await run(['import-ledger', 'good.csv', '--la', '905']);
    expect(again.out.stdout).toContain('0 payments imported (£0.00), 2 already held');
  });

  it('refuses a bad file whole, printing every problem with its line', async () => {
    await writeFile(path.join(dir, 'bad.csv'), 'date,line,amount,reference\n2025-04-30,post-16,12,Q1\n2025-13-01,post-16,12,Q2\n2025-04-30,post-16,twelve,Q3\n');
    const r = await run(['import-ledger', 'bad.csv', '--la', '905']);
    expect(r.code).toBe(1);
    expect(r.out.stderr).toContain('nothing was imported from bad.csv; 2 problems');
    expect(r.out.stderr).toContain('line 3: Date "2025-13-01" is not a real date');
    expect(r.out.stderr).toContain('line 4: Amount "twelve"');
    const rows = await t.adminDb.selectFrom('finance_ledger_entries').select('reference').where('reference', 'like', 'Q%').execute();
    expect(rows).toEqual([]);
  });

  it('explains a wrong call', async () => {
    await expect(run(['import-ledger', 'good.csv'])).rejects.toThrow('missing --la');
    await expect(run(['import-ledger', 'good.csv', '--la', 'x'])).rejects.toThrow('three-digit');
    await expect(run(['import-ledger', 'missing.csv', '--la', '905'])).rejects.toThrow("cannot read 'missing.csv'");
    expect((await run(['--help'])).out.stdout).toContain('Usage: opensend finance import-ledger');
  });
});
