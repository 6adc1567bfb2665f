import type { ColumnType, Generated } from 'kysely';
import type { DateOnly } from '../../../platform/db/database-types.ts';

/** Kysely types of the provision module's own tables (0050); settings and placements are the platform's. */
type Pence = ColumnType<number, number, number>;

export interface PostcodeLocationsTable { postcode: string; latitude: number; longitude: number; source: string }

export interface ApReferralsTable {
  la_code: string; id: Generated<string>; child_id: string; tier: number; referred_on: DateOnly;
  referred_by_setting_id: string | null; reason: string; created_at: Generated<Date>;
}

export interface ApPlacementsTable {
  la_code: string; id: Generated<string>; referral_id: string; child_id: string; setting_id: string; tier: number;
  starts_on: DateOnly; planned_return_on: DateOnly | null; ends_on: DateOnly | null; outcome: string | null; outcome_note: string | null;
}

export interface ApReviewsTable { la_code: string; id: Generated<string>; ap_placement_id: string; reviewed_on: DateOnly; note: string }

export interface BandFrameworkTable {
  id: Generated<string>; la_code: string | null; band_code: string; level_of_need: string; provision_type: string;
  annual_top_up_pence: Pence; effective_from: DateOnly; effective_to: DateOnly | null;
}

export interface FundingElementsTable {
  id: Generated<string>; la_code: string | null; element: number; description: string; annual_amount_pence: Pence;
  effective_from: DateOnly; effective_to: DateOnly | null;
}

export interface RateCardTable {
  id: Generated<string>; la_code: string | null; deliverer_role: string; hourly_rate_pence: number; effective_from: DateOnly; effective_to: DateOnly | null;
}

export interface OrukOrganizationsTable { la_code: string; id: string; name: string; description: string; email: string | null; website: string | null }
export interface OrukServicesTable {
  la_code: string; id: string; organization_id: string; name: string; description: string | null; url: string | null; email: string | null;
  status: string; fees: string | null; minimum_age: number | null; maximum_age: number | null; last_modified: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface OrukLocationsTable {
  la_code: string; id: string; name: string | null; location_type: string; address_1: string | null; city: string | null;
  postal_code: string | null; latitude: number | null; longitude: number | null;
}
export interface OrukServiceAtLocationsTable { la_code: string; id: string; service_id: string; location_id: string }

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    postcode_locations: PostcodeLocationsTable;
    ap_referrals: ApReferralsTable;
    ap_placements: ApPlacementsTable;
    ap_reviews: ApReviewsTable;
    band_framework: BandFrameworkTable;
    funding_elements: FundingElementsTable;
    rate_card: RateCardTable;
    oruk_organizations: OrukOrganizationsTable;
    oruk_services: OrukServicesTable;
    oruk_locations: OrukLocationsTable;
    oruk_service_at_locations: OrukServiceAtLocationsTable;
  }
  interface PlacementsTable { band_code: string | null }
}
