import pg from 'pg';
import { hashPassword } from '../../../platform/identity/passwords.ts';
import { readCalibration } from '../domain/calibration.ts';
import { findCouncil } from '../domain/council.ts';
import { DEMO_PASSWORD } from '../domain/demo-accounts.ts';
import type { DemoAccount } from '../domain/demo-area-rows.ts';
import { generateDemoArea } from '../domain/generator.ts';
import { alreadySeeded, countCases, writeDemoArea, type RowCounts } from '../infrastructure/demo-area.loader.ts';
import { DEFAULT_REFERENCE_DIR, loadCouncils } from '../infrastructure/reference-data.loader.ts';
import { readCalibrationSources, readCouncils } from '../infrastructure/reference-files.ts';

export interface SeedLocalAreaOptions {
  /** Owner connection string: seeding bypasses row-level security by design. */
  adminUrl: string;
  laCode: string;
  seed?: number;
  /** 'YYYY-MM-DD': the day the area is generated as of (defaults to the caller's today). */
  today: string;
  /** Replace this council's existing demo data instead of refusing. */
  reset?: boolean;
  onProgress?: (written: number, total: number) => void;
  /** data/reference/ (the DfE statistics and council list). */
  dataDir?: string;
}

export interface SeedLocalAreaResult {
  councilName: string;
  counts: RowCounts;
  demoAccounts: DemoAccount[];
  /** Notes on values the DfE did not publish for this council (read as 0). */
  notes: string[];
  elapsedMs: number;
}

export const DEFAULT_SEED = 1;

/** Loads the councils, generates the calibrated demo area and writes it in one transaction. */
export async function seedLocalArea(options: SeedLocalAreaOptions): Promise<SeedLocalAreaResult> {
  const started = performance.now();
  const dataDir = options.dataDir ?? DEFAULT_REFERENCE_DIR;
  const [councils, sources] = await Promise.all([readCouncils(dataDir), readCalibrationSources(dataDir)]);
  const council = findCouncil(councils, options.laCode);
  // Refuse early (the loader checks again under a lock) rather than generate an area to throw away.
  if (!options.reset) {
    const existing = await withClient(options.adminUrl, (client) => countCases(client, council.laCode));
    if (existing > 0) throw alreadySeeded(council.name, council.laCode, existing);
  }
  const calibration = readCalibration(sources, council.laCode);
  const area = generateDemoArea({ calibration, council, today: options.today, seed: options.seed ?? DEFAULT_SEED });
  const [demoPasswordHash] = await Promise.all([
    hashPassword(DEMO_PASSWORD),
    withClient(options.adminUrl, (client) => loadCouncils(client, dataDir)),
  ]);
  const counts = await writeDemoArea(options.adminUrl, area, {
    demoPasswordHash,
    reset: options.reset ?? false,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return {
    councilName: council.name,
    counts,
    demoAccounts: area.demoAccounts,
    notes: calibration.notes,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** True when the council already has cases (the marker of a seeded demo area). */
export async function isSeeded(adminUrl: string, laCode: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => (await countCases(client, laCode)) > 0);
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
