import { meetsTarget, type BenchResult } from './bench-result.ts';

/**
 * `npm run bench` runs every benchmark and prints a table; `npm run bench -- --json` prints one JSON
 * object per line; `npm run bench -- clock record-read` runs only those named. Each benchmark
 * measures its own floor in the same run, so the ratios mean the same on any machine.
 */
const BENCHES: Record<string, () => Promise<{ run(): Promise<BenchResult> }>> = {
  clock: () => import('./clock.bench.ts'),
  'security-stack': () => import('./security-stack.bench.ts'),
  'record-read': () => import('./record-read.bench.ts'),
  // National size (bench/support/national-dataset.ts builds England once and keeps it).
  'scale-flatness': () => import('./scale-flatness.bench.ts'),
  'dashboard-national': () => import('./dashboard-national.bench.ts'),
  load: () => import('./load.bench.ts'),
};

async function optional(name: string, file: string): Promise<void> {
  try {
    await import(file);
    BENCHES[name] = () => import(file);
  } catch {
    // that module's benchmark has not landed
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  await optional('plan-page', './plan-page.bench.ts');
  await optional('dashboard-council', './dashboard-council.bench.ts');
  await optional('sen2-export', './sen2-export.bench.ts');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((w) => !BENCHES[w]);
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
    return 2;
  }
  const names = wanted.length ? wanted : Object.keys(BENCHES);
  for (const name of names) {
    const result = await (await BENCHES[name]!()).run();
    if (json) console.log(JSON.stringify(result));
    else {
      const verdict = result.target === 'reported' ? 'reported, not asserted' : meetsTarget(result) ? 'meets target' : 'BELOW TARGET';
      console.log(`${result.name.padEnd(18)} ratio ${result.ratio.toFixed(2).padStart(6)} (target ${result.target})  value ${result.value.toFixed(1)} ${result.unit}, floor ${result.floor.toFixed(1)} ${result.unit}  ${verdict}`);
    }
  }
  return 0;
}

process.exitCode = await main();
