import { describe, expect, it } from 'vitest';
import { benchmarkFor, latestBenchmarkPeriod } from '../domain/dfe-benchmarks.ts';
import { parseCsv, parseCsvRows } from '../domain/dfe-csv.ts';
import { statisticalNeighbours } from '../domain/statistical-neighbours.ts';
import { loadBenchmarks } from './benchmark-files.ts';
import { INSIGHT_PROJECT_ROOT } from './project-root.ts';

// Expected values are read straight from the DfE CSVs (grep), not computed by the parser.
describe('benchmarks from the DfE EHC plan statistics 2025', () => {
  it('reads England, regions and councils with the published figures', async () => {
    const set = await loadBenchmarks(INSIGHT_PROJECT_ROOT);
    expect(latestBenchmarkPeriod(set, 'plans-in-place')).toBe('2024');
    expect(benchmarkFor(set, 'E92000001', 'plans-in-place', '2024')?.numerator).toBe(638745); // January 2025
    expect(benchmarkFor(set, 'E92000001', 'plans-in-place', '2018')?.numerator).toBe(353995); // January 2019
    expect(benchmarkFor(set, '886', 'plans-in-place', '2024')?.numerator).toBe(20635); // Kent, January 2025
    expect(benchmarkFor(set, '886', 'mainstream-share', '2024')?.value).toBe(36.1);
    expect(benchmarkFor(set, 'E92000001', 'requests', '2024')?.numerator).toBe(154489);
    expect(benchmarkFor(set, 'E92000001', 'refusal-rate', '2024')).toMatchObject({ numerator: 38889, denominator: 154489, value: 25.2 });
    expect(benchmarkFor(set, 'E92000001', 'decisions-within-6-weeks', '2024')).toMatchObject({ numerator: 126160, denominator: 148753, value: 84.8 });
    expect(benchmarkFor(set, 'E92000001', 'plans-within-20-weeks', '2024')).toMatchObject({ numerator: 41448, denominator: 90392, value: 45.9 });
    expect(benchmarkFor(set, 'E92000001', 'plans-within-20-weeks-excluding-exceptions', '2024')).toMatchObject({ numerator: 39407, denominator: 84866, value: 46.4 });
    expect(benchmarkFor(set, '390', 'plans-within-20-weeks', '2024')?.value).toBe(82.3); // Gateshead
    expect(benchmarkFor(set, 'E92000001', 'plans-in-place', '2024', { id: 'primary-need', category: 'ASD' })?.numerator).toBe(201183);
    expect(benchmarkFor(set, 'E92000001', 'plans-in-place', '2024', { id: 'primary-need', category: 'SEMH' })?.numerator).toBe(132217);
    expect(benchmarkFor(set, 'E12000001', 'requests', '2019')?.numerator).toBe(4033); // North East
    expect(set.geographies.get('886')).toMatchObject({ level: 'council', name: 'Kent', regionCode: 'E12000008' });
  });

  it('sums single years of age into the bands: they add up to the January 2025 total for ages 0 to 25', async () => {
    const set = await loadBenchmarks(INSIGHT_PROJECT_ROOT);
    const bands = ['0-4', '5-10', '11-15', '16-19', '20-25'].map((category) => benchmarkFor(set, 'E92000001', 'plans-in-place', '2024', { id: 'age-band', category })?.numerator ?? 0);
    // 41405 is "age 10" in England, January 2025: it falls in 5–10.
    expect(bands[1]).toBeGreaterThan(41405);
    expect(bands.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(638745);
  });

  it('chooses statistical neighbours: configured, or the region nearest in plans', async () => {
    const set = await loadBenchmarks(INSIGHT_PROJECT_ROOT);
    const byDefault = statisticalNeighbours(set, '886', {});
    expect(byDefault.basis).toBe('region-nearest-in-plans');
    expect(byDefault.neighbours).toHaveLength(5);
    expect(byDefault.neighbours.every((g) => g.regionCode === 'E12000008' && g.code !== '886')).toBe(true);
    expect(statisticalNeighbours(set, '886', { '886': ['850', '938'] }).neighbours.map((g) => g.code)).toEqual(['850', '938']);
  });

  it('parses quoted fields, doubled quotes and the byte-order mark', () => {
    expect(parseCsvRows('\ufeffa,b\r\n"Bournemouth, Christchurch and Poole","say ""c"""\n')).toEqual([['a', 'b'], ['Bournemouth, Christchurch and Poole', 'say "c"']]);
    expect(parseCsv('x,y\n1,\n')).toEqual([{ x: '1', y: '' }]);
  });
});
