import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cli-io.ts';

/** A fake CliIo for command tests: stdin from lines, stdout and stderr captured as strings. */
export function fakeIo(stdinLines: string[] = [], cwd = fileURLToPath(new URL('../../../', import.meta.url))) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdin: Readable.from(stdinLines.map((line) => `${line}\n`)),
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    cwd,
    env: {},
  };
  return { io, out };
}
