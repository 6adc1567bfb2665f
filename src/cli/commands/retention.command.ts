import { parseArgs } from 'node:util';
import { parseLocalDate, todayInEngland, type LocalDate } from '../../platform/calendar/index.ts';
import { createDb } from '../../platform/db/connection.ts';
import { runRetention } from '../../modules/records/index.ts';
import { EXIT_OK, UsageError, type CliCommand } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = `Usage: opensend retention run --la <code> [--dry-run] [--today YYYY-MM-DD]
Deletes what the council's retention rules make due (default: date of birth + 31 years), skipping
children under a legal hold, and records the row counts deleted in the audit trail. --dry-run shows
what would be deleted and deletes nothing.`;

export const retentionCommand: CliCommand = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (sub !== 'run') throw new UsageError(sub ? `unknown subcommand '${sub}'. ${USAGE}` : USAGE);
  const { values } = parseArgs({ args: rest, options: { la: { type: 'string' }, 'dry-run': { type: 'boolean' }, today: { type: 'string' } }, strict: true });
  if (!values.la || !/^\d{3}$/.test(values.la)) throw new UsageError(`--la must be a DfE three-digit council code such as 370${values.la ? `, not '${values.la}'` : ''}.`);
  let today: LocalDate = todayInEngland(new Date());
  if (values.today !== undefined) {
    try {
      today = parseLocalDate(values.today);
    } catch {
      throw new UsageError(`--today must be a date as YYYY-MM-DD, not '${values.today}'.`);
    }
  }
  const { handle } = await openDatabaseFromEnv(io);
  // The job runs as the owner: it must reach every table holding the child's data.
  const { db } = createDb(handle.adminUrl, { max: 2 });
  try {
    const report = await runRetention(db, { laCode: values.la, today, dryRun: values['dry-run'] === true });
    const verb = report.dryRun ? 'Would delete' : 'Deleted';
    for (const d of report.deleted) {
      const rows = Object.entries(d.rows).map(([t, n]) => `${t} ${n}`).join(', ');
      io.stdout(`${verb} ${d.recordType === 'documents' ? 'the documents of' : 'the record of'} child ${d.childId} (due ${d.deletableFrom}): ${rows || 'no rows'}`);
    }
    for (const h of report.held) io.stdout(`Skipped child ${h.childId} (due ${h.deletableFrom}): under a legal hold`);
    const total = Object.values(report.totals).reduce((a, b) => a + b, 0);
    io.stdout(`${report.dryRun ? 'Dry run: nothing deleted. ' : ''}${verb} ${report.deleted.length} record(s), ${total} row(s); ${report.held.length} held record(s) skipped. Council ${report.laCode}, as of ${report.today}.${report.dryRun ? '' : ` Audit run ${report.runId}.`}`);
    return EXIT_OK;
  } finally {
    await db.destroy();
    await handle.close();
  }
};
