import type { FastifyInstance } from 'fastify';
import { formatIsoDate } from '../../../platform/calendar/index.ts';
import { readWithTenant, withTenant, type Db } from '../../../platform/db/connection.ts';
import { addError, emptyErrors, hasErrors } from '../../../platform/web/form-errors.ts';
import { ROLE_NAMES } from '../../../platform/identity/roles.ts';
import { can } from '../../../platform/identity/principal.ts';
import { councilSeries, councilSeriesWithAge } from '../application/council-indicators.ts';
import { COST_PER_PLAN_DEFINITION, costPerPlanSeries, recentFinancialYears } from '../application/cost-per-plan.ts';
import { indicatorsCsv } from '../domain/csv-writer.ts';
import { findIndicator, INDICATORS } from '../domain/indicator-catalogue.ts';
import { isGranularity, type Granularity } from '../domain/periods.ts';
import { releaseCouncilValues } from '../domain/released-values.ts';
import { addNarrative, latestNarratives } from '../infrastructure/narrative.repository.ts';
import { breakdownTables, indicatorCard, rememberedDashboardCards } from './dashboard.presenter.ts';
import { benchmarkContext, councilOf, requestContext } from './insight-context.ts';

const NARRATIVE_MAX = 5000;

/** The council's own dashboard: live indicators beside England, its region and its neighbours. */
export function registerInsightRoutes(app: FastifyInstance, db: Db): void {
  // Parse the DfE release (about a second) at start-up rather than on the first visit.
  void benchmarkContext('000').catch(() => undefined);
  type Q = { Querystring: { la?: string; granularity?: string } };

  app.get<Q>('/insight', { config: { access: 'insight:local' } }, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal, req.query.la);
    if (!laCode) return reply.callNotFound();
    const ctx = requestContext();
    const scope = { laCodes: principal.laCodes, userId: principal.userId };
    const [series, narratives, bench, council, money] = await Promise.all([
      councilSeriesWithAge(db, scope, laCode, 'year', ctx.asOf, ctx.clock, { staleOk: true }),
      readWithTenant(db, scope, (q) => latestNarratives(q, laCode)),
      benchmarkContext(laCode),
      db.selectFrom('councils').select(['name', 'region_name']).where('la_code', '=', laCode).executeTakeFirst(),
      costPerPlanSeries(db, laCode, recentFinancialYears(ctx.asOf)),
    ]);
    return reply.render('insight/dashboard.njk', {
      money: { definition: COST_PER_PLAN_DEFINITION, rows: money, financeLink: can(principal, 'finance:view') },
      title: 'How the local area is doing',
      councilName: council?.name ?? laCode,
      asOf: series.asOf,
      updating: !series.current,
      cards: rememberedDashboardCards(series.payload, bench, narratives, ctx.completeYear),
      neighbours: bench.neighbours.map((g) => g.name),
      neighbourBasis: bench.basis,
    });
  });

  app.get<Q>('/insight/download.csv', { config: { access: 'insight:local' } }, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal, req.query.la);
    if (!laCode) return reply.callNotFound();
    const granularity: Granularity = isGranularity(req.query.granularity) ? req.query.granularity : 'year';
    const ctx = requestContext();
    const scope = { laCodes: principal.laCodes, userId: principal.userId };
    const payload = await councilSeries(db, scope, laCode, granularity, ctx.asOf, ctx.clock);
    const narratives = await readWithTenant(db, scope, (q) => latestNarratives(q, laCode));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="indicators-${laCode}-${granularity}.csv"`)
      .send(indicatorsCsv(releaseCouncilValues(payload.values), narratives));
  });

  app.get<Q & { Params: { indicatorId: string } }>('/insight/:indicatorId', { config: { access: 'insight:local' } }, async (req, reply) => {
    const principal = req.principal!;
    const def = findIndicator(req.params.indicatorId);
    const laCode = councilOf(principal, req.query.la);
    if (!def || !laCode) return reply.callNotFound();
    return renderDetail(req.query.granularity, def.id, laCode, principal, reply, {});
  });

  app.post<{ Params: { indicatorId: string }; Body: { narrative?: string } }>(
    '/insight/:indicatorId/narrative',
    { config: { access: 'insight:local' } },
    async (req, reply) => {
      const principal = req.principal!;
      const def = findIndicator(req.params.indicatorId);
      const laCode = principal.laCodes[0];
      if (!def || !laCode) return reply.callNotFound();
      // The partnership's account is the SEND manager's to give; other staff may read it.
      if (principal.role !== 'send-manager') return reply.code(403).render('errors/403.njk', { title: 'You cannot do this' });
      // A form can repeat a field (an array) and JSON can send anything: only a string is a narrative.
      const given: unknown = req.body?.narrative;
      const body = (typeof given === 'string' ? given : '').trim();
      const errors = emptyErrors();
      if (body === '') addError(errors, 'narrative', 'Enter what lies behind this figure and what is being done');
      else if (body.length > NARRATIVE_MAX) addError(errors, 'narrative', `The narrative must be ${NARRATIVE_MAX.toLocaleString('en-GB')} characters or fewer`);
      if (hasErrors(errors)) return renderDetail(undefined, def.id, laCode, principal, reply.code(400), { errors, values: { narrative: body } });
      const ctx = requestContext();
      await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) =>
        addNarrative(tx, { laCode, indicatorId: def.id, body, writtenOn: formatIsoDate(ctx.asOf), authorUserId: principal.userId, authorName: principal.displayName, authorRole: ROLE_NAMES[principal.role] }),
      );
      return reply.redirect(`/insight/${def.id}#narrative`, 303);
    },
  );

  async function renderDetail(
    asked: string | undefined,
    indicatorId: string,
    laCode: string,
    principal: NonNullable<import('fastify').FastifyRequest['principal']>,
    reply: import('fastify').FastifyReply,
    extra: Record<string, unknown>,
  ) {
    const def = INDICATORS.find((i) => i.id === indicatorId)!;
    const granularity: Granularity = isGranularity(asked) ? asked : 'year';
    const ctx = requestContext();
    const scope = { laCodes: principal.laCodes, userId: principal.userId };
    const [payload, yearly, narratives, bench] = await Promise.all([
      councilSeries(db, scope, laCode, granularity, ctx.asOf, ctx.clock),
      councilSeries(db, scope, laCode, 'year', ctx.asOf, ctx.clock),
      readWithTenant(db, scope, (q) => latestNarratives(q, laCode)),
      benchmarkContext(laCode),
    ]);
    const card = indicatorCard(def, payload, bench, narratives.get(def.id), granularity === 'year' ? ctx.completeYear : '9999');
    const latestKey = payload.periods.at(-1)?.key ?? '';
    return reply.render('insight/indicator.njk', {
      title: def.name,
      card,
      comparison: indicatorCard(def, yearly, bench, undefined, ctx.completeYear).comparison,
      granularity,
      granularities: [
        { value: 'month', text: 'Month' }, { value: 'quarter', text: 'Quarter' }, { value: 'year', text: 'Year' },
      ].map((g) => ({ ...g, checked: g.value === granularity })),
      breakdowns: breakdownTables(def, payload, latestKey, bench),
      latestLabel: payload.periods.at(-1)?.label,
      canWrite: principal.role === 'send-manager',
      backLink: '/insight',
      ...extra,
    });
  }
}
