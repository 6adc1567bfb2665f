import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '../../platform/db/connection.ts';
import { importLedgerCsv } from '../../modules/finance/index.ts';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliCommand, type CliIo } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = `Usage: opensend finance import-ledger <file.csv> --la <code>

Adds the council's ledger of high-needs payments to its actual spend. The file has a header row
with the columns date, line, amount, reference and (optionally) description; see docs/finance.md.
If any line has a problem nothing is imported, and every problem is printed with its line number.
A payment whose reference was imported before is skipped, so importing a file twice is harmless.

  --la <code>   DfE three-digit council code, e.g. 370`;

export type OpenFinanceDb = (io: CliIo) => Promise<{ db: Db; close(): Promise<void> }>;

function parse(argv: string[]): { file: string; laCode: string } | 'help' {
  let positionals: string[];
  let values: { la?: string | undefined; help?: boolean | undefined };
  try {
    ({ values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { la: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0] ?? 'wrong arguments');
  }
  if (values.help || positionals.length === 0) return 'help';
  if (positionals[0] !== 'import-ledger') throw new UsageError(`unknown subcommand '${positionals[0]}': the only one is 'import-ledger'`);
  if (positionals.length !== 2) throw new UsageError('import-ledger takes one file: opensend finance import-ledger <file.csv> --la <code>');
  if (values.la === undefined) throw new UsageError('missing --la <code>: the DfE three-digit council code, e.g. --la 370');
  if (!/^\d{3}$/.test(values.la.trim())) throw new UsageError(`--la must be a DfE three-digit council code such as 370, not '${values.la}'`);
  return { file: positionals[1]!, laCode: values.la.trim() };
}

export function createFinanceCommand(open: OpenFinanceDb): CliCommand {
  return async (argv, io) => {
    const args = parse(argv);
    if (args === 'help') {
      io.stdout(USAGE);
      return argv.includes('--help') || argv.includes('-h') ? EXIT_OK : 2;
    }
    let text: string;
    try {
      text = await readFile(path.resolve(io.cwd, args.file), 'utf8');
    } catch {
      throw new UsageError(`cannot read '${args.file}'`);
    }
    const handle = await open(io);
    try {
      const council = await handle.db.selectFrom('councils').select('name').where('la_code', '=', args.laCode).executeTakeFirst();
      if (!council) {
        io.stderr(`opensend finance: council ${args.laCode} has no records in this database.`);
        return EXIT_PROBLEMS;
      }
      const r = await importLedgerCsv(handle.db, args.laCode, path.basename(args.file), text);
      if (!r.ok) {
        io.stderr(`opensend finance: nothing was imported from ${path.basename(args.file)}; ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}:`);
        for (const p of r.problems) io.stderr(`  line ${p.line}: ${p.message}`);
        return EXIT_PROBLEMS;
      }
      io.stdout(`${council.name} (${args.laCode}): ${r.imported} payment${r.imported === 1 ? '' : 's'} imported (£${(r.totalPence / 100).toFixed(2)}), ${r.alreadyHeld} already held.`);
      return EXIT_OK;
    } finally {
      await handle.close();
    }
  };
}

export const financeCommand: CliCommand = createFinanceCommand(async (io) => {
  const { handle } = await openDatabaseFromEnv(io);
  return { db: handle.db, close: () => handle.close() };
});
