import pg from 'pg';
import { loadCouncils } from '../../demo-area/index.ts';
import { importRuleProblems, planPersonImport } from '../domain/sen2-import.plan.ts';
import { sen2FileOf } from '../infrastructure/sen2-xml.converter.ts';
import { Sen2FileRefused, parseXmlTree, validateSen2Tree, type Sen2Problem } from '../infrastructure/sen2-xml.reader.ts';
import { Sen2ImportWriter, type ImportCounts } from '../infrastructure/sen2-import.writer.ts';

/**
 * Imports a SEN2 file as case history: validated whole first (every problem listed, nothing
 * written), then written in one transaction, so a failure part-way leaves nothing behind.
 */
export interface ImportResult extends ImportCounts { persons: number }

/** Persons written per batch of multi-row INSERTs (all in the one transaction). */
const IMPORT_BATCH = 1000;

export function checkSen2File(xml: string, laCode: string): { problems: Sen2Problem[]; file?: ReturnType<typeof sen2FileOf> } {
  const { root, problems } = parseXmlTree(xml);
  if (!root) return { problems };
  const structural = validateSen2Tree(root);
  if (structural.length > 0) return { problems: structural };
  const file = sen2FileOf(root);
  const more: Sen2Problem[] = [];
  if (file.header.laCode !== laCode) {
    more.push({ line: 1, element: 'LEA', message: `the file is council ${file.header.laCode}'s return, but --la ${laCode} was asked for` });
  }
  const persons = root.children.find((c) => c.name === 'Persons')!.children;
  file.persons.forEach((p, i) => {
    for (const message of importRuleProblems(p)) more.push({ line: persons[i]!.line, element: 'Person', message });
  });
  return more.length > 0 ? { problems: more } : { problems: [], file };
}

export async function importSen2(adminUrl: string, xml: string, laCode: string, onProgress?: (done: number, total: number) => void): Promise<ImportResult> {
  const { problems, file } = checkSen2File(xml, laCode);
  if (!file) throw new Sen2FileRefused(problems);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const council = await client.query('select 1 from councils where la_code = $1', [laCode]);
    // A fresh database has no councils yet: load the reference list (an unknown code stays refused).
    if (council.rowCount === 0) await loadCouncils(client);
    if ((await client.query('select 1 from councils where la_code = $1', [laCode])).rowCount === 0) throw new Error(`${laCode} is not a council code in the DfE list`);
    await client.query('begin');
    // One import per council at a time: two concurrent imports of one file would both find nothing.
    await client.query(`select pg_advisory_xact_lock(hashtext('sen2-import-' || $1))`, [laCode]);
    const writer = new Sen2ImportWriter(client, laCode);
    await writer.load();
    let done = 0;
    for (const person of file.persons) {
      await writer.write(planPersonImport(person));
      done += 1;
      if (done % IMPORT_BATCH === 0) {
        await writer.flush();
        onProgress?.(done, file.persons.length);
      }
    }
    await writer.flush();
    await client.query('commit');
    onProgress?.(done, file.persons.length);
    return { persons: file.persons.length, ...writer.counts };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
