import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { InvalidDateError, parseLocalDate } from '../../platform/calendar/index.ts';
import { ROLE_NAMES } from '../../platform/identity/roles.ts';
import {
  AlreadySeededError, DEFAULT_SEED, seedNational, type NationalProgress, type SeedNationalResult, DEMO_PASSWORD, UnknownCouncilError, findCouncil, readCouncils, seedLocalArea,
  type DemoAccount, type SeedLocalAreaResult,
} from '../../modules/demo-area/index.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand, type CliIo } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = `Usage: opensend seed --la <code> [--seed N] [--today YYYY-MM-DD] [--reset]
       opensend seed --national [--scale 1.0] [--seed N] [--today YYYY-MM-DD] [--reset]

Creates a synthetic local area for one council, calibrated from the DfE EHC plan statistics:
plans in place, requests, 20-week timeliness, needs and settings. Synthetic people only.

  --la <code>          DfE three-digit council code, e.g. 370 (Barnsley) or 886 (Kent)
  --seed N             Random seed (default ${DEFAULT_SEED}); the same seed gives the same area
  --today YYYY-MM-DD   The day the area is generated as of (default: today in England)
  --reset              Replace this council's existing demo data (other councils are untouched)
  --national           Every council in England (about 640,000 plans), loaded with COPY; councils
                       already seeded are skipped, so an interrupted load can be resumed
  --scale S            With --national: a fraction of England's size, e.g. 0.1 for a tenth`;

/** How the command reaches a database: the CLI entry opens the configured one; tests pass their own. */
export type OpenAdminUrl = (io: CliIo) => Promise<{ adminUrl: string; close(): Promise<void> }>;

export interface SeedCommandOptions {
  /** Whether stderr is an interactive terminal (a live progress bar) or a log (a line per 10%). */
  stderrIsTty?: () => boolean;
  /** Today in England as 'YYYY-MM-DD'. */
  today?: () => string;
}

class ArgumentProblem extends Error {}

interface SeedArgs { laCode: string; seed: number; today: string; reset: boolean; national: boolean; scale: number }

const londonToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

async function parseSeedArgs(argv: string[], io: CliIo, today: () => string): Promise<SeedArgs | 'help'> {
  let values: {
    la?: string | undefined; seed?: string | undefined; today?: string | undefined; reset?: boolean | undefined; help?: boolean | undefined;
    national?: boolean | undefined; scale?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        la: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' }, reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
        national: { type: 'boolean' }, scale: { type: 'string' },
      },
    }));
  } catch (e) {
    throw new ArgumentProblem((e as Error).message.split('\n')[0] ?? 'wrong arguments');
  }
  if (values.help) return 'help';
  const national = values.national ?? false;
  if (national && values.la !== undefined) throw new ArgumentProblem('use either --la <code> (one council) or --national (every council), not both');
  if (!national && values.scale !== undefined) throw new ArgumentProblem('--scale goes with --national');
  let scale = 1;
  if (values.scale !== undefined) {
    scale = /^\d+(\.\d+)?$/.test(values.scale.trim()) ? Number(values.scale) : Number.NaN;
    if (!(scale > 0 && scale <= 1)) throw new ArgumentProblem(`--scale must be a number above 0 and at most 1, such as 0.1, not '${values.scale}'`);
  }
  const laCode = national ? '' : await councilArg(values.la, io);
  let seed = DEFAULT_SEED;
  if (values.seed !== undefined) {
    if (!/^\d{1,10}$/.test(values.seed) || Number(values.seed) > 0xffffffff) {
      throw new ArgumentProblem(`--seed must be a whole number from 0 to 4294967295, not '${values.seed}'`);
    }
    seed = Number(values.seed);
  }
  const day = values.today ?? today();
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new InvalidDateError(day);
    parseLocalDate(day);
  } catch (e) {
    if (e instanceof InvalidDateError) throw new ArgumentProblem(`--today must be a real date written YYYY-MM-DD, not '${day}'`);
    throw e;
  }
  return { laCode, seed, today: day, reset: values.reset ?? false, national, scale };
}

async function councilArg(la: string | undefined, io: CliIo): Promise<string> {
  if (la === undefined) throw new ArgumentProblem('missing --la <code>: the DfE three-digit council code, e.g. --la 370 (Barnsley), or --national');
  const laCode = la.trim();
  if (!/^\d{3}$/.test(laCode)) throw new ArgumentProblem(`--la must be a DfE three-digit council code such as 886 (Kent), not '${la}'`);
  try {
    findCouncil(await readCouncils(path.join(io.cwd, 'data', 'reference')), laCode);
  } catch (e) {
    if (e instanceof UnknownCouncilError) throw new ArgumentProblem(e.message);
    throw e;
  }
  return laCode;
}

