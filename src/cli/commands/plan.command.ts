import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseJsonText, validatePlanDocument } from '../../modules/plans/index.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliCommand, type CliIo } from '../cli-io.ts';

const USAGE = 'usage: opensend plan validate <file.json>';

/**
 * `opensend plan validate <file.json>`: checks a plan document against the EHCP schema and the
 * plan rules. Prints "valid" (exit 0) or one `path: message` line per problem (exit 1). Anything
 * that stops the check from running at all — wrong arguments, a missing or unreadable file, text
 * that is not JSON — is exit 2 with a message saying exactly what.
 */
export const planCommand: CliCommand = async (argv, io) => {
  let positionals: string[];
  let help: boolean | undefined;
  try {
    const parsed = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    positionals = parsed.positionals;
    help = parsed.values.help;
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  if (help === true) {
    io.stdout(`${USAGE}\n\nChecks an EHC plan JSON document against https://opensend.org.uk/schemas/ehcp/v1.json and the plan rules.\nExit 0 valid, 1 problems found (one "path: message" per line), 2 the file could not be checked.\n`);
    return EXIT_OK;
  }
  const [subcommand, file, ...extra] = positionals;
  if (subcommand === undefined) return usageError(io, 'missing subcommand');
  if (subcommand !== 'validate') return usageError(io, `unknown subcommand "${subcommand}"`);
  if (file === undefined) return usageError(io, 'missing the plan file to validate');
  if (extra.length > 0) return usageError(io, `unexpected argument "${extra[0]}"; validate takes one file`);
  return validateFile(resolve(userDirectory(io), file), file, io);
};

async function validateFile(path: string, shownAs: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file'
        : code === 'EISDIR' ? 'it is a directory, not a file'
          : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
            : (error as Error).message;
    io.stderr(`cannot read ${shownAs}: ${reason}\n`);
    return EXIT_USAGE;
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    io.stderr(`${shownAs}:${parsed.line}:${parsed.column}: not valid JSON: ${parsed.message}\n`);
    return EXIT_USAGE;
  }
  const problems = validatePlanDocument(parsed.value);
  if (problems.length === 0) {
    io.stdout('valid\n');
    return EXIT_OK;
  }
  for (const problem of problems) io.stdout(`${problem.path === '' ? '(document)' : problem.path}: ${problem.message}\n`);
  return EXIT_PROBLEMS;
}

/**
 * A relative file name means relative to where the person ran the command. `io.cwd` is the project
 * root, so prefer the directory npm/npx was invoked from (INIT_CWD) or the shell's (PWD).
 */
function userDirectory(io: CliIo): string {
  return io.env.INIT_CWD ?? io.env.PWD ?? io.cwd;
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n${USAGE}\n`);
  return EXIT_USAGE;
}
