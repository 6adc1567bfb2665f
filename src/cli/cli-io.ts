import type { Readable } from 'node:stream';

/**
 * What a CLI command may touch. Commands take this instead of `process` so tests can drive them
 * with strings and read exactly what they printed.
 */
export interface CliIo {
  stdin: Readable;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The project root (where `data/` lives). */
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes shared by every command: 0 ok, 1 the work found problems, 2 the call itself was wrong. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A command: argv after the command name, returns its exit code. It never calls process.exit. */
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

/** Thrown for a wrong call; the CLI prints the message alone (no stack) and exits 2. */
export class UsageError extends Error {}
