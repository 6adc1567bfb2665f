/**
 * Words for the plan's coded values, shared by forms, the plan page and the PDF, so a family reads
 * "speech and language therapist" the same everywhere rather than a code.
 */
export const OPTION_TEXT = {
  writtenBy: { child: 'The child, in their own words', 'young-person': 'The young person, in their own words', 'parent-carer': 'A parent or carer', advocate: 'An advocate', professional: 'A professional' },
  area: {
    'communication-and-interaction': 'Communication and interaction', 'cognition-and-learning': 'Cognition and learning',
    'social-emotional-mental-health': 'Social, emotional and mental health', 'sensory-and-physical': 'Sensory and/or physical',
  },
  pfa: { employment: 'Employment', 'independent-living': 'Independent living', 'community-participation': 'Community participation', health: 'Health' },
  per: { day: 'a day', week: 'a week', month: 'a month', term: 'a term', year: 'a year' },
  fundedBy: { setting: 'The setting', 'local-authority-education': 'The local authority (education)', health: 'Health', 'social-care': 'Social care', joint: 'Jointly funded', other: 'Other' },
  settingType: {
    'mainstream-school': 'Mainstream school', 'resourced-provision': 'Resourced provision', 'special-school': 'Special school',
    'independent-special-school': 'Independent special school', 'non-maintained-special-school': 'Non-maintained special school',
    'alternative-provision': 'Alternative provision', 'early-years': 'Early years', 'further-education-college': 'Further education college',
    'sixth-form-college': 'Sixth form college', 'specialist-post-16-institution': 'Specialist post-16 institution', other: 'Other',
  },
  budgetKind: { 'direct-payment': 'Direct payment', notional: 'Notional budget', 'third-party': 'Third-party arrangement', 'organised-by-la': 'Organised by the local authority' },
  source: {
    education: 'Education', health: 'Health', 'social-care': 'Social care', 'educational-psychology': 'Educational psychology',
    parent: 'Parent or carer', 'young-person': 'Young person', other: 'Other',
  },
} as const;

export function optionsOf<T extends string>(values: readonly T[], text: Record<T, string>): Array<{ value: string; text: string }> {
  return values.map((value) => ({ value, text: text[value] }));
}

/** Shortens at a word boundary for option labels. */
export function shortText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
