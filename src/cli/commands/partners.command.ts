import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIsoDate, InvalidDateError, loadEnglandAndWalesCalendar, parseLocalDate, todayInEngland, type LocalDate } from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/connection.ts';
import { UnknownCouncilError, findCouncil, readCouncils } from '../../modules/demo-area/index.ts';
import { createNotifier } from '../../modules/notify/index.ts';
import { escalate } from '../../modules/partners/index.ts';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliCommand, type CliIo } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = `Usage: opensend partners escalate --la <code> [--today YYYY-MM-DD]

Steps every late partner duty in the council up its escalation ladder (reminder, designated
officer, the partner's senior manager, the partnership board) as of today, records each step once
and sends the messages through the outbox. Safe to run again: a step already taken is not repeated.
The service also runs it every few hours while it is up (see docs/partners.md).

  --la <code>          DfE three-digit council code, e.g. 370
  --today YYYY-MM-DD   Run as if it were this day (default: today in England)`;

export type OpenAppDb = (io: CliIo) => Promise<{ db: Db; publicUrl: string; close(): Promise<void> }>;

async function parse(argv: string[], io: CliIo): Promise<{ laCode: string; today?: LocalDate } | 'help'> {
  let positionals: string[];
  let values: { la?: string | undefined; today?: string | undefined; help?: boolean | undefined };
  try {
    ({ values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { la: { type: 'string' }, today: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0] ?? 'wrong arguments');
  }
  if (values.help || positionals.length === 0) return 'help';
  if (positionals[0] !== 'escalate' || positionals.length > 1) throw new UsageError(`unknown subcommand '${positionals.join(' ')}': the only one is 'escalate'`);
  if (values.la === undefined) throw new UsageError('missing --la <code>: the DfE three-digit council code, e.g. --la 370');
  const laCode = values.la.trim();
  if (!/^\d{3}$/.test(laCode)) throw new UsageError(`--la must be a DfE three-digit council code such as 370, not '${values.la}'`);
  try {
    findCouncil(await readCouncils(path.join(io.cwd, 'data', 'reference')), laCode);
  } catch (e) {
    if (e instanceof UnknownCouncilError) throw new UsageError(e.message);
    throw e;
  }
  if (values.today === undefined) return { laCode };
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new InvalidDateError(values.today);
    return { laCode, today: parseLocalDate(values.today) };
  } catch (e) {
    if (e instanceof InvalidDateError) throw new UsageError(`--today must be a real date written YYYY-MM-DD, not '${values.today}'`);
    throw e;
  }
}

export function createPartnersCommand(open: OpenAppDb): CliCommand {
  return async (argv, io) => {
    const args = await parse(argv, io);
    if (args === 'help') {
      io.stdout(USAGE);
      return argv.includes('--help') || argv.includes('-h') ? EXIT_OK : 2;
    }
    const today = args.today ?? todayInEngland(new Date());
    const calendar = loadEnglandAndWalesCalendar(io.cwd);
    const handle = await open(io);
    try {
      const council = await handle.db.selectFrom('councils').select('name').where('la_code', '=', args.laCode).executeTakeFirst();
      if (!council) {
        io.stderr(`opensend partners: council ${args.laCode} has no records in this database. Create a demo area with: opensend seed --la ${args.laCode}`);
        return EXIT_PROBLEMS;
      }
      const run = await escalate({ db: handle.db, notifier: createNotifier(handle.db), calendar, publicUrl: handle.publicUrl }, args.laCode, today);
      const counts = new Map<string, number>();
      for (const t of run.taken) counts.set(t.step, (counts.get(t.step) ?? 0) + 1);
      io.stdout(`${council.name} (${args.laCode}), ${formatIsoDate(today)}: ${run.taken.length} escalation step${run.taken.length === 1 ? '' : 's'} taken, ${run.messages} message${run.messages === 1 ? '' : 's'} sent.`);
      for (const [step, n] of counts) io.stdout(`  ${step.padEnd(20)} ${n}`);
      if (run.messagesFailed > 0) {
        io.stderr(`opensend partners: ${run.messagesFailed} message(s) could not be sent; the steps are recorded.`);
        return EXIT_PROBLEMS;
      }
      return EXIT_OK;
    } finally {
      await handle.close();
    }
  };
}

export const partnersCommand: CliCommand = createPartnersCommand(async (io) => {
  const { config, handle } = await openDatabaseFromEnv(io);
  return { db: handle.db, publicUrl: config.publicUrl, close: () => handle.close() };
});
