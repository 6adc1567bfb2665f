import type { FastifyInstance } from 'fastify';
import { todayInEngland, yearOf } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { loadDisputeViews } from '../application/dispute-views.ts';
import { analyseDisputes, totalAppealable } from '../domain/dispute-analysis.ts';
import { DECISION_NAMES } from '../domain/dispute-events.ts';
import type { AppealRateFigure } from '../domain/appeal-rate-benchmarks.ts';
import { appealRateBenchmarks } from '../infrastructure/appeal-rate.loader.ts';
import { appealableDecisions } from '../infrastructure/appealable-decisions.query.ts';
import { OUTCOME_NAMES, sectionName } from './dispute-labels.ts';

const thousands = (n: number | undefined): string | undefined => n?.toLocaleString('en-GB');
const figure = (f: AppealRateFigure | undefined) => f && { ...f, appeals: thousands(f.appeals), decisions: thousands(f.decisions) };

/** Where disputes come from and how they end, for one calendar year, beside the published rates. */
export function registerDisputeAnalysisRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { year?: string } }>('/disputes/analysis', { config: { access: 'case:manage' } }, async (req, reply) => {
    const principal = req.principal!;
    const today = todayInEngland(new Date());
    const thisYear = yearOf(today);
    const asked = Number.parseInt(req.query.year ?? '', 10);
    const year = Number.isInteger(asked) && asked >= 2014 && asked <= thisYear ? asked : thisYear;
    const { views, decisions } = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => ({
      views: await loadDisputeViews(tx, {}, today),
      decisions: await appealableDecisions(tx, principal.laCodes, year),
    }));
    const a = analyseDisputes(views.map((v) => v.state), decisions, year);
    const table = appealRateBenchmarks();
    const council = principal.laCodes[0] ? table?.byLa.get(principal.laCodes[0]) : undefined;
    const benchmarkYear = table?.latestYear;
    return reply.render('disputes/analysis.njk', {
      title: 'Disputes analysis',
      backLink: '/disputes',
      a,
      year,
      years: Array.from({ length: 4 }, (_, i) => thisYear - i).map((y) => ({ value: String(y), text: String(y), selected: y === year })),
      totalDecisions: thousands(totalAppealable(decisions)),
      bySection: a.bySection.map((r) => ({ ...r, name: sectionName(r.section), outcomeCells: Object.keys(OUTCOME_NAMES).map((k) => r.outcomes[k as keyof typeof r.outcomes]) })),
      outcomeNames: Object.values(OUTCOME_NAMES),
      byDecision: a.byDecision.map((r) => ({ ...r, name: DECISION_NAMES[r.kind] })),
      benchmark: benchmarkYear
        ? { year: benchmarkYear, national: figure(table!.national.get(benchmarkYear)), councilName: council?.name, council: figure(council?.figures.get(benchmarkYear)) }
        : undefined,
    });
  });
}
