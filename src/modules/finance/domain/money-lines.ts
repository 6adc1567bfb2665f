/**
 * The high-needs budget's lines: the placement types a council budgets for (the DfE high needs
 * operational guide's groupings). Committed spend is computed per line from placements × tariffs;
 * personal budgets are paid on a plan, not a placement, so that line has a budget and ledger
 * entries but nothing committed from placements.
 */
export const LINES = [
  'mainstream-top-up', 'resourced-provision', 'maintained-special', 'academy-special', 'independent-special',
  'alternative-provision', 'post-16', 'out-of-area', 'personal-budgets',
] as const;
export type Line = (typeof LINES)[number];

export const LINE_NAMES: Record<Line, string> = {
  'mainstream-top-up': 'Mainstream top-up',
  'resourced-provision': 'Resourced provision and SEN units',
  'maintained-special': 'Maintained special schools',
  'academy-special': 'Academy special schools',
  'independent-special': 'Independent and non-maintained special schools',
  'alternative-provision': 'Alternative provision',
  'post-16': 'Post-16',
  'out-of-area': 'Out of area (other councils’ schools)',
  'personal-budgets': 'Personal budgets',
};

/** Lines whose places are specialist: these are what place planning counts against capacity. */
export const SPECIALIST_LINES: readonly Line[] = ['resourced-provision', 'maintained-special', 'academy-special', 'independent-special'];

export function isLine(v: string): v is Line {
  return (LINES as readonly string[]).includes(v);
}

export interface SettingForLine { kind: string; inArea: boolean; trustName: string | null; giasTypeCode: string }

/** GIAS codes of academy and free special schools (33 academy special converter, 36 sponsor led, 44 free school special). */
const ACADEMY_SPECIAL_GIAS = new Set(['33', '36', '44']);

/**
 * The budget line a placement at this setting is charged to. A maintained or academy school in
 * another council's area is "out of area" (the home council pays the top-up at the other council's
 * rate); an independent school stays on its own line wherever it is, because that is how councils
 * report it.
 */
export function lineOfSetting(s: SettingForLine): Line {
  if (s.kind === 'independent-special') return 'independent-special';
  if (!s.inArea) return 'out-of-area';
  switch (s.kind) {
    case 'resourced-provision':
    case 'sen-unit':
      return 'resourced-provision';
    case 'special':
      return s.trustName || ACADEMY_SPECIAL_GIAS.has(s.giasTypeCode) ? 'academy-special' : 'maintained-special';
    case 'alternative-provision':
      return 'alternative-provision';
    case 'post-16':
    case 'specialist-post-16':
      return 'post-16';
    default:
      return 'mainstream-top-up';
  }
}
