import { parseCsv } from './csv-parser.ts';

/** An English council with its DfE three-digit code (the `la_code` of every tenant row). */
export interface Council {
  laCode: string;
  onsCode: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export class UnknownCouncilError extends Error {
  constructor(laCode: string) {
    super(`Unknown local authority code ${laCode}: use a DfE three-digit code such as 886 (Kent)`);
  }
}

/** Reads local-authorities/england_la_codes_regions_2025.csv. */
export function parseCouncils(csvText: string): Council[] {
  return parseCsv(csvText).map((r) => ({
    laCode: r.old_la_code ?? '',
    onsCode: r.new_la_code ?? '',
    name: r.la_name ?? '',
    regionCode: r.region_code ?? '',
    regionName: r.region_name ?? '',
  }));
}

export function findCouncil(councils: readonly Council[], laCode: string): Council {
  const council = councils.find((c) => c.laCode === laCode);
  if (!council) throw new UnknownCouncilError(laCode);
  return council;
}
