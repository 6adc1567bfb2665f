import { sql } from 'kysely';
import { addDays, formatIsoDate, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { createDb, type Tx } from '../../../platform/db/connection.ts';
import { planSeedDisputes, type SeedDecision } from '../domain/seed-plan.ts';
import { appendDisputeEvent, openDispute } from '../infrastructure/dispute-events.repository.ts';

export interface SeedDisputesResult {
  disputes: number;
  events: number;
}

/**
 * Synthetic disputes for a seeded council, from its own appealable decisions (refusals to assess,
 * decisions not to issue, final plans) in the 14 months before `today`: deterministic for the same
 * data and day. Does nothing if the council already has disputes, so it is safe to call on every start.
 * Connects as the owner (adminUrl), like the demo area seed.
 */
export async function seedDisputes(adminUrl: string, laCode: string, today: LocalDate): Promise<SeedDisputesResult> {
  const { db } = createDb(adminUrl, { max: 2 });
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`select set_config('app.la_codes', ${laCode}, true)`.execute(tx);
      const existing = await tx.selectFrom('disputes').select('id').where('la_code', '=', laCode).limit(1).executeTakeFirst();
      if (existing) return { disputes: 0, events: 0 };
      const decisions = await appealableDecisions(tx, laCode, formatIsoDate(addDays(today, -430)), formatIsoDate(addDays(today, -1)));
      const organisations = await tx.selectFrom('organisations').select('id').where('la_code', '=', laCode).where('kind', '=', 'mediation-service').orderBy('name').executeTakeFirst();
      const mediator = await tx.selectFrom('user_roles').select('user_id').where('la_code', '=', laCode).where('role', '=', 'mediator').orderBy('user_id').executeTakeFirst();
      const plans = planSeedDisputes(decisions, today, { mediationServiceId: organisations?.id, mediatorUserId: mediator?.user_id });
      let events = 0;
      for (const plan of plans) {
        const opened = await openDispute(tx, { laCode, caseId: plan.caseId, caseReference: plan.caseReference, openedOn: plan.openedOn, data: plan.opened, actorUserId: null });
        events++;
        for (const e of plan.events) {
          await appendDisputeEvent(tx, { laCode, disputeId: opened.id, type: e.type, occurredOn: e.occurredOn, data: e.data, actorUserId: null });
          events++;
        }
      }
      return { disputes: plans.length, events };
    });
  } finally {
    await db.destroy();
  }
}

async function appealableDecisions(tx: Tx, laCode: string, from: string, to: string): Promise<SeedDecision[]> {
  const rows = await tx
    .selectFrom('case_events as e')
    .innerJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'e.la_code').onRef('c.id', '=', 'e.case_id'))
    .select(['c.id', 'c.reference', 'e.seq', 'e.type', 'e.occurred_on', sql<string | null>`e.data->>'decision'`.as('decision')])
    .where('e.la_code', '=', laCode)
    .where('e.type', 'in', ['decision-to-assess', 'decision-not-to-issue', 'final-plan-issued'])
    .where('e.occurred_on', '>=', from)
    .where('e.occurred_on', '<=', to)
    .orderBy('c.reference')
    .orderBy('e.seq')
    .execute();
  return rows
    .filter((r) => r.type !== 'decision-to-assess' || r.decision === 'not-assess')
    .map((r) => ({
      caseId: r.id,
      caseReference: r.reference,
      seq: r.seq,
      kind: r.type === 'decision-to-assess' ? ('refuse-assess' as const) : r.type === 'decision-not-to-issue' ? ('refuse-issue' as const) : ('plan-content' as const),
      noticeSentOn: parseLocalDate(r.occurred_on),
    }));
}
