import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit, recordViewAudit } from '../../../platform/audit/audit-log.ts';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { readWithTenant, withTenant, type Db } from '../../../platform/db/connection.ts';
import { roleHas } from '../../../platform/identity/roles.ts';
import { loadCaseViewWithNames, mediationService } from '../application/case-view.ts';
import { STAGE_NAMES } from '../domain/case-stage.ts';
import { availableSteps, isStepId, STEPS } from './case-steps.ts';
import { deadlineTag } from './deadline-tags.ts';
import { noticeModel } from './notice-presenter.ts';
import { timelineItems } from './timeline-presenter.ts';

/**
 * The caseworker's case page: where the case is, every deadline with its explanation from the
 * clock, the timeline, and the steps that can be recorded next. Every view is audited.
 */
export function registerCasePageRoutes(app: FastifyInstance, db: Db): void {
  const casePage = async (req: FastifyRequest<{ Params: { caseId: string }; Querystring: { recorded?: string } }>, reply: FastifyReply) => {
    const principal = req.principal!;
    const today = todayInEngland(new Date());
    // A plain read on a scoped connection; the view's audit row is committed (with those of
    // concurrent reads) before the page is sent.
    const data = await readWithTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (q) => loadCaseViewWithNames(q, req.params.caseId, today));
    if (!data) return reply.callNotFound();
    const { view, names } = data;
    await recordViewAudit(db, { principal, requestId: req.id }, { laCode: view.record.laCode, action: 'view', recordType: 'case', recordId: view.record.id, childId: view.record.child.id });
    const { record, state } = view;
    const base = `/cases/${record.id}`;
    const recorded = req.query.recorded && isStepId(req.query.recorded) ? STEPS[req.query.recorded].title.replace(/^Record (the )?/, '') : undefined;
    return reply.render('cases/case.njk', {
      title: `${record.child.givenName} ${record.child.familyName} – ${record.reference}`,
      backLink: '/caseload',
      record,
      state,
      stageName: STAGE_NAMES[state.stage],
      next: state.next ? { ...state.next, tag: deadlineTag(state.next.status) } : undefined,
      deadlines: [...state.deadlines].sort((a, b) => a.due - b.due).map((d) => ({ ...d, tag: deadlineTag(d.status) })),
      advice: state.advice.map((a) => ({ ...a, organisation: a.organisationId ? names.get(a.organisationId) : undefined, tag: a.deadline ? deadlineTag(a.deadline.status) : undefined })),
      steps: roleHas(principal.role, 'case:record') ? availableSteps(state).map((s) => ({ href: `${base}/steps/${s.id}`, text: s.title })) : [],
      timeline: timelineItems(record.events, names, 'staff', base).reverse(),
      recorded,
    });
  };
  app.get('/cases/:caseId', { config: { access: 'caseload:view' } }, casePage);
  // The earlier address of the case record: bookmarks and links keep working.
  app.get('/cases/:caseId/record', { config: { access: 'caseload:view' } }, casePage);

  app.get<{ Params: { caseId: string; seq: string } }>('/cases/:caseId/notices/:seq', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const seq = Number.parseInt(req.params.seq, 10);
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const found = await loadCaseViewWithNames(tx, req.params.caseId, todayInEngland(new Date()));
      const notice = found?.view.state.notices.find((n) => n.seq === seq);
      if (!found || !notice) return undefined;
      const { view, names } = found;
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: view.record.laCode, action: 'view', recordType: 'decision-notice', recordId: view.record.id, childId: view.record.child.id, detail: { seq } });
      return { view, notice, mediation: await mediationService(tx, view.record.laCode), names };
    });
    if (!data) return reply.callNotFound();
    return reply.render('cases/notice.njk', { ...noticeModel(data.view, data.notice, data.mediation, data.names), backLink: `/cases/${data.view.record.id}` });
  });
}
