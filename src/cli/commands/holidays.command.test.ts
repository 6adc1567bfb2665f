import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holidaysCommand } from './holidays.command.ts';
import { fakeIo } from './clock-commands-test-io.ts';

const ev = (date: string) => ({ title: 'Holiday', date, notes: '', bunting: true });
const feed = (events: unknown[]) => ({ 'england-and-wales': { division: 'england-and-wales', events } });

describe('opensend holidays refresh', () => {
  it('validates a local feed and writes --out (paths relative to the project root)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opensend-holidays-cli-'));
    writeFileSync(join(dir, 'feed.json'), JSON.stringify(feed([ev('2029-01-01'), ev('2029-03-30'), ev('2029-12-25')])));
    const { io, out } = fakeIo([], dir);
    const code = await holidaysCommand(['refresh', '--from', 'feed.json', '--out', 'out.json'], io);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(out.stdout).toBe(`Wrote 3 England & Wales bank holidays covering 2029 to 2029 to ${join(dir, 'out.json')} (2029 to 2029 from feed.json).\n`);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))['england-and-wales'].events).toHaveLength(3);
  });

  it.each([
    [[], 'missing subcommand'],
    [['update', '--from', 'x.json'], 'unknown subcommand "update"'],
    [['refresh'], '--from is missing'],
    [['refresh', '--from', 'missing.json'], 'is neither an http(s) URL nor an existing file'],
    [['refresh', '--from', 'bad.json', '--out', 'out.json'], 'events[0].date: 2029-02-30 is not a real date'],
    [['refresh', '--from', 'x.json', '--force'], "Unknown option '--force'"],
  ])('%j fails with exit 2', async (argv, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'opensend-holidays-cli-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(feed([ev('2029-02-30')])));
    const { io, out } = fakeIo([], dir);
    expect(await holidaysCommand(argv, io)).toBe(2);
    expect(out.stderr).toContain(message);
  });
});
