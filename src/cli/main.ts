import { EXIT_USAGE, UsageError, type CliCommand, type CliIo } from './cli-io.ts';
import { PROJECT_ROOT } from '../main.ts';

const HELP = `Usage: opensend <command> [options]

Commands:
  serve                      Start the web service (embedded PostgreSQL unless DATABASE_URL is set)
  migrate                    Apply database migrations
  seed --la <code>           Create a synthetic local area calibrated from DfE statistics
  deadline <rule> --from D   Compute a statutory deadline (see: opensend deadline --list)
  holidays refresh --from F  Refresh England & Wales bank holidays from a GOV.UK feed URL or file
  plan validate <file.json>  Check an EHC plan document against the open schema
  audit verify [--la <code>] Check that no audit event has been deleted or altered
  sen2 export|import         The SEN2 statutory return: export, or import a council's history
  partners escalate --la <code>  Step late partner duties up the escalation ladder (--today D)
  backup [--out F] | verify F  Back up the whole database to one file, or check the database against one
  restore <file> [--force]   Restore a backup and verify every table's row count and content hash
  retention run --la <code>  Delete what the retention rules make due (--dry-run, --today D); legal holds skipped
  sar export --la <c> --child <id> --out F  Everything held about a child (subject access request), as JSON
  finance import-ledger <file.csv> --la <code>  Add the council's ledger of high-needs payments (whole file or nothing)

Run 'opensend <command> --help' for a command's options.`;

/** Commands load lazily so `opensend deadline` does not pay for the web stack. */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  serve: async () => (await import('./commands/serve.command.ts')).serveCommand,
  migrate: async () => (await import('./commands/migrate.command.ts')).migrateCommand,
  seed: async () => (await import('./commands/seed.command.ts')).seedCommand,
  deadline: async () => (await import('./commands/deadline.command.ts')).deadlineCommand,
  holidays: async () => (await import('./commands/holidays.command.ts')).holidaysCommand,
  plan: async () => (await import('./commands/plan.command.ts')).planCommand,
  audit: async () => (await import('./commands/audit.command.ts')).auditCommand,
  indicators: async () => (await import('./commands/indicators.command.ts')).indicatorsCommand,
  sen2: async () => (await import('./commands/sen2.command.ts')).sen2Command,
  partners: async () => (await import('./commands/partners.command.ts')).partnersCommand,
  backup: async () => (await import('./commands/backup.command.ts')).backupCommand,
  restore: async () => (await import('./commands/restore.command.ts')).restoreCommand,
  retention: async () => (await import('./commands/retention.command.ts')).retentionCommand,
  sar: async () => (await import('./commands/sar.command.ts')).sarCommand,
  finance: async () => (await import('./commands/finance.command.ts')).financeCommand,
};

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    cwd: PROJECT_ROOT,
    env: process.env,
  };
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name ? 0 : EXIT_USAGE;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`opensend: unknown command '${name}'. Commands: ${Object.keys(COMMANDS).join(', ')}. Run 'opensend --help'.`);
    return EXIT_USAGE;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    // A wrong call gets its message; anything else gets a one-line reason, never a stack trace.
    if (e instanceof UsageError) {
      io.stderr(`opensend ${name}: ${e.message}`);
      return EXIT_USAGE;
    }
    if (e instanceof TypeError && /Unknown option|Unexpected argument|Option .* argument/.test(e.message)) {
      io.stderr(`opensend ${name}: ${e.message.split('\n')[0]}`);
      return EXIT_USAGE;
    }
    io.stderr(`opensend ${name}: ${(e as Error).message}`);
    return 1;
  }
}
