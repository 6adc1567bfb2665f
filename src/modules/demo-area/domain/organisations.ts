import type { Council } from './council.ts';
import type { OrganisationRow } from './demo-area-rows.ts';
import type { Random } from './prng.ts';

/** The council's partner organisations, with invented names marked as demo. */
export interface PartnerOrganisations {
  council: OrganisationRow;
  icb: OrganisationRow;
  socialCare: OrganisationRow;
  educationalPsychology: OrganisationRow;
  mediation: OrganisationRow;
  sendiass: OrganisationRow;
}

export function generatePartners(council: Council, random: Random): PartnerOrganisations {
  const org = (kind: string, name: string): OrganisationRow => ({ la_code: council.laCode, id: random.uuid(), kind, name, urn: null, ukprn: null });
  return {
    council: org('council', `${council.name} Council`),
    icb: org('icb', `NHS ${council.name} and District Integrated Care Board (demo)`),
    socialCare: org('social-care', `${council.name} Children's Social Care (demo)`),
    educationalPsychology: org('educational-psychology', `${council.name} Educational Psychology Service (demo)`),
    mediation: org('mediation-service', 'Riverside Mediation Partnership (demo)'),
    sendiass: org('sendiass', `${council.name} SEND Information, Advice and Support Service (demo)`),
  };
}
