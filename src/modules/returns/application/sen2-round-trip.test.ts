import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { seedLocalArea } from '../../demo-area/index.ts';
import { withReadTransaction } from '../infrastructure/child-history.cursor.ts';
import { patchSen2Xsd } from '../infrastructure/sen2-xsd.patch.ts';
import { Sen2FileRefused } from '../infrastructure/sen2-xml.reader.ts';
import { exportSen2Xml } from './export-sen2.ts';
import { importSen2 } from './import-sen2.ts';

const LA = '857';
const REF = '2026-01-15';
const AT = '2026-01-20T09:00:00';
const XSD = path.join(process.cwd(), 'data/reference/standards/sen2/SEN2_schema_2024.liia-tools.xsd');

async function exportXml(url: string): Promise<string> {
  let out = '';
  await withReadTransaction(url, (q) => exportSen2Xml(q, { laCode: LA, referenceDate: REF, generatedAt: AT }, async (c) => { out += c; }));
  return out;
}

let source: TestDatabase;
let target: TestDatabase;
let first: string;
beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  await seedLocalArea({ adminUrl: source.adminUrl, laCode: LA, seed: 11, today: '2026-02-01' });
  first = await exportXml(source.adminUrl);
}, 120_000);
afterAll(async () => { await source?.drop(); await target?.drop(); });

describe('SEN2 export and import', () => {
  it('validates against the liia-tools XSD with the documented 2026/SENSetting patch (xmllint)', () => {
    const lint = spawnSync('xmllint', ['--version']);
    if (lint.error) throw new Error('xmllint is required for this test: apt-get install -y libxml2-utils');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sen2-'));
    fs.writeFileSync(path.join(dir, 'sen2.xsd'), patchSen2Xsd(fs.readFileSync(XSD, 'utf8')));
    fs.writeFileSync(path.join(dir, 'sen2.xml'), first);
    const r = spawnSync('xmllint', ['--noout', '--schema', path.join(dir, 'sen2.xsd'), path.join(dir, 'sen2.xml')], { encoding: 'utf8' });
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('agrees with counts computed straight from the seeded events', async () => {
    const c = new pg.Client({ connectionString: source.adminUrl });
    await c.connect();
    const q = async (sql: string): Promise<number> => Number((await c.query<{ n: string }>(sql, [LA])).rows[0]!.n);
    const requests = await q(`select count(*) n from case_events where la_code = $1 and type = 'request-received' and occurred_on between '2025-01-01' and '2025-12-31'`);
    const issued = await q(`select count(*) n from case_events where la_code = $1 and type = 'final-plan-issued' and occurred_on between '2025-01-01' and '2026-01-15'
      and case_id in (select case_id from case_events where la_code = $1 and type = 'request-received' and occurred_on <= '2025-12-31')`);
    const within20 = await q(`select count(*) n from case_events f join case_events r on r.la_code = f.la_code and r.case_id = f.case_id and r.type = 'request-received'
      where f.la_code = $1 and f.type = 'final-plan-issued' and f.occurred_on between '2025-01-01' and '2026-01-15' and r.occurred_on <= '2025-12-31' and f.occurred_on - r.occurred_on <= 140`);
    await c.end();
    const received = [...first.matchAll(/<ReceivedDate>(2025-[^<]+)<\/ReceivedDate>/g)].length;
    expect(received).toBe(requests);
    const starts = [...first.matchAll(/<Requests>\n\s*<ReceivedDate>([^<]+)<[\s\S]*?<NamedPlan>\n\s*<StartDate>([^<]+)</g)];
    expect([...first.matchAll(/<NamedPlan>/g)].length).toBe(issued);
    expect(issued).toBeGreaterThan(0);
    const days = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;
    const namedWithin = first.split('<Requests>').filter((r) => /<NamedPlan>/.test(r)).filter((r) => {
      const rec = /<ReceivedDate>([^<]+)</.exec(r)![1]!; const st = /<StartDate>([^<]+)</.exec(r)![1]!;
      return days(rec, st) <= 140;
    }).length;
    expect(namedWithin).toBe(within20);
    expect(starts.length).toBeGreaterThan(0);
  });

  it('export → import into a fresh database → export gives the same file, and a re-import adds nothing', async () => {
    const imported = await importSen2(target.adminUrl, first, LA);
    expect(imported.childrenCreated).toBe(imported.persons);
    const second = await exportXml(target.adminUrl);
    expect(second).toBe(first);
    const again = await importSen2(target.adminUrl, first, LA);
    expect(again.childrenCreated + again.casesCreated + again.placementsCreated + again.settingsCreated).toBe(0);
    expect(await exportXml(target.adminUrl)).toBe(first);
  }, 120_000);

  it('refuses a broken file whole, listing every problem with its line', async () => {
    const broken = first.replace('<Sex>', '<Sex>X').replace(/<PersonBirthDate>\d{4}/, '<PersonBirthDate>20x5').replace('<RequestOutcome>', '<Bogus>1</Bogus><RequestOutcome>');
    const err = await importSen2(target.adminUrl, broken, '201').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Sen2FileRefused);
    const problems = (err as Sen2FileRefused).problems;
    expect(problems.map((p) => p.element)).toEqual(expect.arrayContaining(['Sex', 'PersonBirthDate', 'Bogus']));
    for (const p of problems) expect(p.line).toBeGreaterThan(0);
    const birth = problems.find((p) => p.element === 'PersonBirthDate')!;
    expect(broken.split('\n')[birth.line - 1]).toContain('<PersonBirthDate>20x5');
    const c = new pg.Client({ connectionString: target.adminUrl });
    await c.connect();
    expect((await c.query(`select 1 from children where la_code = '201'`)).rowCount).toBe(0);
    await c.end();
  });

  it('refuses XXE and billion-laughs payloads before parsing', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Message>&x;</Message>`;
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<Message>&lol2;</Message>`;
    for (const payload of [xxe, lol]) {
      const err = (await importSen2(target.adminUrl, payload, LA).catch((e: unknown) => e)) as Sen2FileRefused;
      expect(err).toBeInstanceOf(Sen2FileRefused);
      expect(err.problems).toHaveLength(1);
      expect(err.problems[0]!.line).toBe(2);
      expect(err.problems[0]!.message).toMatch(/entity declarations are not allowed/);
    }
    const undeclared = (await importSen2(target.adminUrl, '<Message>&x;</Message>', LA).catch((e: unknown) => e)) as Sen2FileRefused;
    expect(undeclared.problems[0]!.message).toMatch(/not well formed/);
  });
});
