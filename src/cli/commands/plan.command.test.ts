import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io.ts';
import { planCommand } from './plan.command.ts';

const dir = mkdtempSync(join(tmpdir(), 'opensend-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = readFileSync(new URL('../../modules/plans/schema/examples/ehcp-example.json', import.meta.url), 'utf8');

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdin: Readable.from([]), stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: dir, env: {}, out, err };
}

async function run(...argv: string[]) {
  const io = fakeIo();
  const code = await planCommand(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

describe('opensend plan validate', () => {
  it('prints "valid" and exits 0 for the example (path relative to cwd or absolute)', async () => {
    expect(await run('validate', file('good.json', example))).toEqual({ code: 0, out: 'valid\n', err: '' });
    expect((await run('validate', join(dir, 'good.json'))).code).toBe(0);
  });

  it('resolves a relative name from where npx was run (INIT_CWD), else the shell directory (PWD)', async () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'plan.json'), example);
    for (const env of [{ INIT_CWD: join(dir, 'sub') }, { PWD: join(dir, 'sub') }]) {
      const io = { ...fakeIo(), env };
      expect(await planCommand(['validate', 'plan.json'], io)).toBe(0);
    }
  });

  it('exits 1 with one "path: message" line per problem', async () => {
    const plan = JSON.parse(example);
    delete plan.sections.F.provision[2].frequency;
    plan.sections.I.urn = '12345';
    const result = await run('validate', file('bad.json', JSON.stringify(plan)));
    expect(result.code).toBe(1);
    expect(result.out.trimEnd().split('\n')).toEqual([
      'sections.F.provision[2].frequency: is required but missing',
      'sections.I.urn: must be a 6-digit URN, for example 123456',
    ]);
  });

  it('exits 1 for semantic problems too', async () => {
    const plan = JSON.parse(example);
    plan.sections.F.provision[0].outcomeIds = ['out-missing'];
    const result = await run('validate', file('dangling.json', JSON.stringify(plan)));
    expect(result).toEqual({ code: 1, out: 'sections.F.provision[0].outcomeIds[0]: refers to "out-missing", which is not an outcome in Section E\n', err: '' });
  });

  it('exits 2 naming line and column for a JSON syntax error', async () => {
    const result = await run('validate', file('broken.json', '{\n  "schemaVersion": "1.0",\n}\n'));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^broken\.json:3:1: not valid JSON: expected another property after ","/);
  });

  it('exits 2 for a missing file', async () => {
    expect(await run('validate', 'nowhere.json')).toEqual({ code: 2, out: '', err: 'cannot read nowhere.json: no such file\n' });
  });

  it('exits 2 for a directory', async () => {
    mkdirSync(join(dir, 'folder'), { recursive: true });
    expect((await run('validate', 'folder')).err).toBe('cannot read folder: it is a directory, not a file\n');
  });

  it.each([
    [[], /missing subcommand/],
    [['check', 'a.json'], /unknown subcommand "check"/],
    [['validate'], /missing the plan file/],
    [['validate', 'a.json', 'b.json'], /unexpected argument "b.json"/],
    [['validate', '--strictly', 'a.json'], /Unknown option '--strictly'/],
  ])('exits 2 with usage for %j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).toContain('usage: opensend plan validate <file.json>');
  });

  it('prints help with --help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('usage: opensend plan validate <file.json>');
  });
});
