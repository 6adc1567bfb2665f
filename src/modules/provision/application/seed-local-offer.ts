import { createDb } from '../../../platform/db/connection.ts';
import { nameUuid, pick } from '../domain/deterministic-id.ts';
import { syntheticCoordinates } from '../domain/geo-distance.ts';
import type { OrukServiceBundle } from '../domain/oruk-mapping.ts';
import { saveBundles } from '../infrastructure/oruk.repository.ts';

/** Synthetic Local Offer services: the kinds every council's Local Offer lists, with invented details. */
const SERVICES: ReadonlyArray<{ name: string; org: string; description: string; min: number; max: number; fees: string | null }> = [
  { name: 'SEND information, advice and support service', org: 'Independent SENDIASS', description: 'Free, impartial and confidential advice for children, young people and parents about SEND, EHC needs assessments and plans.', min: 0, max: 25, fees: null },
  { name: 'Speech and language therapy drop-in', org: 'Community Health Services', description: 'Advice sessions for families worried about a child’s speech, language or communication.', min: 0, max: 18, fees: null },
  { name: 'Autism outreach team', org: 'Council Inclusion Service', description: 'Specialist teachers who support schools and families of autistic children.', min: 4, max: 19, fees: null },
  { name: 'Short breaks activities', org: 'Council Children’s Services', description: 'After-school and holiday activities for disabled children and young people, giving families a break.', min: 5, max: 18, fees: 'Some activities charge a small fee' },
  { name: 'Sensory support service', org: 'Council Inclusion Service', description: 'Teachers of the deaf and of children with vision impairment working in homes, nurseries and schools.', min: 0, max: 25, fees: null },
  { name: 'Preparing for adulthood hub', org: 'Council Adult Services', description: 'Help for young people from 14 with work, independent living, friendships and health.', min: 14, max: 25, fees: null },
  { name: 'Parent carer forum', org: 'Parent Carer Forum', description: 'Parents and carers of children with SEND working with the council and health to improve services.', min: 0, max: 25, fees: null },
  { name: 'Early years SEND inclusion', org: 'Council Early Years Team', description: 'Support for nurseries and childminders to include young children with SEND.', min: 0, max: 5, fees: null },
];

const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function localOfferBundles(laCode: string): OrukServiceBundle[] {
  return SERVICES.map((s, i) => {
    const postcode = `ZZ99 ${1 + pick(`${laCode}:${i}:s`, 9)}${LETTERS[pick(`${laCode}:${i}:x`, 20)]}${LETTERS[pick(`${laCode}:${i}:y`, 20)]}`;
    const at = syntheticCoordinates(postcode);
    const orgId = nameUuid(`${laCode}:org:${s.org}`);
    return {
      service: {
        id: nameUuid(`${laCode}:service:${i}`), organization_id: orgId, name: s.name, description: s.description, url: null, email: null,
        status: 'active', fees: s.fees, minimum_age: s.min, maximum_age: s.max, last_modified: '2026-01-05T09:00:00.000Z',
      },
      organization: { id: orgId, name: s.org, description: `${s.org} (synthetic demonstration organisation)`, email: null, website: null },
      locations: [{
        salId: nameUuid(`${laCode}:sal:${i}`),
        location: { id: nameUuid(`${laCode}:location:${i}`), name: `${s.org} centre`, location_type: 'physical', address_1: `${1 + i} Example Street`, city: 'Demonstration Town', postal_code: postcode, latitude: at?.latitude ?? null, longitude: at?.longitude ?? null },
      }],
    };
  });
}

/** Writes the council's synthetic Local Offer (idempotent: ids are fixed by the council code). */
export async function seedLocalOffer(adminUrl: string, laCode: string): Promise<{ services: number }> {
  const { db } = createDb(adminUrl, { max: 1 });
  try {
    const bundles = localOfferBundles(laCode);
    await db.transaction().execute((tx) => saveBundles(tx, laCode, bundles));
    return { services: bundles.length };
  } finally {
    await db.destroy();
  }
}
