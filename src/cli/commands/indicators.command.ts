import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIsoDate, InvalidDateError, loadEnglandAndWalesCalendar, parseLocalDate, todayInEngland, type LocalDate } from '../../platform/calendar/index.ts';
import type { Db } from '../../platform/db/connection.ts';
import { UnknownCouncilError, findCouncil, readCouncils } from '../../modules/demo-area/index.ts';
import { councilRange, costPerPlanSeries, financialYearsStartingIn, findIndicator, lastCompleteYear, statutoryDeadlines } from '../../modules/insight/index.ts';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliCommand, type CliIo } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = `Usage: opensend indicators --la <code> [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]

Prints a council's indicators for a period, worked out from its case records with the published
definitions (see docs/insight.md). With --json, one JSON object per line:
  {"indicator","period","numerator","denominator","value"}
Breakdowns are named indicator/breakdown/category, e.g. plans-in-place/age-band/5-10.
Figures are the council's own and are not suppressed: apply disclosure control before sharing.

  --la <code>          DfE three-digit council code, e.g. 886 (Kent)
  --from YYYY-MM-DD    First day of the period (default: 1 January last year)
  --to YYYY-MM-DD      Last day of the period (default: 31 December last year, or today with --from)
  --json               One JSON object per line instead of a table`;

export type OpenAppDb = (io: CliIo) => Promise<{ db: Db; close(): Promise<void> }>;

interface Args { laCode: string; from: LocalDate; to: LocalDate; json: boolean }

function day(value: string, name: string): LocalDate {
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidDateError(value);
    return parseLocalDate(value);
  } catch (e) {
    if (e instanceof InvalidDateError) throw new UsageError(`--${name} must be a real date written YYYY-MM-DD, not '${value}'`);
    throw e;
  }
}

async function parse(argv: string[], io: CliIo, today: LocalDate): Promise<Args | 'help'> {
  let values: { la?: string | undefined; from?: string | undefined; to?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: { la: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0] ?? 'wrong arguments');
  }
  if (values.help) return 'help';
  if (values.la === undefined) throw new UsageError('missing --la <code>: the DfE three-digit council code, e.g. --la 886 (Kent)');
  const laCode = values.la.trim();
  if (!/^\d{3}$/.test(laCode)) throw new UsageError(`--la must be a DfE three-digit council code such as 886 (Kent), not '${values.la}'`);
  try {
    findCouncil(await readCouncils(path.join(io.cwd, 'data', 'reference')), laCode);
  } catch (e) {
    if (e instanceof UnknownCouncilError) throw new UsageError(e.message);
    throw e;
  }
  if (values.to !== undefined && values.from === undefined) throw new UsageError('--to needs --from: give the first day of the period too');
  const from = values.from !== undefined ? day(values.from, 'from') : lastCompleteYear(today).from;
  const to = values.to !== undefined ? day(values.to, 'to') : values.from !== undefined ? today : lastCompleteYear(today).to;
  if (from > to) throw new UsageError(`--from ${formatIsoDate(from)} is after --to ${formatIsoDate(to)}`);
  return { laCode, from, to, json: values.json ?? false };
}

export function createIndicatorsCommand(open: OpenAppDb, options: { today?: () => LocalDate } = {}): CliCommand {
  return async (argv, io) => {
    const today = (options.today ?? (() => todayInEngland(new Date())))();
    const args = await parse(argv, io, today);
    if (args === 'help') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    const clock = statutoryDeadlines(loadEnglandAndWalesCalendar(io.cwd));
    const handle = await open(io);
    try {
      const council = await handle.db.selectFrom('councils').select('name').where('la_code', '=', args.laCode).executeTakeFirst();
      if (!council) {
        io.stderr(`opensend indicators: council ${args.laCode} has no records in this database. Create a demo area with: opensend seed --la ${args.laCode}`);
        return EXIT_PROBLEMS;
      }
      const values = await councilRange(handle.db, { laCodes: [args.laCode] }, args.laCode, args.from, args.to, today, clock);
      const period = `${formatIsoDate(args.from)}/${formatIsoDate(args.to)}`;
      for (const v of values) {
        const indicator = v.breakdown ? `${v.indicatorId}/${v.breakdown.id}/${v.breakdown.category}` : v.indicatorId;
        if (args.json) io.stdout(JSON.stringify({ indicator, period, numerator: v.numerator, denominator: v.denominator, value: v.value }) + '\n');
        else io.stdout(`${indicator.padEnd(58)} ${String(v.value ?? '-').padStart(8)}${unitSuffix(findIndicator(v.indicatorId)?.unit, v.numerator, v.denominator)}\n`);
      }
      // Cost per plan is by financial year: those starting in the period, where finance data exists.
      for (const r of await costPerPlanSeries(handle.db, args.laCode, financialYearsStartingIn(args.from, args.to))) {
        if (args.json) io.stdout(JSON.stringify({ indicator: 'cost-per-plan', period: r.label, numerator: r.committedPounds, denominator: r.planYears, value: r.costPerPlanPounds }) + '\n');
        else io.stdout(`${`cost-per-plan (${r.label})`.padEnd(58)} ${String(r.costPerPlanPounds ?? '-').padStart(8)} £ per plan  (£${r.committedPounds} over ${r.planYears} plan-years)\n`);
      }
      return EXIT_OK;
    } finally {
      await handle.close();
    }
  };
}

export const indicatorsCommand: CliCommand = createIndicatorsCommand(async (io) => {
  const { handle } = await openDatabaseFromEnv(io);
  return { db: handle.db, close: () => handle.close() };
});

function unitSuffix(unit: string | undefined, numerator: number, denominator: number | null): string {
  if (unit === 'percent') return `%  (${numerator} of ${denominator})`;
  if (unit === 'per-100') return ` per 100  (${numerator} per ${denominator})`;
  return '';
}