/** A live bar on a terminal; in logs and CI one line per 10%, so output stays readable. */
function progressReporter(io: CliIo, councilName: string, tty: boolean): { update(written: number, total: number): void; stop(): void } {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: `Seeding ${councilName} [{bar}] {percentage}% | {value}/{total} rows`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(written, total) {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(written);
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(written, total) {
      const tenth = total > 0 ? Math.floor((written / total) * 10) : 10;
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      io.stderr(`Seeding ${councilName}: ${tenth * 10}%\n`);
    },
    stop: () => undefined,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ')}`.trimEnd()).join('\n');
}

export function formatAccounts(accounts: DemoAccount[]): string {
  return table([['Role', 'Email', 'Name', 'What they will see'], ...accounts.map((a) => [ROLE_NAMES[a.role], a.email, a.displayName, a.sees])]);
}

function summary(args: SeedArgs, result: SeedLocalAreaResult): string {
  const n = (v: number): string => v.toLocaleString('en-GB');
  const c = result.counts;
  const lines = [
    `Seeded ${result.councilName} (${args.laCode}) as of ${args.today}, seed ${args.seed}, in ${(result.elapsedMs / 1000).toFixed(1)} s:`,
    `  ${n(c.children)} children and young people, ${n(c.cases)} cases (${n(c.caseEvents)} events), ${n(c.placements)} placements`,
    `  ${n(c.settings)} settings, ${n(c.organisations)} organisations, ${n(c.users)} users`,
  ];
  if (result.notes.length > 0) lines.push(`  ${result.notes.length} figure(s) not published by the DfE for this council were read as 0`);
  lines.push('', `Demo sign-ins (password for all: ${DEMO_PASSWORD} — demo data only):`, formatAccounts(result.demoAccounts));
  return `${lines.join('\n')}\n`;
}

export function createSeedCommand(openAdminUrl: OpenAdminUrl, options: SeedCommandOptions = {}): CliCommand {
  return async (argv, io) => {
    let args: SeedArgs | 'help';
    try {
      args = await parseSeedArgs(argv, io, options.today ?? londonToday);
    } catch (e) {
      if (!(e instanceof ArgumentProblem)) throw e;
      io.stderr(`opensend seed: ${e.message}\n${USAGE.split('\n')[0]}\n`);
      return EXIT_USAGE;
    }
    if (args === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    const referenceDir = path.join(io.cwd, 'data', 'reference');
    if (args.national) return seedEngland(args, io, referenceDir, openAdminUrl, (options.stderrIsTty ?? (() => process.stderr.isTTY === true))());
    const council = findCouncil(await readCouncils(referenceDir), args.laCode);
    const progress = progressReporter(io, council.name, (options.stderrIsTty ?? (() => process.stderr.isTTY === true))());
    const database = await openAdminUrl(io);
    try {
      const result = await seedLocalArea({
        adminUrl: database.adminUrl, laCode: args.laCode, seed: args.seed, today: args.today, reset: args.reset,
        dataDir: referenceDir, onProgress: (written, total) => progress.update(written, total),
      });
      progress.stop();
      io.stdout(summary(args, result));
      return EXIT_OK;
    } catch (e) {
      progress.stop();
      if (e instanceof AlreadySeededError) {
        io.stderr(`opensend seed: ${e.message}\n`);
        return EXIT_PROBLEMS;
      }
      throw e;
    } finally {
      await database.close();
    }
  };
}

/** A bar over councils on a terminal (with rows and plans so far); a line per 10% of councils in logs. */
function nationalProgress(io: CliIo, tty: boolean): { update(p: NationalProgress): void; stop(): void } {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'Seeding England [{bar}] {value}/{total} councils | {rows} rows | {plans} plans', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.councils, 0, { rows: '0', plans: '0' });
        started = true;
        bar.update(p.councilsDone, { rows: p.rows.toLocaleString('en-GB'), plans: p.plans.toLocaleString('en-GB') });
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update(p) {
      const tenth = p.councils > 0 ? Math.floor((p.councilsDone / p.councils) * 10) : 10;
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      io.stderr(`Seeding England: ${tenth * 10}% of councils (${p.rows.toLocaleString('en-GB')} rows)\n`);
    },
    stop: () => undefined,
  };
}

function nationalSummary(args: SeedArgs, result: SeedNationalResult): string {
  const n = (v: number): string => v.toLocaleString('en-GB');
  const c = result.counts;
  const lines = [
    `Seeded ${n(result.councils)} councils at scale ${args.scale} as of ${args.today}, seed ${args.seed}, in ${(result.elapsedMs / 1000).toFixed(1)} s:`,
    `  ${n(result.plansInPlace)} plans in place, ${n(c.children)} children and young people, ${n(c.cases)} cases (${n(c.caseEvents)} events), ${n(c.placements)} placements`,
    `  ${n(c.settings)} settings, ${n(c.organisations)} organisations, ${n(c.users)} users`,
  ];
  if (result.skipped.length > 0) lines.push(`  Skipped ${result.skipped.length}: ${result.skipped.join('; ')}`);
  lines.push(`Each council's demo sign-ins end @<code>.demo.opensend.test (password ${DEMO_PASSWORD}, demo data only).`);
  return `${lines.join('\n')}\n`;
}

async function seedEngland(args: SeedArgs, io: CliIo, referenceDir: string, openAdminUrl: OpenAdminUrl, tty: boolean): Promise<number> {
  const progress = nationalProgress(io, tty);
  const database = await openAdminUrl(io);
  try {
    const result = await seedNational({
      adminUrl: database.adminUrl, scale: args.scale, seed: args.seed, today: args.today, reset: args.reset, dataDir: referenceDir,
      onProgress: (p) => progress.update(p),
    });
    progress.stop();
    io.stdout(nationalSummary(args, result));
    return EXIT_OK;
  } finally {
    progress.stop();
    await database.close();
  }
}

/** `opensend seed` on the configured database (DATABASE_URL, or the embedded PostgreSQL). */
export const seedCommand: CliCommand = createSeedCommand(async (io) => {
  const { handle } = await openDatabaseFromEnv(io);
  return { adminUrl: handle.adminUrl, close: () => handle.close() };
});
