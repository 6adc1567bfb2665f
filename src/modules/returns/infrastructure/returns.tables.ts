declare module '../../../platform/db/database-types.ts' {
  interface Database {
    sen2_person_details: { la_code: string; child_id: string; ethnicity: string; upn_unknown: string | null };
    sen2_setting_codes: { la_code: string; setting_id: string; code: string };
  }
}
export {};
