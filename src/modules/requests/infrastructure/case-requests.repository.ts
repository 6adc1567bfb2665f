import type { Tx } from '../../../platform/db/connection.ts';
import { readAnswers, type RequestAnswers, type RequestKind } from '../domain/request-answers.ts';

export async function recordCaseRequest(tx: Tx, input: { laCode: string; reference: string; caseId: string; kind: RequestKind; answers: RequestAnswers; submittedBy: string | null }): Promise<void> {
  await tx
    .insertInto('case_requests')
    .values({ la_code: input.laCode, reference: input.reference, case_id: input.caseId, kind: input.kind, answers: JSON.stringify(input.answers), submitted_by: input.submittedBy })
    .execute();
}

export interface CaseRequest {
  reference: string;
  kind: RequestKind;
  answers: RequestAnswers;
  submittedAt: Date;
}

/** The requests that opened a case, as sent (for the caseworker's case page). */
export async function requestsOfCase(tx: Tx, laCode: string, caseId: string): Promise<CaseRequest[]> {
  const rows = await tx.selectFrom('case_requests').selectAll().where('la_code', '=', laCode).where('case_id', '=', caseId).orderBy('submitted_at').execute();
  return rows.map((r) => ({ reference: r.reference, kind: r.kind as RequestKind, answers: readAnswers(r.answers), submittedAt: r.submitted_at }));
}
