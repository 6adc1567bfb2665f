/**
 * The Local Offer in Open Referral UK 3.0. The tables hold ORUK's own fields, so these functions
 * only shape rows into the profile's documents (service_list items, service full, the Page
 * envelope) and read a feed back in. Field names are ORUK's (snake_case, US spelling).
 */
export interface OrukOrganization { id: string; name: string; description: string; email: string | null; website: string | null }
export interface OrukLocation {
  id: string; name: string | null; location_type: string; address_1: string | null; city: string | null;
  postal_code: string | null; latitude: number | null; longitude: number | null;
}
export interface OrukServiceRow {
  id: string; organization_id: string; name: string; description: string | null; url: string | null; email: string | null;
  status: string; fees: string | null; minimum_age: number | null; maximum_age: number | null; last_modified: string;
}
export interface OrukServiceBundle { service: OrukServiceRow; organization: OrukOrganization; locations: Array<{ salId: string; location: OrukLocation }> }

type Json = Record<string, unknown>;

/** Drops nulls: ORUK's schemas type most fields as strings or numbers, so null would be invalid. */
function compact(o: Json): Json {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

function organizationJson(o: OrukOrganization): Json {
  return compact({ id: o.id, name: o.name, description: o.description, email: o.email, website: o.website });
}

function serviceFields(s: OrukServiceRow): Json {
  return compact({
    id: s.id, organization_id: s.organization_id, name: s.name, description: s.description, url: s.url, email: s.email,
    status: s.status, fees: s.fees, minimum_age: s.minimum_age, maximum_age: s.maximum_age, last_modified: s.last_modified,
  });
}

export function toServiceListItem(b: OrukServiceBundle): Json {
  return { ...serviceFields(b.service), organization: organizationJson(b.organization) };
}

/** A "service full" (GET /services/{id}): the service with its organisation and locations nested. */
export function toServiceFull(b: OrukServiceBundle, country = 'GB'): Json {
  return {
    ...serviceFields(b.service),
    organization: organizationJson(b.organization),
    service_at_locations: b.locations.map(({ salId, location: l }) => ({
      id: salId,
      location: compact({
        id: l.id, location_type: l.location_type, name: l.name, latitude: l.latitude, longitude: l.longitude,
        addresses: l.address_1 && l.city && l.postal_code
          ? [{ id: l.id, address_1: l.address_1, city: l.city, state_province: 'England', postal_code: l.postal_code, country, address_type: 'physical' }]
          : undefined,
      }),
    })),
    schedules: [], service_areas: [], languages: [], funding: [], cost_options: [], contacts: [], attributes: [],
  };
}

/** ORUK's Page envelope (openapi30.json components.schemas.Page) around a page of contents. */
export function toPage(contents: Json[], page: number, perPage: number, totalItems: number): Json {
  const totalPages = Math.max(1, Math.ceil(totalItems / perPage));
  return {
    total_items: totalItems, total_pages: totalPages, page_number: page, size: contents.length,
    first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents,
  };
}

/** Page and per_page from a query, within sane limits (per_page at most 100, page from 1). */
export function pageParams(q: { page?: string; per_page?: string }): { page: number; perPage: number } {
  // Capped: a page number in the billions would overflow the SQL offset (a 500, found by fuzzing).
  const page = Math.min(1_000_000, Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1));
  const perPage = Math.min(100, Math.max(1, Number.parseInt(q.per_page ?? '50', 10) || 50));
  return { page, perPage };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Reads an ORUK feed: a Page of service documents (contents[]), an array of them, or one. Each must
 * carry an id, name, status and organization; a service without them is reported, not guessed at.
 */
export function readOrukFeed(feed: unknown): { bundles: OrukServiceBundle[]; problems: string[] } {
  const items: unknown[] = Array.isArray(feed) ? feed : feed && typeof feed === 'object' && Array.isArray((feed as Json).contents) ? ((feed as Json).contents as unknown[]) : [feed];
  const bundles: OrukServiceBundle[] = [];
  const problems: string[] = [];
  items.forEach((raw, i) => {
    const s = (raw ?? {}) as Json;
    const org = (s.organization ?? {}) as Json;
    const id = str(s.id); const name = str(s.name); const status = str(s.status); const orgId = str(org.id) ?? str(s.organization_id);
    if (!id || !name || !status || !orgId || !str(org.name)) {
      problems.push(`Service ${i + 1}${name ? ` (${name})` : ''} needs an id, name, status and an organization with an id and name`);
      return;
    }
    const sals = Array.isArray(s.service_at_locations) ? (s.service_at_locations as Json[]) : [];
    bundles.push({
      service: {
        id, organization_id: orgId, name, description: str(s.description), url: str(s.url), email: str(s.email), status,
        fees: str(s.fees), minimum_age: num(s.minimum_age), maximum_age: num(s.maximum_age), last_modified: str(s.last_modified) ?? new Date(0).toISOString(),
      },
      organization: { id: orgId, name: str(org.name)!, description: str(org.description) ?? str(org.name)!, email: str(org.email), website: str(org.website) },
      locations: sals.flatMap((sal) => {
        const l = (sal.location ?? {}) as Json;
        const addr = (Array.isArray(l.addresses) ? (l.addresses as Json[])[0] : undefined) ?? {};
        if (!str(sal.id) || !str(l.id)) return [];
        return [{ salId: str(sal.id)!, location: { id: str(l.id)!, name: str(l.name), location_type: str(l.location_type) ?? 'physical', address_1: str(addr.address_1), city: str(addr.city), postal_code: str(addr.postal_code), latitude: num(l.latitude), longitude: num(l.longitude) } }];
      }),
    });
  });
  return { bundles, problems };
}
