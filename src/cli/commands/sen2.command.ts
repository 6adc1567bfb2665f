import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import {
  CSV_MODULES, ReferenceDateError, Sen2FileRefused, collectionPeriod, csvFileName, exportSen2Csv, exportSen2Xml, importSen2, withReadTransaction,
  type CsvModule, type ExportSummary,
} from '../../modules/returns/index.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, type CliCommand, type CliIo } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';
import type { OpenAdminUrl } from './seed.command.ts';

const USAGE = `Usage: opensend sen2 export --la <code> --reference-date YYYY-MM-DD [--out file.xml|dir] [--format xml|csv]
       opensend sen2 import <file.xml> --la <code>

  export   The SEN2 person-level return for the collection year of the (January) reference date:
           requests, assessments and plans of the previous calendar year, plans in force on the day.
           XML to --out or standard output; --format csv writes the COLLECT "Blade" module CSVs
           into the directory --out (default: the current directory).
  import   Load a SEN2 XML file as case history. The file is checked whole first; if anything is
           wrong every problem is listed and nothing is imported. Importing a file twice adds nothing.`;

export interface Sen2CommandOptions { stderrIsTty?: () => boolean; now?: () => Date }

const la = (v: string | undefined): string => {
  if (v === undefined) throw new UsageError('missing --la <code>: the DfE three-digit council code, e.g. --la 886 (Kent)');
  if (!/^\d{3}$/.test(v.trim())) throw new UsageError(`--la must be a DfE three-digit council code such as 886, not '${v}'`);
  return v.trim();
};

/** Local time in England as ccyy-mm-ddThh:mm:ss, for the header's DateTime. */
const englandDateTime = (d: Date): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'medium' }).format(d).replace(' ', 'T');

function progress(io: CliIo, tty: boolean, label: string): { update(done: number, total: number): void; stop(): void } {
  if (!tty) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} children`, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(done, total) { if (!started) bar.start(total, 0); started = true; bar.update(done); },
    stop: () => { if (started) bar.stop(); },
  };
}

function sink(stream: NodeJS.WritableStream): (chunk: string) => Promise<void> {
  return async (chunk) => { if (!stream.write(chunk)) await once(stream, 'drain'); };
}

async function finish(stream: fs.WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'close');
}

async function runExport(argv: string[], io: CliIo, open: OpenAdminUrl, o: Sen2CommandOptions): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: {
    la: { type: 'string' }, 'reference-date': { type: 'string' }, out: { type: 'string' }, format: { type: 'string' },
  } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'; sen2 export takes only options`);
  const laCode = la(values.la);
  const referenceDate = values['reference-date'];
  if (referenceDate === undefined) throw new UsageError('missing --reference-date YYYY-MM-DD: the January census day of the return, e.g. 2026-01-15');
  try { collectionPeriod(referenceDate); } catch (e) {
    if (e instanceof ReferenceDateError) throw new UsageError(`--reference-date: ${e.message}`);
    throw e;
  }
  const format = values.format ?? 'xml';
  if (format !== 'xml' && format !== 'csv') throw new UsageError(`--format must be xml or csv, not '${format}'`);
  const bar = progress(io, (o.stderrIsTty ?? (() => process.stderr.isTTY === true))(), `SEN2 ${laCode}`);
  const options = { laCode, referenceDate, generatedAt: englandDateTime((o.now ?? (() => new Date()))()), onProgress: bar.update };
  const db = await open(io);
  let summary: ExportSummary;
  try {
    if (format === 'xml') {
      const file = values.out ? fs.createWriteStream(path.resolve(io.cwd, values.out)) : undefined;
      summary = await withReadTransaction(db.adminUrl, (q) => exportSen2Xml(q, options, file ? sink(file) : async (t) => { io.stdout(t); }));
      if (file) await finish(file);
    } else {
      const dir = path.resolve(io.cwd, values.out ?? '.');
      fs.mkdirSync(dir, { recursive: true });
      const files = Object.fromEntries(CSV_MODULES.map((m) => [m, fs.createWriteStream(path.join(dir, csvFileName(m, referenceDate)))])) as Record<CsvModule, fs.WriteStream>;
      const writers = Object.fromEntries(CSV_MODULES.map((m) => [m, sink(files[m])])) as Record<CsvModule, (c: string) => Promise<void>>;
      summary = await withReadTransaction(db.adminUrl, (q) => exportSen2Csv(q, options, writers));
      for (const m of CSV_MODULES) await finish(files[m]);
    }
  } finally {
    bar.stop();
    await db.close();
  }
  io.stderr(`SEN2 ${collectionPeriod(referenceDate).year} for ${laCode}: ${summary.persons} persons, ${summary.requests} requests, ${summary.namedPlans} plans issued in the year, ${summary.activePlans} plans in force.`);
  return EXIT_OK;
}

async function runImport(argv: string[], io: CliIo, open: OpenAdminUrl): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { la: { type: 'string' } } });
  const laCode = la(values.la);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing the SEN2 file to import: opensend sen2 import <file.xml> --la <code>' : `one file at a time, not ${positionals.length}`);
  const file = path.resolve(io.cwd, positionals[0]!);
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${positionals[0]}`);
  const xml = fs.readFileSync(file, 'utf8');
  const db = await open(io);
  try {
    const r = await importSen2(db.adminUrl, xml, laCode);
    io.stdout(`Imported ${r.persons} persons from ${positionals[0]} into ${laCode}: ${r.childrenCreated} children, ${r.casesCreated} cases (${r.eventsCreated} events), ${r.placementsCreated} placements, ${r.settingsCreated} settings created; ${r.skippedCases} requests were already there.`);
    return EXIT_OK;
  } catch (e) {
    if (!(e instanceof Sen2FileRefused)) throw e;
    io.stderr(`opensend sen2 import: ${e.message}\n${e.problems.map((p) => `  line ${p.line}, ${p.element}: ${p.message}`).join('\n')}`);
    return EXIT_PROBLEMS;
  } finally {
    await db.close();
  }
}

export function createSen2Command(open: OpenAdminUrl, o: Sen2CommandOptions = {}): CliCommand {
  return async (argv, io) => {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) { io.stdout(USAGE); return sub ? EXIT_OK : EXIT_USAGE; }
    try {
      if (sub === 'export') return await runExport(rest, io, open, o);
      if (sub === 'import') return await runImport(rest, io, open);
      throw new UsageError(`unknown sub-command '${sub}': use 'sen2 export' or 'sen2 import'`);
    } catch (e) {
      // A wrong call is told what is wrong and how to call it; nothing has been opened or written.
      const parseProblem = e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS');
      if (!(e instanceof UsageError) && !parseProblem) throw e;
      io.stderr(`opensend sen2: ${(e as Error).message.split('\n')[0]}\n${USAGE.split('\n').slice(0, 2).join('\n')}`);
      return EXIT_USAGE;
    }
  };
}

export const sen2Command: CliCommand = createSen2Command(async (io) => {
  const { handle } = await openDatabaseFromEnv(io);
  return { adminUrl: handle.adminUrl, close: () => handle.close() };
});
