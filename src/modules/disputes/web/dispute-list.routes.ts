import type { FastifyInstance } from 'fastify';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { roleHas } from '../../../platform/identity/roles.ts';
import { disputeNames, loadDisputeViews, type DisputeView } from '../application/dispute-views.ts';
import { deadlineTag, PARTNER_NAMES } from './dispute-labels.ts';
import { disputeSummary } from './dispute-presenter.ts';

type Sort = 'due' | 'reference' | 'opened';
const SORTS: Record<Sort, (a: DisputeView, b: DisputeView) => number> = {
  // Disputes with no clock running go last: nothing is due on them.
  due: (a, b) => (a.state.next?.due ?? Number.MAX_SAFE_INTEGER) - (b.state.next?.due ?? Number.MAX_SAFE_INTEGER) || a.record.reference.localeCompare(b.record.reference),
  reference: (a, b) => a.record.reference.localeCompare(b.record.reference),
  opened: (a, b) => a.state.noticeSentOn.localeCompare(b.state.noticeSentOn) || a.record.reference.localeCompare(b.record.reference),
};

/** The council's open disputes, and a mediator's assigned mediations. */
export function registerDisputeListRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { sort?: string } }>('/disputes', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const sort: Sort = req.query.sort === 'reference' || req.query.sort === 'opened' ? req.query.sort : 'due';
    const views = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) => loadDisputeViews(tx, {}, todayInEngland(new Date())));
    const open = views.filter((v) => !v.state.closed).sort(SORTS[sort]);
    return reply.render('disputes/list.njk', {
      title: 'Disputes',
      sort,
      rows: open.map(disputeSummary),
      closedCount: views.length - open.length,
      canRecord: roleHas(principal.role, 'case:record'),
      canAnalyse: roleHas(principal.role, 'case:manage'),
    });
  });

  // A mediator sees only the mediations arranged with their organisation or with them by name.
  app.get('/mediation', { config: { access: 'mediation:own-cases' } }, async (req, reply) => {
    const principal = req.principal!;
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const views = (await loadDisputeViews(tx, {}, todayInEngland(new Date()))).filter((v) => {
        const m = v.state.mediation;
        return m !== undefined && (m.mediatorUserId === principal.userId || (m.organisationId !== undefined && principal.organisationIds.includes(m.organisationId)));
      });
      return { views, names: await disputeNames(tx, views) };
    });
    const row = (v: DisputeView) => {
      const m = v.state.mediation!;
      const meeting = v.state.deadlines.find((d) => d.key === 'mediation-meeting');
      return {
        ...disputeSummary(v),
        toldOn: m.arrangedOn,
        meetingOn: m.meetingOn,
        heldOn: m.heldOn,
        holdBy: meeting,
        holdByTag: meeting ? deadlineTag(meeting.status) : undefined,
        partners: m.partners.map((p) => PARTNER_NAMES[p]),
        mediator: m.mediatorUserId ? data.names.get(m.mediatorUserId) : undefined,
      };
    };
    const toMeet = data.views.filter((v) => !v.state.mediation!.heldOn && !v.state.closed).map(row).sort((a, b) => (a.holdBy?.due ?? 0) - (b.holdBy?.due ?? 0));
    const held = data.views.filter((v) => v.state.mediation!.heldOn).map(row);
    return reply.render('disputes/mediation.njk', { title: 'Your mediation cases', toMeet, held });
  });
}
