import type { FastifyInstance } from 'fastify';
import { addDays, addMonths, formatIsoDate, parseLocalDate, todayInEngland, toYearMonthDay, type LocalDate } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { addError, emptyErrors, hasErrors } from '../../../platform/web/form-errors.ts';
import { timeliness } from '../domain/timeliness.ts';
import { caseCalendar } from '../infrastructure/clock-calendar.ts';
import { refreshStaleProjections } from '../infrastructure/case-projection.repository.ts';
import { timelinessCases } from '../infrastructure/timeliness.query.ts';
import { dateItems, readDate, type Body } from './date-input.ts';

const asBody = (d: LocalDate, name: string): Body => {
  const { year, month, day } = toYearMonthDay(d);
  return { [`${name}-day`]: String(day), [`${name}-month`]: String(month), [`${name}-year`]: String(year) };
};

/**
 * Timeliness for the council over a period (default: the last 12 months). Aggregate figures only,
 * so EHC coordinators may see them as well as managers: they show how the team is doing.
 */
export function registerTimelinessRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: Body }>('/timeliness', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const today = todayInEngland(new Date());
    const chosen = Object.keys(req.query).some((k) => k.startsWith('from-') || k.startsWith('to-'));
    const query: Body = chosen ? req.query : { ...asBody(addDays(addMonths(today, -12), 1), 'from'), ...asBody(today, 'to') };
    const errors = emptyErrors();
    const from = readDate(query, 'from', 'Start date', errors, { notAfter: today });
    const to = readDate(query, 'to', 'End date', errors, { notAfter: addDays(today, 366) });
    if (from && to && to < from) addError(errors, 'to', 'End date must be the same as or after the start date', 'to-day');
    const figures =
      from && to && !hasErrors(errors)
        ? await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
            await refreshStaleProjections(tx, principal.laCodes);
            return timeliness(await timelinessCases(tx, principal.laCodes), { from: parseLocalDate(from), to: parseLocalDate(to), today, calendar: caseCalendar() });
          })
        : undefined;
    const councils = await db.selectFrom('councils').select('name').where('la_code', 'in', principal.laCodes.length ? principal.laCodes : ['']).execute();
    return reply.code(hasErrors(errors) ? 400 : 200).render('cases/timeliness.njk', {
      title: 'Timeliness',
      council: councils.map((c) => c.name).join(', '),
      errors,
      from,
      to,
      today: formatIsoDate(today),
      fromItems: dateItems(query, 'from', Boolean(errors.fields.from)),
      toItems: dateItems(query, 'to', Boolean(errors.fields.to)),
      figures,
    });
  });
}
