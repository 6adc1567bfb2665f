import { parseArgs } from 'node:util';
import { verifyAuditChains } from '../../platform/audit/audit-verify.ts';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, type CliCommand } from '../cli-io.ts';
import { openDatabaseFromEnv } from './database-from-config.ts';

const USAGE = 'Usage: opensend audit verify [--la <code>]\nChecks that no audit event has been deleted or altered (hash chain per council).';

export const auditCommand: CliCommand = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (sub !== 'verify') throw new UsageError(sub ? `unknown subcommand '${sub}'. ${USAGE}` : USAGE);
  const { values } = parseArgs({ args: rest, options: { la: { type: 'string' } }, strict: true });
  if (values.la !== undefined && !/^\d{3}$/.test(values.la)) throw new UsageError(`--la must be a DfE three-digit council code such as 886, not '${values.la}'.`);
  const { handle } = await openDatabaseFromEnv(io);
  try {
    const result = await verifyAuditChains(handle.adminUrl, values.la);
    for (const p of result.problems) io.stdout(`council ${p.laCode}, audit event ${p.chainSeq}: ${p.problem}`);
    io.stdout(
      result.problems.length
        ? `The audit trail has been tampered with: ${result.problems.length} problem(s) in ${result.events} events.`
        : `The audit trail is intact: ${result.events} events in ${result.councils} council(s).`,
    );
    return result.problems.length ? EXIT_PROBLEMS : EXIT_OK;
  } finally {
    await handle.close();
  }
};
