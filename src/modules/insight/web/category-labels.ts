import type { BreakdownId } from '../domain/indicator-catalogue.ts';

/** The DfE wording for primary needs and setting types. */
const NEED_NAMES: Record<string, string> = {
  ASD: 'Autistic spectrum disorder', HI: 'Hearing impairment', MLD: 'Moderate learning difficulty', MSI: 'Multi-sensory impairment',
  OTH: 'Other difficulty or disability', PD: 'Physical disability', PMLD: 'Profound and multiple learning difficulty',
  SEMH: 'Social, emotional and mental health', SLCN: 'Speech, language and communication needs', SLD: 'Severe learning difficulty',
  SPLD: 'Specific learning difficulty', VI: 'Visual impairment', 'not-recorded': 'Not recorded',
};
const SETTING_NAMES: Record<string, string> = {
  mainstream: 'Mainstream school', special: 'Special school', 'alternative-provision': 'Alternative provision',
  'early-years': 'Early years', 'post-16': 'Further education and post-16', 'not-recorded': 'Not recorded',
};

export function categoryLabel(breakdown: BreakdownId, category: string): string {
  if (breakdown === 'primary-need') return NEED_NAMES[category] ?? category;
  if (breakdown === 'setting-type') return SETTING_NAMES[category] ?? category;
  if (breakdown === 'plan-section') return category === 'decision' ? 'The decision itself (not the plan content)' : `Section ${category}`;
  return `${category.replace('-', ' to ')}`;
}
