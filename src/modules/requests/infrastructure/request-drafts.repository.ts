import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import { readAnswers, type RequestAnswers, type RequestKind } from '../domain/request-answers.ts';

export interface RequestDraft {
  id: string;
  kind: RequestKind;
  answers: RequestAnswers;
  createdBy: string | null;
  expiresAt: Date;
  submitted: { laCode: string; caseId: string; reference: string; submittedAt: Date } | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A transaction that may see one draft (row-level security on request_drafts) and the given councils.
 */
export async function withDraft<T>(db: Db, scope: { draftId: string; laCodes: readonly string[]; userId?: string | undefined }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(db, { laCodes: scope.laCodes, userId: scope.userId }, async (tx) => {
    await sql`select set_config('app.request_draft_id', ${scope.draftId}, true)`.execute(tx);
    return fn(tx);
  });
}

export async function createDraft(db: Db, kind: RequestKind, createdBy: string | null, initial: RequestAnswers = {}): Promise<string> {
  const id = randomUUID();
  await withDraft(db, { draftId: id, laCodes: [] }, async (tx) => {
    await sql`select purge_expired_request_drafts()`.execute(tx);
    await tx.insertInto('request_drafts').values({ id, kind, created_by: createdBy, answers: JSON.stringify(initial) }).execute();
  });
  return id;
}

/** The draft, if it exists, has not expired and (for a signed-in journey) belongs to this user. */
export async function loadDraft(tx: Tx, draftId: string, now: Date, userId: string | null): Promise<RequestDraft | undefined> {
  if (!UUID.test(draftId)) return undefined;
  const r = await tx.selectFrom('request_drafts').selectAll().where('id', '=', draftId).executeTakeFirst();
  if (!r || r.expires_at < now) return undefined;
  if (r.created_by !== null && r.created_by !== userId) return undefined;
  return {
    id: r.id,
    kind: r.kind as RequestKind,
    answers: readAnswers(r.answers),
    createdBy: r.created_by,
    expiresAt: r.expires_at,
    submitted: r.submitted_at && r.la_code && r.case_id && r.request_reference ? { laCode: r.la_code, caseId: r.case_id, reference: r.request_reference, submittedAt: r.submitted_at } : undefined,
  };
}

export async function saveAnswers(tx: Tx, draftId: string, answers: RequestAnswers): Promise<void> {
  await tx.updateTable('request_drafts').set({ answers: JSON.stringify(answers) }).where('id', '=', draftId).where('submitted_at', 'is', null).execute();
}

export async function markSubmitted(tx: Tx, draftId: string, sent: { laCode: string; caseId: string; reference: string }): Promise<void> {
  await tx
    .updateTable('request_drafts')
    .set({ submitted_at: new Date(), la_code: sent.laCode, case_id: sent.caseId, request_reference: sent.reference })
    .where('id', '=', draftId)
    .execute();
}
