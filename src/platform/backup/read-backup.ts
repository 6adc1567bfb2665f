import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { BackupFileError, END_OF_SECTION, MAGIC, type BackupHeader, type BackupManifest } from './backup-format.ts';

/** One table's rows as COPY text lines, handed over as they are read (a backup may not fit in memory). */
export interface BackupReader {
  header: BackupHeader;
  /** Calls onTable for each table section in file order; resolves with the manifest at the end. */
  readTables(onTable: (name: string, lines: AsyncIterable<string>) => Promise<void>): Promise<BackupManifest>;
  close(): void;
}

export async function openBackup(file: string): Promise<BackupReader> {
  if (!fs.existsSync(file)) throw new BackupFileError(`There is no backup file at ${file}.`);
  const input = fs.createReadStream(file).pipe(createGunzip());
  input.on('error', () => undefined); // surfaced by the line reader below
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    try {
      const r = await lines.next();
      return r.done ? undefined : r.value;
    } catch {
      throw new BackupFileError(`${file} is not a complete OpenSEND backup (it is not gzip, or it was cut short).`);
    }
  };
  const magic = await next();
  if (magic !== MAGIC) throw new BackupFileError(`${file} is not an OpenSEND backup (it does not start with "${MAGIC}").`);
  const headerLine = await next();
  if (!headerLine?.startsWith('HEADER ')) throw new BackupFileError(`${file} has no header line.`);
  const header = JSON.parse(headerLine.slice(7)) as BackupHeader;

  return {
    header,
    async readTables(onTable) {
      for (;;) {
        const line = await next();
        if (line === undefined) throw new BackupFileError(`${file} ends before its manifest: the backup is incomplete.`);
        if (line.startsWith('MANIFEST ')) return JSON.parse(line.slice(9)) as BackupManifest;
        if (!line.startsWith('TABLE ')) throw new BackupFileError(`${file} is damaged: expected a table section, found something else.`);
        let ended = false;
        const section: AsyncIterable<string> = {
          async *[Symbol.asyncIterator]() {
            for (;;) {
              const row = await next();
              if (row === undefined) throw new BackupFileError(`${file} ends in the middle of table ${line.slice(6)}.`);
              if (row === END_OF_SECTION) {
                ended = true;
                return;
              }
              yield row;
            }
          },
        };
        await onTable(line.slice(6), section);
        if (!ended) throw new BackupFileError(`Table ${line.slice(6)} was not read to its end.`);
      }
    },
    close() {
      rl.close();
      input.destroy();
    },
  };
}
