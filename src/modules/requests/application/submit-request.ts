import { randomBytes } from 'node:crypto';
import { formatIsoDate, formatLongDate, parseLocalDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { attachDraftDocuments } from '../../documents/index.ts';
import type { Message } from '../../notify/index.ts';
import { childName, type RequestAnswers } from '../domain/request-answers.ts';
import { firstUnanswered } from '../domain/request-pages.ts';
import { requestReference } from '../domain/references.ts';
import { openCase } from '../infrastructure/case-opening.repository.ts';
import { recordCaseRequest } from '../infrastructure/case-requests.repository.ts';
import { loadDraft, markSubmitted, withDraft, type RequestDraft } from '../infrastructure/request-drafts.repository.ts';
import { decisionToAssessDue } from './decision-date.ts';
import { issueInvitation } from './account-invitation.ts';
import type { RequestDeps } from './request-deps.ts';

export class IncompleteRequestError extends Error {
  constructor(readonly slug: string) {
    super(`The request is not complete: ${slug} is unanswered`);
  }
}

export interface SubmitResult {
  laCode: string;
  caseId: string;
  reference: string;
  decisionDue: string;
  /** Messages that could not be sent; the request itself was received (the caller logs this). */
  notificationsFailed?: number;
}

/**
 * Sends a request: opens the case with its `request-received` event, keeps the request as sent,
 * attaches the evidence, and tells the family what happens next. Sending twice (a double click, a
 * back button) returns the first result rather than opening a second case.
 */
export async function submitRequest(deps: RequestDeps, draftId: string, ctx: { principal: Principal | undefined; requestId: string; settingName?: string }): Promise<SubmitResult> {
  const now = deps.now();
  const receivedOn = formatIsoDate(todayInEngland(now));
  const decisionDue = decisionToAssessDue(receivedOn, deps.calendar);
  const messages: Message[] = [];
  const peek = await withDraft(deps.db, { draftId, laCodes: [] }, (tx) => loadDraft(tx, draftId, now, ctx.principal?.userId ?? null));
  if (!peek) throw new IncompleteRequestError('start');
  const laCode = peek.submitted?.laCode ?? peek.answers.laCode;
  if (!laCode) throw new IncompleteRequestError('council');
  const result = await withDraft(deps.db, { draftId, laCodes: [laCode], userId: ctx.principal?.userId }, async (tx) => {
    const draft = await loadDraft(tx, draftId, now, ctx.principal?.userId ?? null);
    if (!draft) throw new IncompleteRequestError('start');
    if (draft.submitted) return { laCode: draft.submitted.laCode, caseId: draft.submitted.caseId, reference: draft.submitted.reference, decisionDue: decisionToAssessDue(formatIsoDate(todayInEngland(draft.submitted.submittedAt)), deps.calendar) };
    const missing = firstUnanswered(draft.kind, draft.answers);
    if (missing) throw new IncompleteRequestError(missing);
    const a = draft.answers as Required<RequestAnswers>;
    const reference = requestReference(laCode, randomBytes(6));
    const source = draft.kind === 'setting' ? 'setting' : a.requester;
    const opened = await openCase(tx, {
      laCode,
      child: { givenName: a.childGivenName, familyName: a.childFamilyName, dateOfBirth: a.dateOfBirth, postcode: a.postcode },
      receivedOn,
      actorUserId: ctx.principal?.userId ?? null,
      request: { source, requestedBy: requestedBy(draft, ctx.settingName), reasons: a.reasons, requestId: reference },
    });
    await recordCaseRequest(tx, { laCode, reference, caseId: opened.caseId, kind: draft.kind, answers: draft.answers, submittedBy: ctx.principal?.userId ?? null });
    const documentIds = await attachDraftDocuments(tx, laCode, draftId, opened.caseId);
    await markSubmitted(tx, draftId, { laCode, caseId: opened.caseId, reference });
    await recordAudit(tx, { principal: ctx.principal, requestId: ctx.requestId }, { laCode, action: 'create', recordType: 'case', recordId: opened.caseId, childId: opened.childId, detail: { request: reference, source, documents: documentIds.length } });
    const personal = { childName: a.childGivenName, reference, decisionDate: formatLongDate(parseLocalDate(decisionDue)) };
    if (draft.kind === 'family') {
      messages.push({ laCode, to: a.email, template: 'request-received', personalisation: personal });
    } else {
      // The family did not fill in the form, so the message also invites them to follow the case online.
      const link = await issueInvitation(tx, deps, { laCode, childId: opened.childId, caseId: opened.caseId, email: a.parentEmail, displayName: a.parentName, relationship: 'parent' });
      messages.push({ laCode, to: a.parentEmail, template: 'setting-request-received', personalisation: { ...personal, settingName: ctx.settingName ?? 'Your child\'s school or setting', accountLink: link } });
    }
    return { laCode, caseId: opened.caseId, reference, decisionDue };
  });
  // Sent after the commit: a message must never announce a request that was rolled back.
  let notificationsFailed = 0;
  for (const m of messages) {
    try {
      await deps.notifier.send(m);
    } catch {
      notificationsFailed += 1;
    }
  }
  return { ...result, notificationsFailed };
}

function requestedBy(draft: RequestDraft, settingName: string | undefined): string {
  const a = draft.answers;
  if (draft.kind === 'setting') return settingName ?? 'School or setting';
  return a.requester === 'young-person' ? childName(a) : (a.requesterName ?? '');
}
