import { sql } from 'kysely';
import type { Tx } from '../../../platform/db/connection.ts';
import { appendCaseEvent, type CaseEventPayloads } from '../../cases/index.ts';
import { caseReference } from '../domain/references.ts';

export interface OpenCaseInput {
  laCode: string;
  child: { givenName: string; familyName: string; dateOfBirth: string; postcode: string };
  receivedOn: string;
  actorUserId: string | null;
  request: CaseEventPayloads['request-received'];
}

/**
 * A request opens a case: the child (a new record every time; matching to an existing child is a
 * caseworker's decision, not a guess), the case with the council's next reference, and its first
 * event, `request-received`, which starts the 6, 16 and 20-week clocks.
 */
export async function openCase(tx: Tx, input: OpenCaseInput): Promise<{ caseId: string; childId: string; reference: string }> {
  // One writer at a time per council takes the next number, so references never collide.
  await sql`select pg_advisory_xact_lock(hashtext('case-reference'), ${Number(input.laCode)})`.execute(tx);
  const last = await sql<{ n: number | null }>`
    select max(substring(reference from 9)::integer) as n from cases
    where la_code = ${input.laCode} and reference ~ '^EHC-[0-9]{3}-[0-9]{6}$'`.execute(tx);
  const reference = caseReference(input.laCode, (last.rows[0]?.n ?? 0) + 1);
  const child = await tx
    .insertInto('children')
    .values({ la_code: input.laCode, given_name: input.child.givenName, family_name: input.child.familyName, date_of_birth: input.child.dateOfBirth, postcode: input.child.postcode })
    .returning('id')
    .executeTakeFirstOrThrow();
  const c = await tx
    .insertInto('cases')
    .values({ la_code: input.laCode, child_id: child.id, reference, opened_on: input.receivedOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Through the cases module, so the caseload's deadline projection is written in the same transaction.
  await appendCaseEvent(tx, { laCode: input.laCode, caseId: c.id, type: 'request-received', occurredOn: input.receivedOn, data: input.request, actorUserId: input.actorUserId, expectedVersion: 1 });
  return { caseId: c.id, childId: child.id, reference };
}
