import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { caseCalendar } from '../../cases/index.ts';
import { summarisePlans } from '../application/review-summaries.ts';
import { plansWithEvents, pupilsAtSettings, reviewSettings } from '../infrastructure/living-plans.query.ts';
import { reviewRow, settingFor } from './review-lists.routes.ts';

/**
 * The SENCO's work tray: every plan for pupils at their setting, in every council that holds one
 * (the SENCO acts for each of those councils, so row-level security shows exactly those), with
 * the next review and what is overdue. Read-only: the council records the steps.
 */
export function registerSettingPupilsRoutes(app: FastifyInstance, db: Db): void {
  app.get('/setting/pupils', { config: { access: 'setting:own-pupils' } }, async (req, reply) => {
    const principal = req.principal!;
    const today = todayInEngland(new Date());
    const rows = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const pupils = await pupilsAtSettings(tx, principal.organisationIds);
      const plans = await plansWithEvents(tx, { laCodes: principal.laCodes, childKeys: pupils });
      const months = new Map<string, number>();
      for (const la of new Set(plans.map((p) => p.laCode))) months.set(la, (await reviewSettings(tx, la)).underFiveMonths);
      for (const p of plans) {
        await recordAudit(tx, { principal, requestId: req.id }, { laCode: p.laCode, action: 'view', recordType: 'case', recordId: p.caseId, childId: p.child.id, detail: { module: 'reviews', page: 'setting-pupils' } });
      }
      return summarisePlans(plans, { today, calendar: caseCalendar(), underFiveMonths: settingFor(months) });
    });
    const councils = await db.selectFrom('councils').select(['la_code', 'name']).where('la_code', 'in', rows.length ? [...new Set(rows.map((r) => r.plan.laCode))] : ['']).execute();
    const name = new Map(councils.map((c) => [c.la_code, c.name]));
    return reply.render('reviews/setting-pupils.njk', {
      title: 'Pupils with EHC plans',
      rows: rows.map((r) => ({ ...reviewRow(r, undefined), council: name.get(r.plan.laCode) ?? r.plan.laCode })),
      overdue: rows.filter((r) => r.overdue).length,
      councils: name.size,
    });
  });
}
