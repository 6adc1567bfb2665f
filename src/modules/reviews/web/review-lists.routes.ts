import type { FastifyInstance } from 'fastify';
import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { can } from '../../../platform/identity/principal.ts';
import { addError, emptyErrors, hasErrors } from '../../../platform/web/form-errors.ts';
import { caseCalendar } from '../../cases/index.ts';
import { phaseTransferCohorts } from '../application/phase-transfer-tracker.ts';
import { applyFilter, isReviewFilter, REVIEW_FILTERS, summarisePlans, type ReviewSummary } from '../application/review-summaries.ts';
import { nextTransferYear } from '../domain/school-year.ts';
import { plansWithEvents, reviewSettings, saveReviewSettings } from '../infrastructure/living-plans.query.ts';
import { field, type Body } from './date-fields.ts';
import { tag } from './review-presenter.ts';

/** A row of the reviews list (and the SENCO's tray): who, where, what is next and by when. */
export function reviewRow(r: ReviewSummary, href: string | undefined) {
  const next = r.next;
  return {
    href,
    childName: `${r.plan.child.givenName} ${r.plan.child.familyName}`,
    reference: r.plan.reference,
    laCode: r.plan.laCode,
    setting: r.plan.setting?.name ?? 'No current placement',
    lastReviewOn: r.state.lastReviewOn,
    reviewDueIso: r.reviewDueIso,
    underFive: r.state.underFiveTarget !== undefined,
    meetingOn: r.state.current?.meetingOn,
    next: next ? { title: next.title, dueIso: next.dueIso, tag: tag(next.status) } : undefined,
    overdue: r.overdue,
  };
}

/** Rows shown at once: the most pressing first, so the page stays quick to read (and to load). */
const LIST_LIMIT = 50;

/** The council's reviews, the phase-transfer tracker and the council's review settings. */
export function registerReviewListRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { show?: string } }>('/reviews', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const today = todayInEngland(new Date());
    const filter = isReviewFilter(req.query.show ?? '') ? (req.query.show as Parameters<typeof applyFilter>[1]) : 'all';
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const plans = await plansWithEvents(tx, { laCodes: principal.laCodes });
      const months = new Map<string, number>();
      for (const la of principal.laCodes) months.set(la, (await reviewSettings(tx, la)).underFiveMonths);
      return summarisePlans(plans, { today, calendar: caseCalendar(), underFiveMonths: settingFor(months) });
    });
    const shown = applyFilter(data, filter);
    return reply.render('reviews/reviews-list.njk', {
      title: 'Annual reviews',
      filters: REVIEW_FILTERS.map((f) => ({ ...f, selected: f.value === filter })),
      counts: { all: data.length, overdue: data.filter((r) => r.overdue).length, dueSoon: data.filter((r) => r.dueSoon).length },
      rows: shown.slice(0, LIST_LIMIT).map((r) => reviewRow(r, `/cases/${r.plan.caseId}/reviews`)),
      more: Math.max(0, shown.length - LIST_LIMIT),
      canManage: can(principal, 'case:manage'),
    });
  });

  app.get<{ Querystring: { year?: string; route?: string } }>('/phase-transfers', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const today = todayInEngland(new Date());
    const first = nextTransferYear(today);
    const years = [first, first + 1];
    const year = years.includes(Number(req.query.year)) ? Number(req.query.year) : first;
    const laCode = principal.laCodes[0];
    if (!laCode) return reply.callNotFound();
    const data = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const settings = await reviewSettings(tx, laCode);
      const plans = await plansWithEvents(tx, { laCodes: [laCode] });
      return { settings, cohorts: phaseTransferCohorts(plans, { transferYear: year, today, calendar: caseCalendar(), atRiskWeeks: settings.atRiskWeeks, underFiveMonths: settings.underFiveMonths }) };
    });
    return reply.render('reviews/phase-transfers.njk', {
      title: 'Phase transfers',
      year,
      today: formatIsoDate(today),
      years: years.map((y) => ({ value: String(y), text: `September ${y}`, selected: y === year })),
      atRiskWeeks: data.settings.atRiskWeeks,
      cohorts: data.cohorts.map((c) => ({
        ...c,
        total: c.members.length,
        showAllHref: `/phase-transfers?year=${year}&route=${c.route}`,
        members: c.members.slice(0, req.query.route === c.route ? undefined : LIST_LIMIT / 2).map((m) => ({
          href: `/cases/${m.plan.caseId}/reviews`, childName: `${m.plan.child.givenName} ${m.plan.child.familyName}`, reference: m.plan.reference,
          dateOfBirth: m.plan.child.dateOfBirth, yearGroupNow: m.yearGroupNow, setting: m.plan.setting?.name ?? 'No current placement',
          named: m.named, atRisk: m.atRisk, overdue: m.overdue,
        })),
      })),
    });
  });

  app.get('/reviews/settings', { config: { access: 'case:manage' } }, async (req, reply) => {
    const principal = req.principal!;
    const laCode = principal.laCodes[0];
    if (!laCode) return reply.callNotFound();
    const settings = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) => reviewSettings(tx, laCode));
    return reply.render('reviews/review-settings.njk', { title: 'Review settings', values: { underFiveMonths: String(settings.underFiveMonths), atRiskWeeks: String(settings.atRiskWeeks) }, errors: emptyErrors() });
  });

  app.post<{ Body: Body }>('/reviews/settings', { config: { access: 'case:manage' } }, async (req, reply) => {
    const principal = req.principal!;
    const laCode = principal.laCodes[0];
    if (!laCode) return reply.callNotFound();
    const body = req.body ?? {};
    const errors = emptyErrors();
    const months = Number(field(body, 'underFiveMonths'));
    const weeks = Number(field(body, 'atRiskWeeks'));
    if (!Number.isInteger(months) || months < 3 || months > 6) addError(errors, 'underFiveMonths', 'Select how often to review plans for children under 5');
    if (!/^\d+$/.test(field(body, 'atRiskWeeks')) || weeks < 1 || weeks > 26) addError(errors, 'atRiskWeeks', 'Enter a whole number of weeks between 1 and 26');
    if (hasErrors(errors)) return reply.code(400).render('reviews/review-settings.njk', { title: 'Review settings', values: body, errors });
    await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) => saveReviewSettings(tx, laCode, { underFiveMonths: months, atRiskWeeks: weeks }));
    return reply.redirect('/reviews?saved=settings', 303);
  });
}

/** Every council in scope has its settings loaded first, so a missing one is a programming error. */
export function settingFor(months: ReadonlyMap<string, number>): (laCode: string) => number {
  return (laCode) => {
    const m = months.get(laCode);
    if (m === undefined) throw new Error(`No review settings loaded for council ${laCode}`);
    return m;
  };
}
