import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from '../domain/settings-csv.ts';

export const GIAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/reference/gias');

let cached: Promise<Map<string, string>> | undefined;

/** GIAS establishment type codes and names, from the newest DfE extract in data/reference/gias. */
export function giasTypes(dir = GIAS_DIR): Promise<Map<string, string>> {
  cached ??= (async () => {
    const files = (await fs.readdir(dir)).filter((f) => /^gias_establishment_types_\d{8}\.csv$/.test(f)).sort();
    const newest = files.at(-1);
    if (!newest) throw new Error(`No GIAS establishment types file in ${dir}`);
    const records = parseCsvRecords(await fs.readFile(path.join(dir, newest), 'utf8'));
    const header = records.shift()!.fields;
    const code = header.indexOf('type-of-establishment-code');
    const name = header.indexOf('type-of-establishment-name');
    return new Map(records.map((r) => [r.fields[code]!, r.fields[name]!]));
  })();
  return cached;
}
