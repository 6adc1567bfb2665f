import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_OK, EXIT_USAGE } from '../cli-io.ts';
import { fakeIo } from './clock-commands-test-io.ts';
import { createSen2Command } from './sen2.command.ts';

let opened = 0;
const noDatabase = createSen2Command(async () => {
  opened += 1;
  throw new Error('no database in argument tests');
});
const missingFile = path.join(os.tmpdir(), 'no-such-sen2-file.xml');

describe('opensend sen2: wrong calls exit 2 naming the problem, before any database is opened', () => {
  it.each([
    [['frobnicate'], /unknown sub-command 'frobnicate': use 'sen2 export' or 'sen2 import'/],
    [['export', '--reference-date', '2026-01-15'], /missing --la <code>/],
    [['export', '--la', '88', '--reference-date', '2026-01-15'], /--la must be a DfE three-digit council code such as 886, not '88'/],
    [['export', '--la', '886'], /missing --reference-date YYYY-MM-DD/],
    [['export', '--la', '886', '--reference-date', '2026-13-01'], /--reference-date: the reference date 2026-13-01 is not a real date/],
    [['export', '--la', '886', '--reference-date', '15/01/2026'], /must be written YYYY-MM-DD, not '15\/01\/2026'/],
    [['export', '--la', '886', '--reference-date', '2026-03-31'], /the SEN2 reference date is the January census day \(e\.g\. 2026-01-15\), not 2026-03-31/],
    [['export', '--la', '886', '--reference-date', '2026-01-15', '--format', 'json'], /--format must be xml or csv, not 'json'/],
    [['export', '--la', '886', '--reference-date', '2026-01-15', '--colour'], /Unknown option '--colour'/],
    [['export', 'extra', '--la', '886', '--reference-date', '2026-01-15'], /unexpected argument 'extra'/],
    [['import', '--la', '886'], /missing the SEN2 file to import/],
    [['import', 'a.xml', 'b.xml', '--la', '886'], /one file at a time, not 2/],
    [['import', missingFile, '--la', '886'], /no such file: /],
    [['import', missingFile], /missing --la <code>/],
  ])('%j', async (argv, message) => {
    const { io, out } = fakeIo();
    expect(await noDatabase(argv, io)).toBe(EXIT_USAGE);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toMatch(/^opensend sen2: /);
    expect(opened).toBe(0);
  });

  it('prints its usage for --help, and exits 2 with usage when called bare', async () => {
    const help = fakeIo();
    expect(await noDatabase(['--help'], help.io)).toBe(EXIT_OK);
    expect(help.out.stdout).toContain('opensend sen2 export --la <code> --reference-date YYYY-MM-DD');
    const bare = fakeIo();
    expect(await noDatabase([], bare.io)).toBe(EXIT_USAGE);
    expect(fs.existsSync(missingFile)).toBe(false);
  });
});
