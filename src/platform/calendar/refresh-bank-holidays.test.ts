import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshBankHolidays } from './refresh-bank-holidays.ts';
import { bankHolidayCalendarFromFeed } from './working-day-calendar.ts';
import { formatIsoDate, parseLocalDate } from './local-date.ts';

const ev = (date: string, title = 'Holiday') => ({ title, date, notes: '', bunting: true });
const feed = (events: unknown[]) => ({ 'england-and-wales': { division: 'england-and-wales', events } });
const year = (y: number, extra: string[] = []) => [ev(`${y}-01-01`), ...extra.map((date) => ev(date)), ev(`${y}-12-25`)];

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'opensend-holidays-'));
}

describe('refreshBankHolidays', () => {
  it('merges a newer feed year by year, keeping years it does not cover', async () => {
    const dir = scratch();
    const out = join(dir, 'out.json');
    writeFileSync(out, JSON.stringify(feed([...year(2030, ['2030-05-06']), ...year(2031, ['2031-05-05'])])));
    const source = join(dir, 'new.json');
    writeFileSync(source, JSON.stringify(feed([...year(2031, ['2031-06-09']), ...year(2032)])));
    const summary = await refreshBankHolidays({ from: source, out });
    expect(summary).toMatchObject({ firstYear: 2030, lastYear: 2032, refreshedYears: [2031, 2032], events: 8 });
    const cal = bankHolidayCalendarFromFeed(JSON.parse(readFileSync(out, 'utf8')));
    expect(cal.isWorkingDay(parseLocalDate('2030-05-06'))).toBe(false); // kept
    expect(cal.isWorkingDay(parseLocalDate('2031-05-05'))).toBe(true); // replaced by the newer feed
    expect(cal.isWorkingDay(parseLocalDate('2031-06-09'))).toBe(false);
    expect(formatIsoDate(cal.last)).toBe('2032-12-31');
  });

  it('fetches an http(s) source with the given fetch', async () => {
    const dir = scratch();
    const out = join(dir, 'out.json');
    const seen: string[] = [];
    const fetchImpl = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify(feed(year(2033))), { status: 200 });
    }) as unknown as typeof fetch;
    await refreshBankHolidays({ from: 'https://www.gov.uk/bank-holidays.json', out, fetchImpl });
    expect(seen).toEqual(['https://www.gov.uk/bank-holidays.json']);
    expect(JSON.parse(readFileSync(out, 'utf8'))['england-and-wales'].events).toHaveLength(2);
  });

  it('refuses a failed download, a missing file, bad JSON and an invalid feed, leaving the old file alone', async () => {
    const dir = scratch();
    const out = join(dir, 'out.json');
    const original = JSON.stringify(feed(year(2030)));
    writeFileSync(out, original);
    const notFound = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
    await expect(refreshBankHolidays({ from: 'https://example.test/x.json', out, fetchImpl: notFound })).rejects.toThrow('answered HTTP 404');
    await expect(refreshBankHolidays({ from: join(dir, 'missing.json'), out })).rejects.toThrow('neither an http(s) URL nor an existing file');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{oops');
    await expect(refreshBankHolidays({ from: bad, out })).rejects.toThrow('is not valid JSON');
    writeFileSync(bad, JSON.stringify(feed([ev('2031-01-01')])));
    await expect(refreshBankHolidays({ from: bad, out })).rejects.toThrow('2031 looks incomplete');
    expect(readFileSync(out, 'utf8')).toBe(original);
  });
});
