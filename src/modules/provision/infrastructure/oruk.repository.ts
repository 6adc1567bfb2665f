import type { Tx } from '../../../platform/db/connection.ts';
import type { OrukServiceBundle } from '../domain/oruk-mapping.ts';
import './provision.tables.ts';

export async function countServices(tx: Tx, laCode: string): Promise<number> {
  const r = await tx.selectFrom('oruk_services').select((eb) => eb.fn.countAll<number>().as('n')).where('la_code', '=', laCode).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function serviceBundles(tx: Tx, laCode: string, opts: { id?: string; offset?: number; limit?: number }): Promise<OrukServiceBundle[]> {
  let q = tx.selectFrom('oruk_services as s')
    .innerJoin('oruk_organizations as o', (j) => j.onRef('o.la_code', '=', 's.la_code').onRef('o.id', '=', 's.organization_id'))
    .select(['s.id', 's.organization_id', 's.name', 's.description', 's.url', 's.email', 's.status', 's.fees', 's.minimum_age', 's.maximum_age', 's.last_modified',
      'o.name as org_name', 'o.description as org_description', 'o.email as org_email', 'o.website as org_website'])
    .where('s.la_code', '=', laCode).orderBy('s.name').orderBy('s.id');
  if (opts.id) q = q.where('s.id', '=', opts.id);
  if (opts.limit !== undefined) q = q.limit(opts.limit).offset(opts.offset ?? 0);
  const rows = await q.execute();
  if (!rows.length) return [];
  const locs = await tx.selectFrom('oruk_service_at_locations as sal')
    .innerJoin('oruk_locations as l', (j) => j.onRef('l.la_code', '=', 'sal.la_code').onRef('l.id', '=', 'sal.location_id'))
    .select(['sal.id as sal_id', 'sal.service_id', 'l.id', 'l.name', 'l.location_type', 'l.address_1', 'l.city', 'l.postal_code', 'l.latitude', 'l.longitude'])
    .where('sal.la_code', '=', laCode).where('sal.service_id', 'in', rows.map((r) => r.id)).orderBy('sal.id').execute();
  return rows.map((r) => ({
    service: { id: r.id, organization_id: r.organization_id, name: r.name, description: r.description, url: r.url, email: r.email, status: r.status, fees: r.fees, minimum_age: r.minimum_age, maximum_age: r.maximum_age, last_modified: r.last_modified.toISOString() },
    organization: { id: r.organization_id, name: r.org_name, description: r.org_description, email: r.org_email, website: r.org_website },
    locations: locs.filter((l) => l.service_id === r.id).map((l) => ({ salId: l.sal_id, location: { id: l.id, name: l.name, location_type: l.location_type, address_1: l.address_1, city: l.city, postal_code: l.postal_code, latitude: l.latitude, longitude: l.longitude } })),
  }));
}

/** Writes services from a feed; ids are kept, so importing the same feed twice changes nothing. */
export async function saveBundles(tx: Tx, laCode: string, bundles: readonly OrukServiceBundle[]): Promise<void> {
  for (const b of bundles) {
    await tx.insertInto('oruk_organizations').values({ la_code: laCode, ...b.organization })
      .onConflict((oc) => oc.columns(['la_code', 'id']).doUpdateSet({ name: b.organization.name, description: b.organization.description, email: b.organization.email, website: b.organization.website })).execute();
    const { id: _id, ...rest } = b.service;
    await tx.insertInto('oruk_services').values({ la_code: laCode, ...b.service })
      .onConflict((oc) => oc.columns(['la_code', 'id']).doUpdateSet(rest)).execute();
    for (const { salId, location } of b.locations) {
      const { id: _lid, ...lrest } = location;
      await tx.insertInto('oruk_locations').values({ la_code: laCode, ...location }).onConflict((oc) => oc.columns(['la_code', 'id']).doUpdateSet(lrest)).execute();
      await tx.insertInto('oruk_service_at_locations').values({ la_code: laCode, id: salId, service_id: b.service.id, location_id: location.id }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
}
