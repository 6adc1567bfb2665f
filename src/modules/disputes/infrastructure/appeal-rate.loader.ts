import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAppealRateTable, type AppealRateBenchmarks } from '../domain/appeal-rate-benchmarks.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const APPEAL_RATE_FILE = path.join(PROJECT_ROOT, 'data', 'reference', 'dfe-ehcp-statistics-2025', 'supporting-files', 'SEND Tribunals and appeal rate 2014-2024.csv');

let cached: AppealRateBenchmarks | undefined;

/** The published national and per-council appeal rates, read once. Undefined if the file is missing. */
export function appealRateBenchmarks(): AppealRateBenchmarks | undefined {
  if (cached) return cached;
  if (!fs.existsSync(APPEAL_RATE_FILE)) return undefined;
  cached = parseAppealRateTable(fs.readFileSync(APPEAL_RATE_FILE, 'utf8'));
  return cached;
}
