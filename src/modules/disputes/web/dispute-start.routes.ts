import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { formatIsoDate, formatLongDate, parseLocalDate, todayInEngland, type LocalDate } from '../../../platform/calendar/index.ts';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { caseCalendar, deriveCaseState, findCase, isCaseEventType, type CaseEvent, type CaseRecord, type DecisionNotice } from '../../cases/index.ts';
import { DECISION_KINDS, DECISION_NAMES, DISPUTE_SECTIONS, isDecisionKind, isDisputeSection, type DecisionKind, type DisputeSection } from '../domain/dispute-events.ts';
import { openDispute } from '../infrastructure/dispute-events.repository.ts';
import { dateItems, field, fields, readDate, type Body } from './form-fields.ts';

const NOTICE_KINDS: Record<DecisionNotice['kind'], DecisionKind> = { 'not-assess': 'refuse-assess', 'not-to-issue': 'refuse-issue', 'final-plan': 'plan-content' };
const SECTION_HINTS: Record<string, string> = { B: 'special educational needs', F: 'special educational provision', G: 'health provision (recommendations)', H1: 'social care provision (CSDPA 1970 s2)', H2: 'other social care provision', I: 'school or college named' };

interface CaseContext { record: CaseRecord; notices: DecisionNotice[] }

/** The case and its appealable decision notices, derived by the cases module's own rules. */
async function caseContext(tx: Tx, caseId: string, today: LocalDate): Promise<CaseContext | undefined> {
  const record = await findCase(tx, caseId);
  if (!record) return undefined;
  const events = record.events.flatMap((e) => (isCaseEventType(e.type) ? [{ seq: e.seq, type: e.type, occurredOn: e.occurredOn, data: e.data } as CaseEvent] : []));
  return { record, notices: deriveCaseState(events, { today, calendar: caseCalendar() }).notices };
}

/** Starting a dispute from a case's decision: find the case, choose the decision and the sections. */
export function registerDisputeStartRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { reference?: string } }>('/disputes/new', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = req.principal!;
    const reference = (req.query.reference ?? '').trim();
    const errors = emptyErrors();
    if (req.query.reference !== undefined) {
      if (!reference) addError(errors, 'reference', 'Enter the case reference');
      else {
        const found = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) => tx.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirst());
        if (found) return reply.redirect(`/cases/${found.id}/disputes/new`, 303);
        addError(errors, 'reference', 'No case has that reference: check it and try again');
      }
    }
    return reply.code(hasErrors(errors) ? 400 : 200).render('disputes/find-case.njk', { title: 'Record a disagreement', backLink: '/disputes', reference, errors });
  });

  app.get<{ Params: { caseId: string }; Querystring: { notice?: string } }>('/cases/:caseId/disputes/new', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = req.principal!;
    const ctx = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) => caseContext(tx, req.params.caseId, todayInEngland(new Date())));
    if (!ctx) return reply.callNotFound();
    return render(reply, ctx, req.query.notice ? { decision: `notice-${req.query.notice}` } : {}, emptyErrors());
  });

  app.post<{ Params: { caseId: string }; Body: Body }>('/cases/:caseId/disputes/new', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = req.principal!;
    const body = req.body ?? {};
    const today = todayInEngland(new Date());
    const result = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const ctx = await caseContext(tx, req.params.caseId, today);
      if (!ctx) return undefined;
      const errors = emptyErrors();
      const parsed = parseStart(body, ctx, today, errors);
      if (!parsed) return { kind: 'invalid' as const, ctx, errors };
      const opened = await openDispute(tx, { laCode: ctx.record.laCode, caseId: ctx.record.id, caseReference: ctx.record.reference, openedOn: formatIsoDate(today), data: parsed, actorUserId: principal.userId });
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: ctx.record.laCode, action: 'create', recordType: 'dispute', recordId: opened.id, childId: ctx.record.child.id, detail: { caseId: ctx.record.id } });
      return { kind: 'done' as const, opened };
    });
    if (!result) return reply.callNotFound();
    if (result.kind === 'invalid') return render(reply.code(400), result.ctx, body, result.errors);
    return reply.redirect(`/disputes/${result.opened.id}?recorded=1`, 303);
  });
}

function parseStart(body: Body, ctx: CaseContext, today: LocalDate, errors: FormErrors) {
  const decision = field(body, 'decision');
  let decisionKind: DecisionKind | undefined;
  let noticeSentOn: string | undefined;
  let caseEventSeq: number | undefined;
  const notice = ctx.notices.find((n) => `notice-${n.seq}` === decision);
  if (notice) {
    decisionKind = NOTICE_KINDS[notice.kind];
    noticeSentOn = notice.sentOn;
    caseEventSeq = notice.seq;
  } else if (decision === 'other') {
    const kind = field(body, 'decisionKind');
    if (isDecisionKind(kind)) decisionKind = kind;
    else addError(errors, 'decisionKind', 'Select the kind of decision');
    noticeSentOn = readDate(body, 'notice', 'Date the decision notice was sent', errors, { notAfter: { date: today, what: 'today or in the past' } });
  } else addError(errors, 'decision', 'Select the decision the family disagrees with');
  const sections = fields(body, 'sections').filter(isDisputeSection) as DisputeSection[];
  if ((decisionKind === 'plan-content' || decisionKind === 'refuse-amend') && sections.length === 0) addError(errors, 'sections', 'Select the sections of the plan the family disagrees with');
  const summary = field(body, 'summary');
  if (summary.length > 2000) addError(errors, 'summary', 'Summary must be 2000 characters or fewer');
  if (hasErrors(errors) || !decisionKind || !noticeSentOn) return undefined;
  return { decisionKind, noticeSentOn, sections, ...(caseEventSeq !== undefined ? { caseEventSeq } : {}), ...(summary ? { summary } : {}) };
}

function render(reply: FastifyReply, ctx: CaseContext, body: Body, errors: FormErrors) {
  const chosen = field(body, 'decision');
  const sections = fields(body, 'sections');
  return reply.render('disputes/start.njk', {
    title: 'Record a disagreement with a decision',
    backLink: `/cases/${ctx.record.id}`,
    caption: `${ctx.record.reference} – ${ctx.record.child.givenName} ${ctx.record.child.familyName}`,
    errors,
    values: body,
    decisions: [
      ...ctx.notices.map((n) => ({ value: `notice-${n.seq}`, text: `${DECISION_NAMES[NOTICE_KINDS[n.kind]]}: notice sent ${formatLongDate(parseLocalDate(n.sentOn))}`, checked: chosen === `notice-${n.seq}` })),
      ...(ctx.notices.length ? [{ divider: 'or' }] : []),
      { value: 'other', text: 'Another decision (for example, ceasing the plan or not amending it after a review)', checked: chosen === 'other' },
    ],
    kinds: [{ value: '', text: 'Select the kind of decision' }, ...DECISION_KINDS.map((k) => ({ value: k, text: DECISION_NAMES[k], selected: field(body, 'decisionKind') === k }))],
    noticeItems: dateItems(body, 'notice', Boolean(errors.fields.notice)),
    sectionItems: DISPUTE_SECTIONS.map((s) => ({ value: s, text: `Section ${s}`, hint: SECTION_HINTS[s] ? { text: SECTION_HINTS[s] } : undefined, checked: sections.includes(s) })),
  });
}
