import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatIsoDate, parseLocalDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { emptyErrors } from '../../../platform/web/form-errors.ts';
import { caseCalendar } from '../../cases/index.ts';
import { informDeadline, moveTransfer } from '../domain/council-move.ts';
import { listTransfers, recordTransferDate } from '../infrastructure/plan-transfers.repository.ts';
import { readDate, type Body } from './date-fields.ts';

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
