import { formatIsoDate, yearOf, type LocalDate } from '../../../platform/calendar/index.ts';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import { caseCalendar } from '../../cases/index.ts';
import { analyseDisputes, appealableDecisions, loadDisputeViews } from '../../disputes/index.ts';
import { categoryLabel, councilRange, lastCompleteYear, latestNarratives, statutoryDeadlines, type IndicatorValue } from '../../insight/index.ts';
import { countServices, listApPlacements, summariseAp } from '../../provision/index.ts';
import type { CategoryCount, DisputeFigures, IndicatorFigure, PlanningFacts } from '../domain/planning-facts.ts';
import { councilNameOf, readPriorities, readSelfEvaluation } from '../infrastructure/planning.repository.ts';
import { settingsByKind } from '../infrastructure/settings-by-kind.query.ts';
import { readFinance } from './finance-figures.ts';

let clock: ReturnType<typeof statutoryDeadlines> | undefined;
const AGE_BANDS = ['0-4', '5-10', '11-15', '16-19', '20-25'];

export interface GatherScope {
  laCode: string;
  userId?: string;
}

/**
 * Everything both documents are built from, for one council, read through the other modules'
 * public faces under row-level security scoped to that council alone. The reporting period is the
 * last complete calendar year (the DfE flow year), as insight's default.
 */
export async function gatherPlanningFacts(db: Db, scope: GatherScope, today: LocalDate): Promise<PlanningFacts> {
  const { laCode } = scope;
  const tenant = { laCodes: [laCode], ...(scope.userId ? { userId: scope.userId } : {}) };
  const period = lastCompleteYear(today);
  clock ??= statutoryDeadlines(caseCalendar());
  const todayIso = formatIsoDate(today);
  const year = yearOf(period.to);
  // Three independent reads, each on its own connection: the indicators, finance, and the rest.
  const [values, finance, rest] = await Promise.all([
    councilRange(db, tenant, laCode, period.from, period.to, today, clock),
    readFinance(db, laCode, today),
    withTenant(db, tenant, async (tx) => ({
      councilName: await councilNameOf(tx, laCode),
      narratives: await latestNarratives(tx, laCode),
      settings: await settingsByKind(tx, laCode, todayIso),
      localOfferServices: await countServices(tx, laCode),
      ap: summariseAp(await listApPlacements(tx), todayIso).all,
      disputes: await disputeFigures(tx, laCode, year, today),
      priorities: await readPriorities(tx, laCode),
      selfEvaluation: await readSelfEvaluation(tx, laCode),
    })),
  ]);
  const indicators: Record<string, IndicatorFigure> = {};
  for (const v of values) if (!v.breakdown) indicators[v.indicatorId] = { numerator: v.numerator, denominator: v.denominator };

  return {
    laCode,
    councilName: rest.councilName,
    today: todayIso,
    period: { label: String(year), from: formatIsoDate(period.from), to: formatIsoDate(period.to) },
    indicators,
    narratives: Object.fromEntries([...rest.narratives].map(([id, n]) => [id, { body: n.body, writtenOn: n.writtenOn, authorName: n.authorName, authorRole: n.authorRole }])),
    plansByAge: AGE_BANDS.map((b) => ({ category: b, label: `Aged ${categoryLabel('age-band', b)}`, count: breakdown(values, 'age-band').get(b) ?? 0 })),
    plansByNeed: byCount(breakdown(values, 'primary-need'), 'primary-need'),
    plansBySetting: byCount(breakdown(values, 'setting-type'), 'setting-type'),
    settings: rest.settings,
    localOfferServices: rest.localOfferServices,
    ap: { total: rest.ap.total, open: rest.ap.open, ended: rest.ap.ended, returnedToMainstream: rest.ap.outcomes['returned-to-mainstream'] },
    disputes: rest.disputes,
    finance,
    priorities: rest.priorities,
    selfEvaluation: rest.selfEvaluation,
  };
}

function breakdown(values: readonly IndicatorValue[], id: 'age-band' | 'primary-need' | 'setting-type'): Map<string, number> {
  return new Map(values.filter((v) => v.indicatorId === 'plans-in-place' && v.breakdown?.id === id).map((v) => [v.breakdown!.category, v.numerator]));
}

function byCount(counts: Map<string, number>, id: 'primary-need' | 'setting-type'): CategoryCount[] {
  // Categories with no plans are left out: a long list of zeros hides the ones that matter.
  return [...counts].filter(([, count]) => count > 0).map(([category, count]) => ({ category, label: categoryLabel(id, category), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

async function disputeFigures(tx: Tx, laCode: string, year: number, today: LocalDate): Promise<DisputeFigures> {
  const views = await loadDisputeViews(tx, {}, today);
  const decisions = await appealableDecisions(tx, [laCode], year);
  const a = analyseDisputes(views.map((v) => v.state), decisions, year);
  const d = a.appealableDecisions;
  return {
    year,
    disputesOpened: a.disputesOpened,
    mediationsHeld: a.mediationsHeld,
    appealsRegistered: a.appealsRegistered,
    appealableDecisions: d.refusedToAssess + d.notToIssue + d.plansHeldInJanuary + d.ceased,
    bySection: a.bySection.map((r) => ({
      section: r.section,
      label: r.section === 'decision' ? 'The decision itself' : `Section ${r.section}`,
      grounds: r.grounds,
      decided: r.decided,
      familySucceeded: r.outcomes.upheld + r.outcomes['partly-upheld'] + r.outcomes.conceded,
    })),
  };
}
