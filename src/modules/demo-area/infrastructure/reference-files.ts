import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CalibrationSources } from '../domain/calibration.ts';
import { parseCouncils, type Council } from '../domain/council.ts';

/** Where the reference files live under `data/reference/` (copied from the DfE, with their licence note). */
export const STATISTICS_DIR = path.join('dfe-ehcp-statistics-2025', 'data');
export const COUNCILS_FILE = path.join('local-authorities', 'england_la_codes_regions_2025.csv');

export async function readCalibrationSources(referenceDir: string): Promise<CalibrationSources> {
  const read = (name: string): Promise<string> => readFile(path.join(referenceDir, STATISTICS_DIR, name), 'utf8');
  const [senNeedsAllPlans, caseload, requests, timeliness20Week] = await Promise.all([
    read('sen_needs_all_plans.csv'), read('caseload.csv'), read('requests.csv'), read('timeliness_20_week.csv'),
  ]);
  return { senNeedsAllPlans, caseload, requests, timeliness20Week };
}

export async function readCouncils(referenceDir: string): Promise<Council[]> {
  return parseCouncils(await readFile(path.join(referenceDir, COUNCILS_FILE), 'utf8'));
}
