import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatIsoDate, parseLocalDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { addError, emptyErrors } from '../../../platform/web/form-errors.ts';
import { caseCalendar } from '../../cases/index.ts';
import { informDeadline, moveTransfer } from '../domain/council-move.ts';
import { openCaseFromTransfer } from '../application/open-transferred-case.ts';
import { findIncomingTransfer, listTransfers, recordTransferDate, recordTransferViews } from '../infrastructure/plan-transfers.repository.ts';
import { field, readDate, type Body } from './date-fields.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Moves between councils (reg 15). Each council sees its own record of a move: the old council
 * when it must send the plan; the new council the 6 weeks to tell the family.
 */
export function registerTransferRoutes(app: FastifyInstance, db: Db): void {
  const model = async (principal: NonNullable<FastifyRequest['principal']>) => {
    const calendar = caseCalendar();
    const rows = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) => listTransfers(tx));
    const withDates = rows.map((r) => {
      const send = moveTransfer(parseLocalDate(r.awareOn), parseLocalDate(r.movedOn), calendar);
      const inform = r.transferredOn ? informDeadline(parseLocalDate(r.transferredOn), calendar) : undefined;
      return { ...r, sendDue: formatIsoDate(send.due), sendExplanation: send.explanation, ...(inform ? { informDue: formatIsoDate(inform.due), informExplanation: inform.explanation } : {}) };
    });
    return { title: 'Moves between councils', outgoing: withDates.filter((r) => r.direction === 'out'), incoming: withDates.filter((r) => r.direction === 'in') };
  };

  app.get('/transfers', { config: { access: 'caseload:view' } }, async (req, reply) => reply.render('reviews/transfers.njk', { ...(await model(req.principal!)), errors: emptyErrors() }));

  // The new council opens its own case from the move: explicit, one press, audited as creating a case.
  app.post<{ Params: { id: string } }>('/transfers/:id/open', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = req.principal!;
    if (!UUID.test(req.params.id)) return reply.callNotFound();
    const today = formatIsoDate(todayInEngland(new Date()));
    const outcome = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const transfer = await findIncomingTransfer(tx, principal.laCodes, req.params.id);
      if (!transfer) return undefined;
      const opened = await openCaseFromTransfer(tx, transfer, principal.userId, today);
      if (opened.kind === 'opened') {
        await recordAudit(tx, { principal, requestId: req.id }, {
          laCode: transfer.laCode, action: 'create', recordType: 'case', recordId: opened.caseId, childId: opened.childId ?? null,
          detail: { module: 'reviews', via: 'plan-transfer', transferId: transfer.id, fromLaCode: transfer.counterpartLaCode, planDocument: transfer.planDocument !== null },
        });
      }
      return opened;
    });
    if (!outcome) return reply.callNotFound();
    if (outcome.kind === 'not-received') {
      const errors = addError(emptyErrors(), 'date', 'Record the date the plan was received before opening the case', `date-sent-${req.params.id}-day`);
      return reply.code(409).render('reviews/transfers.njk', { ...(await model(principal)), errors, failedId: req.params.id, values: {} });
    }
    return reply.redirect(`/cases/${outcome.caseId}/reviews`, 303);
  });

  // Each council's views on the move, shared with the other council through share_plan_transfer_views.
  app.post<{ Params: { id: string }; Body: Body }>('/transfers/:id/views', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = req.principal!;
    if (!UUID.test(req.params.id)) return reply.callNotFound();
    const views = field(req.body ?? {}, 'views');
    if (!views || views.length > 5000) {
      const errors = addError(emptyErrors(), 'views', views ? 'Views must be 5,000 characters or fewer' : "Enter the council's views on the move", `views-${req.params.id}`);
      return reply.code(400).render('reviews/transfers.njk', { ...(await model(principal)), errors, failedId: req.params.id, values: req.body ?? {} });
    }
    const done = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const laCode = await recordTransferViews(tx, principal.laCodes, req.params.id, views);
      if (laCode) await recordAudit(tx, { principal, requestId: req.id }, { laCode, action: 'update', recordType: 'plan-transfer', recordId: req.params.id, detail: { module: 'reviews', views: true } });
      return laCode;
    });
    if (!done) return reply.callNotFound();
    return reply.redirect('/transfers', 303);
  });

  app.post<{ Params: { id: string; what: string }; Body: Body }>('/transfers/:id/:what', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = req.principal!;
    const column = req.params.what === 'sent' ? 'transferred_on' : req.params.what === 'informed' ? 'informed_on' : undefined;
    if (!column || !/^[0-9a-f-]{36}$/i.test(req.params.id)) return reply.callNotFound();
    const errors = emptyErrors();
    const on = readDate(req.body ?? {}, 'date', column === 'informed_on' ? 'Date the family was told' : 'Date the plan was transferred', errors, { today: todayInEngland(new Date()), when: 'past' });
    if (!on) return reply.code(400).render('reviews/transfers.njk', { ...(await model(principal)), errors, failedId: req.params.id, values: req.body ?? {} });
    const done = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) => recordTransferDate(tx, principal.laCodes, req.params.id, column, on));
    if (!done) return reply.callNotFound();
    return reply.redirect('/transfers', 303);
  });
}
