import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { createDb } from '../../platform/db/connection.ts';
import { subjectAccessBundle } from '../../modules/records/index.ts';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliCommand } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = `Usage: opensend sar export --la <code> --child <id> --out <file.json>
Writes everything held about a child (subject access request) to one JSON file, and records the
export in the council's audit trail.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const sarCommand: CliCommand = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (sub !== 'export') throw new UsageError(sub ? `unknown subcommand '${sub}'. ${USAGE}` : USAGE);
  const { values } = parseArgs({ args: rest, options: { la: { type: 'string' }, child: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.la || !/^\d{3}$/.test(values.la)) throw new UsageError('--la must be a DfE three-digit council code such as 370.');
  if (!values.child || !UUID.test(values.child)) throw new UsageError("--child must be the child's id (a UUID, as shown on the retention page).");
  if (!values.out) throw new UsageError('--out must name the file to write.');
  const file = path.resolve(io.cwd, values.out);
  const { handle } = await openDatabaseFromEnv(io);
  // As the owner, so nothing is hidden (request drafts are invisible to the application role).
  const { db } = createDb(handle.adminUrl, { max: 2 });
  try {
    const bundle = await db.transaction().execute(async (tx) => {
      const b = await subjectAccessBundle(tx, values.la!, values.child!, new Date());
      if (b) {
        await recordAudit(tx, { principal: undefined, requestId: `cli-sar-${Date.now()}` }, {
          laCode: values.la!, action: 'export', recordType: 'subject-access', recordId: values.child!, childId: values.child!, detail: { via: 'cli', rows: b.counts },
        });
      }
      return b;
    });
    if (!bundle) {
      io.stderr(`opensend sar: council ${values.la} has no child with id ${values.child}.`);
      return EXIT_PROBLEMS;
    }
    fs.writeFileSync(file, JSON.stringify(bundle, null, 2), { mode: 0o600 });
    const rows = Object.values(bundle.counts).reduce((a, b) => a + b, 0);
    io.stdout(`Wrote ${rows} rows from ${Object.values(bundle.counts).filter((n) => n > 0).length} tables to ${file}. The export is recorded in the audit trail.`);
    return EXIT_OK;
  } finally {
    await db.destroy();
    await handle.close();
  }
};
