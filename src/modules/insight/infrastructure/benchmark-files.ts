import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseBenchmarks, type BenchmarkSet } from '../domain/dfe-benchmarks.ts';

/** The DfE release shipped with OpenSEND (data/reference), parsed once per process. */
export const DFE_RELEASE_DIR = path.join('data', 'reference', 'dfe-ehcp-statistics-2025', 'data');

const cache = new Map<string, Promise<BenchmarkSet>>();

export function loadBenchmarks(projectRoot: string): Promise<BenchmarkSet> {
  const dir = path.join(projectRoot, DFE_RELEASE_DIR);
  let loaded = cache.get(dir);
  if (!loaded) {
    const read = (f: string): Promise<string> => readFile(path.join(dir, f), 'utf8');
    loaded = Promise.all([read('caseload.csv'), read('sen_needs_all_plans.csv'), read('newplans.csv'), read('requests.csv'), read('timeliness_20_week.csv')]).then(
      ([caseload, senNeedsAllPlans, newPlans, requests, timeliness20Week]) => parseBenchmarks({ caseload, senNeedsAllPlans, newPlans, requests, timeliness20Week }),
    );
    loaded.catch(() => cache.delete(dir));
    cache.set(dir, loaded);
  }
  return loaded;
}

/** Partnership-chosen statistical neighbours: { "886": ["..."] }. Empty means the default rule. */
export async function loadConfiguredNeighbours(projectRoot: string): Promise<Record<string, string[]>> {
  const file = path.join(projectRoot, 'src', 'modules', 'insight', 'infrastructure', 'statistical-neighbours.json');
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { councils?: Record<string, string[]> };
  return parsed.councils ?? {};
}
