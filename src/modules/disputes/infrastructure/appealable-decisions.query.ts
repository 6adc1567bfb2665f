import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import type { AppealableDecisions } from '../domain/dispute-analysis.ts';
import './disputes.tables.ts';

/**
 * The DfE denominator counted from the council's own records for one calendar year: refusals to
 * assess and decisions not to issue dated in the year (case events), plans held in January (cases
 * whose final plan was issued on or before 1 January: our reading of "as at January"), and ceasing
 * decisions (not yet case events, so counted from disputes about ceasing dated in the year).
 */
export async function appealableDecisions(tx: Tx, laCodes: readonly string[], year: number): Promise<AppealableDecisions> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const row = await sql<{ refused: number; not_to_issue: number; plans: number; ceased: number }>`
    select
      (select count(*) from case_events where la_code = any(${laCodes as string[]}) and type = 'decision-to-assess' and data->>'decision' = 'not-assess' and occurred_on between ${from} and ${to}) as refused,
      (select count(*) from case_events where la_code = any(${laCodes as string[]}) and type = 'decision-not-to-issue' and occurred_on between ${from} and ${to}) as not_to_issue,
      (select count(distinct (la_code, case_id)) from case_events where la_code = any(${laCodes as string[]}) and type = 'final-plan-issued' and occurred_on <= ${from}) as plans,
      (select count(*) from dispute_events where la_code = any(${laCodes as string[]}) and type = 'dispute-opened' and data->>'decisionKind' = 'cease' and (data->>'noticeSentOn') between ${from} and ${to}) as ceased
  `.execute(tx);
  const r = row.rows[0]!;
  return { refusedToAssess: Number(r.refused), notToIssue: Number(r.not_to_issue), plansHeldInJanuary: Number(r.plans), ceased: Number(r.ceased) };
}
