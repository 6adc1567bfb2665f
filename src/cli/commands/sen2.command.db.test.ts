import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { seedLocalArea } from '../../modules/demo-area/index.ts';
import { EXIT_OK, EXIT_PROBLEMS } from '../cli-io.ts';
import { fakeIo } from './clock-commands-test-io.ts';
import { createSen2Command } from './sen2.command.ts';

let t: TestDatabase;
let dir: string;
const run = async (argv: string[]) => {
  const { io, out } = fakeIo();
  const cmd = createSen2Command(async () => ({ adminUrl: t.adminUrl, close: async () => undefined }), { stderrIsTty: () => false, now: () => new Date('2026-01-20T09:00:00Z') });
  return { code: await cmd(argv, io), out };
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedLocalArea({ adminUrl: t.adminUrl, laCode: '857', seed: 9, today: '2026-02-01' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sen2-cli-'));
}, 120_000);
afterAll(async () => { await t?.drop(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('opensend sen2 on a seeded council', () => {
  it('exports XML to a file and the Blade CSVs to a directory', async () => {
    const xml = await run(['export', '--la', '857', '--reference-date', '2026-01-15', '--out', path.join(dir, 'sen2.xml')]);
    expect(xml.code).toBe(EXIT_OK);
    expect(xml.out.stderr).toMatch(/^SEN2 2026 for 857: \d+ persons, \d+ requests, \d+ plans issued in the year, \d+ plans in force\./);
    const text = fs.readFileSync(path.join(dir, 'sen2.xml'), 'utf8');
    expect(text).toContain('<DateTime>2026-01-20T09:00:00</DateTime>');
    const persons = (text.match(/<Person>/g) ?? []).length;
    const csv = await run(['export', '--la', '857', '--reference-date', '2026-01-15', '--format', 'csv', '--out', path.join(dir, 'csv')]);
    expect(csv.code).toBe(EXIT_OK);
    expect(fs.readdirSync(path.join(dir, 'csv')).sort()).toEqual(
      ['activeplans', 'assessment', 'namedplan', 'person', 'placementdetail', 'plandetail', 'requests', 'sen2', 'senneed'].map((m) => `Blade-Export_15-01-2026_${m}.csv`),
    );
    const personRows = fs.readFileSync(path.join(dir, 'csv', 'Blade-Export_15-01-2026_person.csv'), 'utf8').trim().split('\r\n');
    expect(personRows.length - 1).toBe(persons);
  });

  it('re-imports the council\'s own return without duplicating anyone, and refuses a broken file with every problem', async () => {
    const again = await run(['import', path.join(dir, 'sen2.xml'), '--la', '857']);
    expect(again.code).toBe(EXIT_OK);
    expect(again.out.stdout).toMatch(/: 0 children, 0 cases \(0 events\)/);
    fs.writeFileSync(path.join(dir, 'bad.xml'), fs.readFileSync(path.join(dir, 'sen2.xml'), 'utf8').replace('<LEA>857</LEA>', '<LEA>85</LEA>').replace('<Sex>', '<Sex>Z'));
    const bad = await run(['import', path.join(dir, 'bad.xml'), '--la', '857']);
    expect(bad.code).toBe(EXIT_PROBLEMS);
    expect(bad.out.stderr).toMatch(/not a valid SEN2 return \(2 problems\); nothing was imported/);
    expect(bad.out.stderr).toMatch(/line \d+, LEA: LEA '85' is not a three-digit LA number/);
    expect(bad.out.stderr).toMatch(/line \d+, Sex: Sex 'Z[MFU]' is not one of M, F, U/);
  });
});
