import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { roleHas } from '../../../platform/identity/roles.ts';
import { disputeNames, loadDisputeView, loadDisputeViews } from '../application/dispute-views.ts';
import { availableSteps, STEP_TITLES } from './dispute-steps.ts';
import { disputePageModel } from './dispute-presenter.ts';
import { familyDisputeModel } from './family-dispute-presenter.ts';

/** The caseworker's dispute page, and the family's plain-English page. Every view is audited. */
export function registerDisputePageRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { id: string }; Querystring: { recorded?: string } }>('/disputes/:id', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const view = await loadDisputeView(tx, req.params.id, todayInEngland(new Date()));
      if (!view) return undefined;
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: view.record.laCode, action: 'view', recordType: 'dispute', recordId: view.record.id, childId: view.record.childId });
      return { view, names: await disputeNames(tx, [view]) };
    });
    if (!data) return reply.callNotFound();
    const model = disputePageModel(data.view, data.names);
    const canRecord = roleHas(principal.role, 'case:record');
    return reply.render('disputes/dispute.njk', {
      title: `Dispute ${model.reference}`,
      backLink: '/disputes',
      ...model,
      recorded: req.query.recorded === '1',
      steps: canRecord ? availableSteps(data.view.state).map((s) => ({ href: `/disputes/${model.id}/steps/${s}`, text: STEP_TITLES[s].title })) : [],
    });
  });

  app.get('/family/disputes', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const principal = req.principal!;
    const views = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) => loadDisputeViews(tx, { familyUserId: principal.userId }, todayInEngland(new Date())));
    return reply.render('disputes/family-list.njk', {
      title: 'Your disagreements and appeals',
      backLink: '/family',
      rows: views.map((v) => ({ id: v.record.id, ...familyDisputeModel(v, undefined) })),
    });
  });

  app.get<{ Params: { id: string } }>('/family/disputes/:id', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const principal = req.principal!;
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const view = (await loadDisputeViews(tx, { disputeId: req.params.id, familyUserId: principal.userId }, todayInEngland(new Date())))[0];
      if (!view) return undefined;
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: view.record.laCode, action: 'view', recordType: 'dispute', recordId: view.record.id, childId: view.record.childId, detail: { via: 'family' } });
      const service = await tx.selectFrom('organisations').select('name').where('la_code', '=', view.record.laCode).where('kind', '=', 'mediation-service').orderBy('name').executeTakeFirst();
      return { view, service: service?.name };
    });
    if (!data) return reply.callNotFound();
    return reply.render('disputes/family-dispute.njk', { backLink: '/family/disputes', ...familyDisputeModel(data.view, data.service) });
  });
}
