import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { appendCaseEvent } from '../../cases/index.ts';
import { documentsOfCase, storeDocument, type AcceptedFileType, type DocumentSummary } from '../../documents/index.ts';
import type { Message } from '../../notify/index.ts';
import { sortTray, trayItems, type TrayItem } from '../domain/work-tray.ts';
import { casesAskingOrganisations, type AskedCase } from '../infrastructure/advice-requests.query.ts';
import type { PartnerDeps } from './partner-deps.ts';

const scopeOf = (p: Principal) => ({ laCodes: p.laCodes, userId: p.userId });

/** Everything asked of the caller's organisations. */
export async function workTray(deps: PartnerDeps, principal: Principal): Promise<{ outstanding: TrayItem[]; answered: TrayItem[] }> {
  const today = todayInEngland(deps.now());
  const cases = await withTenant(deps.db, scopeOf(principal), (tx) => casesAskingOrganisations(tx, principal.organisationIds));
  return sortTray(cases.flatMap((c) => trayItems(c, principal.organisationIds, today, deps.calendar)));
}

export interface AdviceTask { item: TrayItem; askedCase: AskedCase; documents: DocumentSummary[]; reasons?: string }

/** One request for advice, if it was asked of the caller's organisation; the view is audited. */
export async function openAdviceTask(deps: PartnerDeps, principal: Principal, caseId: string, adviceId: string, requestId: string): Promise<AdviceTask | undefined> {
  const today = todayInEngland(deps.now());
  return withTenant(deps.db, scopeOf(principal), async (tx) => {
    const [c] = await casesAskingOrganisations(tx, principal.organisationIds, caseId);
    const item = c ? trayItems(c, principal.organisationIds, today, deps.calendar).find((i) => i.adviceId === adviceId) : undefined;
    if (!c || !item) return undefined;
    await recordAudit(tx, { principal, requestId }, { laCode: c.laCode, action: 'view', recordType: 'advice-request', recordId: `${caseId}/${adviceId}`, childId: c.child.id });
    const request = c.events.find((e) => e.type === 'request-received');
    const reasons = (request?.data as { reasons?: string } | undefined)?.reasons;
    return { item, askedCase: c, documents: await documentsOfCase(tx, c.laCode, c.caseId), ...(reasons ? { reasons } : {}) };
  });
}

export interface AdviceAnswer {
  summary: string;
  file?: { fileName: string; type: AcceptedFileType; data: Buffer };
}

export type AnswerOutcome = 'answered' | 'already-answered' | 'not-found';

/**
 * Records the partner's advice: the document (if any) and the `advice-received` event, in one
 * transaction; then tells the caseworker. Answering twice is refused: corrections are a new request.
 */
export async function answerAdvice(deps: PartnerDeps, principal: Principal, caseId: string, adviceId: string, answer: AdviceAnswer, requestId: string): Promise<{ outcome: AnswerOutcome; notificationsFailed: number }> {
  const now = deps.now();
  const today = todayInEngland(now);
  const messages: Message[] = [];
  const outcome = await withTenant(deps.db, scopeOf(principal), async (tx): Promise<AnswerOutcome> => {
    const [c] = await casesAskingOrganisations(tx, principal.organisationIds, caseId);
    const item = c ? trayItems(c, principal.organisationIds, today, deps.calendar).find((i) => i.adviceId === adviceId) : undefined;
    if (!c || !item) return 'not-found';
    if (item.answeredOn) return 'already-answered';
    const documentIds: string[] = [];
    if (answer.file) {
      documentIds.push(await storeDocument(tx, { laCode: c.laCode, caseId: c.caseId, kind: 'advice', fileName: answer.file.fileName, type: answer.file.type, data: answer.file.data, uploadedBy: principal.userId }));
    }
    await appendCaseEvent(tx, { laCode: c.laCode, caseId: c.caseId, type: 'advice-received', occurredOn: formatIsoDate(today), data: { adviceId, documentIds, summary: answer.summary }, actorUserId: principal.userId, expectedVersion: c.version });
    await recordAudit(tx, { principal, requestId }, { laCode: c.laCode, action: 'create', recordType: 'advice', recordId: `${caseId}/${adviceId}`, childId: c.child.id, detail: { documentIds } });
    if (c.caseworkerUserId) {
      const worker = await tx.selectFrom('users').select('email').where('id', '=', c.caseworkerUserId).executeTakeFirst();
      const org = await tx.selectFrom('organisations').select('name').where('id', '=', item.organisationId).executeTakeFirst();
      if (worker) {
        messages.push({
          laCode: c.laCode, to: worker.email, template: 'advice-received',
          personalisation: { childName: `${c.child.givenName} ${c.child.familyName}`, reference: c.reference, organisationName: org?.name ?? 'A partner', caseLink: `${deps.publicUrl.replace(/\/$/, '')}/cases/${c.caseId}/record` },
        });
      }
    }
    return 'answered';
  });
  // After the commit: the advice is recorded even if the message cannot go (the caller logs it).
  let notificationsFailed = 0;
  for (const m of messages) await deps.notifier.send(m).catch(() => (notificationsFailed += 1));
  return { outcome, notificationsFailed };
}
