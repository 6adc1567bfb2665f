import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { BankHolidayFeedError, mergeBankHolidayFeeds, validateBankHolidayFeed, type ValidatedHolidays } from './bank-holiday-feed.ts';

export interface RefreshOptions {
  /** An http(s) URL of a GOV.UK-format feed, or a local file path. */
  from: string;
  /** The file to write (and to merge with, if it exists). */
  out: string;
  /** Injected for tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
}

export interface RefreshSummary {
  out: string;
  events: number;
  firstYear: number;
  lastYear: number;
  /** The years whose events came from the new feed. */
  refreshedYears: [number, number];
}

async function readSource(from: string, fetchImpl: typeof fetch): Promise<string> {
  if (/^https?:\/\//i.test(from)) {
    const response = await fetchImpl(from);
    if (!response.ok) throw new BankHolidayFeedError(`${from} answered HTTP ${response.status}`);
    return response.text();
  }
  if (!existsSync(from)) throw new BankHolidayFeedError(`${from} is neither an http(s) URL nor an existing file`);
  return readFile(from, 'utf8');
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BankHolidayFeedError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Validates a new feed, merges it year by year into the existing file (see mergeBankHolidayFeeds),
 * validates the result again and writes it atomically (temporary file, then rename), so a failed
 * refresh leaves the old file untouched.
 */
export async function refreshBankHolidays(options: RefreshOptions): Promise<RefreshSummary> {
  const incoming = validateBankHolidayFeed(parseJson(await readSource(options.from, options.fetchImpl ?? fetch), options.from));
  let existing: ValidatedHolidays | undefined;
  if (existsSync(options.out)) {
    existing = validateBankHolidayFeed(parseJson(await readFile(options.out, 'utf8'), options.out));
  }
  const merged = mergeBankHolidayFeeds(existing, incoming);
  const result = validateBankHolidayFeed(merged);
  const temporary = `${options.out}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(merged, null, 2)}\n`, 'utf8');
  await rename(temporary, options.out);
  return {
    out: options.out,
    events: result.events.length,
    firstYear: result.firstYear,
    lastYear: result.lastYear,
    refreshedYears: [incoming.firstYear, incoming.lastYear],
  };
}
