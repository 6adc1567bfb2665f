import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import { loadCaseViewWithNames, mediationService } from '../application/case-view.ts';
import type { CaseStage } from '../domain/case-stage.ts';
import { isUuid } from '../infrastructure/case-read.repository.ts';
import { noticeModel } from './notice-presenter.ts';
import { timelineItems } from './timeline-presenter.ts';

const WHERE: Record<CaseStage, string> = {
  'awaiting-decision': 'We have the request for an EHC needs assessment and are deciding whether to carry one out.',
  refused: 'We decided not to carry out an EHC needs assessment.',
  assessing: 'We are carrying out the EHC needs assessment.',
  'not-issuing': 'We finished the assessment and decided not to issue an EHC plan.',
  draft: 'We have sent you the draft EHC plan.',
  'final-issued': 'The final EHC plan has been issued.',
  withdrawn: 'The request for an assessment was withdrawn.',
};

/** Is this case about a child linked to this family account? The only cases a family can see. */
async function familyOwnsCase(tx: Tx, userId: string, caseId: string): Promise<boolean> {
  if (!isUuid(caseId)) return false;
  const row = await tx
    .selectFrom('cases as c')
    .innerJoin('family_members as f', (j) => j.onRef('f.la_code', '=', 'c.la_code').onRef('f.child_id', '=', 'c.child_id'))
    .select('c.id')
    .where('c.id', '=', caseId)
    .where('f.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The family's plain-English view of their case, and their copies of decision notices. Audited. */
export function registerFamilyCaseRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { caseId: string } }>('/family/cases/:caseId', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const principal = req.principal!;
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      if (!(await familyOwnsCase(tx, principal.userId, req.params.caseId))) return undefined;
      const found = await loadCaseViewWithNames(tx, req.params.caseId, todayInEngland(new Date()));
      if (!found) return undefined;
      const { view, names } = found;
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: view.record.laCode, action: 'view', recordType: 'case', recordId: view.record.id, childId: view.record.child.id, detail: { via: 'family' } });
      const caseworker = view.record.caseworker
        ? await tx.selectFrom('users').select(['display_name', 'email']).where('id', '=', view.record.caseworker.id).executeTakeFirst()
        : undefined;
      const council = await tx.selectFrom('councils').select('name').where('la_code', '=', view.record.laCode).executeTakeFirst();
      return { view, caseworker, council: council?.name, names };
    });
    if (!data) return reply.callNotFound();
    const { view, caseworker, names } = data;
    const { record, state } = view;
    const base = `/family/cases/${record.id}`;
    const reps = state.deadlines.find((d) => d.key === 'draft-representations' && d.open);
    return reply.render('cases/family-case.njk', {
      title: `${record.child.givenName}'s EHC needs assessment`,
      backLink: '/family',
      record,
      where: WHERE[state.stage],
      nextSteps: state.nextSteps.family,
      planIssued: state.stage === 'final-issued',
      repsDue: reps?.dueIso,
      caseworker: caseworker ? { name: caseworker.display_name, email: caseworker.email } : undefined,
      council: data.council,
      adviceReceived: state.advice.filter((a) => a.receivedOn).map((a) => ({ kind: a.kindName, receivedOn: a.receivedOn, from: a.organisationId ? names.get(a.organisationId) : undefined })),
      adviceWaiting: state.advice.filter((a) => !a.receivedOn).length,
      notices: state.notices.map((n) => ({ href: `${base}/notices/${n.seq}`, sentOn: n.sentOn, kind: n.kind })),
      timeline: timelineItems(record.events, names, 'family', base).reverse(),
    });
  });

  app.get<{ Params: { caseId: string; seq: string } }>('/family/cases/:caseId/notices/:seq', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const principal = req.principal!;
    const seq = Number.parseInt(req.params.seq, 10);
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      if (!(await familyOwnsCase(tx, principal.userId, req.params.caseId))) return undefined;
      const found = await loadCaseViewWithNames(tx, req.params.caseId, todayInEngland(new Date()));
      const notice = found?.view.state.notices.find((n) => n.seq === seq);
      if (!found || !notice) return undefined;
      const { view, names } = found;
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: view.record.laCode, action: 'view', recordType: 'decision-notice', recordId: view.record.id, childId: view.record.child.id, detail: { seq, via: 'family' } });
      return { view, notice, mediation: await mediationService(tx, view.record.laCode), names };
    });
    if (!data) return reply.callNotFound();
    return reply.render('cases/notice.njk', { ...noticeModel(data.view, data.notice, data.mediation, data.names), backLink: `/family/cases/${data.view.record.id}` });
  });
}
