/**
 * Who a query acts for. Row-level security reads `app.la_codes`: rows of any other council are
 * invisible, whatever the query says.
 */
export interface TenantScope {
  laCodes: readonly string[];
  userId?: string | undefined;
}
