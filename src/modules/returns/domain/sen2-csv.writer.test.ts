import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_MODULES, csvFileName, newCsvCounters, personCsvRows } from './sen2-csv.writer.ts';
import type { Sen2Person } from './sen2-record.ts';

describe('Blade CSVs', () => {
  it('are named as COLLECT exports them, dated with the reference date', () => {
    expect(CSV_MODULES.map((m) => csvFileName(m, '2026-01-15'))).toEqual([
      'Blade-Export_15-01-2026_sen2.csv', 'Blade-Export_15-01-2026_person.csv', 'Blade-Export_15-01-2026_requests.csv',
      'Blade-Export_15-01-2026_assessment.csv', 'Blade-Export_15-01-2026_namedplan.csv', 'Blade-Export_15-01-2026_plandetail.csv',
      'Blade-Export_15-01-2026_activeplans.csv', 'Blade-Export_15-01-2026_placementdetail.csv', 'Blade-Export_15-01-2026_senneed.csv',
    ]);
  });

  it('link each row to its parent and quote what needs quoting', () => {
    const p: Sen2Person = {
      surname: "O'Neil, Jr", forename: 'Sam "S"', birthDate: '2014-01-01', sex: 'M', ethnicity: 'NOBT', postcode: '', upn: 'A123456789012',
      requests: [{ receivedDate: '2025-01-10', outcome: 'Y', assessment: { outcome: 'Y', outcomeDate: '2025-05-01', week20: false, namedPlan: { startDate: '2025-05-01', details: [{ urn: '123456', rank: 1, senUnit: false, resourcedProvision: true }] } },
        activePlan: { placements: [{ senSetting: 'EHE', rank: 1, senUnit: false, resourcedProvision: false, entryDate: '2025-05-01' }], needs: [{ type: 'ASD', rank: 1 }] } }],
    };
    const n = newCsvCounters();
    personCsvRows(p, n);
    const rows = personCsvRows(p, n);
    expect(rows.person).toBe('2,"O\'Neil, Jr","Sam ""S""",2014-01-01,M,NOBT,,A123456789012,,\r\n');
    expect(rows.requests).toBe('2,2,2025-01-10,,,,Y,,,\r\n');
    expect(rows.plandetail).toBe('2,2,123456,,,,1,0,1\r\n');
    expect(rows.placementdetail).toBe('2,2,,,EHE,,1,2025-05-01,,0,0,,\r\n');
    expect(rows.senneed!.split(',').length).toBe(CSV_COLUMNS.senneed.length);
  });
});
