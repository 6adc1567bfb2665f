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

const neighbourCache = new Map<string, Promise<Record<string, string[]>>>();

/**
 * Partnership-chosen statistical neighbours: { "886": ["..."] }. Empty means the default rule. The
 * file ships with the code (a change is a deployment), so it is read once per process, not per page.
 */
export function loadConfiguredNeighbours(projectRoot: string): Promise<Record<string, string[]>> {
  const file = path.join(projectRoot, 'src', 'modules', 'insight', 'infrastructure', 'statistical-neighbours.json');
  let loaded = neighbourCache.get(file);
  if (!loaded) {
    loaded = readFile(file, 'utf8').then((text) => (JSON.parse(text) as { councils?: Record<string, string[]> }).councils ?? {});
    loaded.catch(() => neighbourCache.delete(file));
    neighbourCache.set(file, loaded);
  }
  return loaded;
}
