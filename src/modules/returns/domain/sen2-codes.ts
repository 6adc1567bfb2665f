import type { RequestSource } from '../../cases/index.ts';

/**
 * Code sets used when mapping OpenSEND's vocabulary to SEN2 and back. The 2026 RequestSource code
 * list was not published with the reference material (sen2_code_sets.derived.json says "code list
 * not found"), so OpenSEND writes short codes of its own, documented in docs/sen2.md, and reads them
 * back; they are the one place to change when the DfE list is confirmed.
 */
export const SEN2_REQUEST_SOURCE_CODES: Record<RequestSource, string> = {
  parent: 'PAR',
  'young-person': 'YP',
  setting: 'SET',
  health: 'HEA',
  'social-care': 'SOC',
  other: 'OTH',
};

export function requestSourceFromCode(code: string): RequestSource | undefined {
  const hit = Object.entries(SEN2_REQUEST_SOURCE_CODES).find(([, c]) => c === code);
  return hit ? (hit[0] as RequestSource) : undefined;
}

export const SEN_TYPES = ['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH'] as const;
export const SEN_SETTINGS = ['OLA', 'EHE', 'EYP', 'OPA', 'OTH', 'NEET', 'NIEC', 'NIEO'] as const;
export const ETHNICITIES = [
  'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
  'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
] as const;
/** "Information not yet obtained": OpenSEND does not record ethnicity unless a SEN2 import brought it. */
export const ETHNICITY_NOT_OBTAINED = 'NOBT';
export const SOFTWARE_CODE = 'OpenSEND';
