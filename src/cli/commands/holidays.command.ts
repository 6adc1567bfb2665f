import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../cli-io.ts';
import { BANK_HOLIDAY_FILE, BankHolidayFeedError, refreshBankHolidays } from '../../platform/calendar/index.ts';

const USAGE = `Usage:
  opensend holidays refresh --from <https-url-or-file> [--out <file>]
    Validates a GOV.UK bank holidays feed (e.g. https://www.gov.uk/bank-holidays.json), merges its
    England & Wales years into the file (default ${BANK_HOLIDAY_FILE}) and writes it.
`;

function fail(io: CliIo, message: string): number {
  io.stderr(`opensend holidays: ${message}\n`);
  return EXIT_USAGE;
}

const resolveFrom = (io: CliIo, path: string) => (isAbsolute(path) ? path : join(io.cwd, path));

/** `opensend holidays refresh`: keeps the working-day calendar's data current. */
export const holidaysCommand: CliCommand = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { from: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail(io, `${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (positionals.length !== 1 || positionals[0] !== 'refresh') {
    return fail(io, `${positionals.length === 0 ? 'missing subcommand' : `unknown subcommand "${positionals.join(' ')}"`}\n${USAGE}`);
  }
  if (values.from === undefined) return fail(io, `--from is missing: give a GOV.UK feed URL or a file\n${USAGE}`);
  const isUrl = /^https?:\/\//i.test(values.from);
  const from = isUrl ? values.from : resolveFrom(io, values.from);
  const out = resolveFrom(io, values.out ?? BANK_HOLIDAY_FILE);
  try {
    const summary = await refreshBankHolidays({ from, out });
    io.stdout(
      `Wrote ${summary.events} England & Wales bank holidays covering ${summary.firstYear} to ${summary.lastYear} to ${out} ` +
        `(${summary.refreshedYears[0]} to ${summary.refreshedYears[1]} from ${values.from}).\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof BankHolidayFeedError) return fail(io, error.message);
    if (isUrl && error instanceof TypeError) return fail(io, `could not fetch ${values.from}: ${error.message}`);
    throw error;
  }
};
