import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { can } from '../../../platform/identity/principal.ts';
import { addError, emptyErrors, hasErrors } from '../../../platform/web/form-errors.ts';
import { councilCosts } from '../application/council-costs.ts';
import { AP_OUTCOME_NAMES, AP_OUTCOMES, AP_TIER_NAMES, isApOutcome, isApTier, summariseAp } from '../domain/ap-outcomes.ts';
import { SETTING_KIND_NAMES } from '../domain/setting-kinds.ts';
import { financialYearOf } from '../domain/tariff-costing.ts';
import { findApPlacement, listApPlacements, recordApOutcome, recordApPlacement, recordApReview } from '../infrastructure/ap.repository.ts';
import { loadBands, loadFundingElements } from '../infrastructure/costs.repository.ts';
import { findChild } from '../infrastructure/placements.repository.ts';
import { listSettings } from '../infrastructure/settings.repository.ts';
import { dateFromParts, isUuid, pounds, scopeOf, todayIso } from './web-helpers.ts';

type Body = Record<string, string | undefined>;
const COSTS_PER_PAGE = 50;

/** Alternative provision (three tiers) and the cost of every plan. */
export function registerApAndCostRoutes(app: FastifyInstance, db: Db): void {
  const render = async (req: FastifyRequest, errors = emptyErrors(), values: Body = {}) => {
    const today = todayIso();
    const { placements, apSettings } = await withTenant(db, scopeOf(req), async (tx) => ({
      placements: await listApPlacements(tx), apSettings: await listSettings(tx, { kind: 'alternative-provision' }),
    }));
    return { title: 'Alternative provision', placements, apSettings, summary: summariseAp(placements, today),
      tierNames: AP_TIER_NAMES, outcomeNames: AP_OUTCOME_NAMES, outcomes: AP_OUTCOMES, errors, values, canManage: can(req.principal, 'provision:manage') };
  };

  app.get('/provision/ap', { config: { access: 'provision:view' } }, async (req, reply) => reply.render('provision/ap.njk', await render(req)));

  app.post<{ Body: Body }>('/provision/ap/placements', { config: { access: 'provision:manage' } }, async (req, reply) => {
    // A field sent twice arrives as an array: keep only the fields that are strings.
    const b: Body = Object.fromEntries(Object.entries(req.body ?? {}).filter(([, v]) => typeof v === 'string'));
    const errors = emptyErrors();
    const tier = Number(b.tier);
    if (!b.childId || !isUuid(b.childId)) addError(errors, 'childId', 'Enter the child’s record number');
    if (!isApTier(tier)) addError(errors, 'tier', 'Select the tier of alternative provision');
    if (!b.settingId || !isUuid(b.settingId)) addError(errors, 'settingId', 'Select the alternative provision setting');
    if (!b.reason?.trim()) addError(errors, 'reason', 'Enter the reason for the referral');
    const startsOn = dateFromParts(b, 'startsOn');
    if (!startsOn) addError(errors, 'startsOn', 'Start date must be a real date', 'startsOn-day');
    const plannedReturnOn = dateFromParts(b, 'plannedReturnOn');
    if (tier === 2 && !plannedReturnOn) addError(errors, 'plannedReturnOn', 'Enter the planned return date: a tier 2 placement is time-limited', 'plannedReturnOn-day');
    if (startsOn && plannedReturnOn && plannedReturnOn <= startsOn) addError(errors, 'plannedReturnOn', 'Planned return date must be after the start date', 'plannedReturnOn-day');
    if (!hasErrors(errors)) {
      const saved = await withTenant(db, scopeOf(req), async (tx) => {
        const child = await findChild(tx, b.childId!);
        if (!child) return false;
        const id = await recordApPlacement(tx, { laCode: child.laCode, childId: child.id, tier: tier as 1 | 2 | 3, referredOn: startsOn!, reason: b.reason!.trim(), settingId: b.settingId!, startsOn: startsOn!, plannedReturnOn: tier === 2 ? plannedReturnOn : null });
        await recordAudit(tx, { principal: req.principal, requestId: req.id }, { laCode: child.laCode, action: 'create', recordType: 'ap-placement', recordId: id, childId: child.id });
        return true;
      }).catch(() => false);
      if (saved) return reply.redirect('/provision/ap', 303);
      addError(errors, 'childId', 'No child with that record number in your council');
    }
    return reply.code(400).render('provision/ap.njk', await render(req, errors, b));
  });

  app.post<{ Params: { id: string }; Body: Body }>('/provision/ap/placements/:id/review', { config: { access: 'provision:manage' } }, async (req, reply) => {
    const b = req.body ?? {};
    const on = dateFromParts(b, 'reviewedOn') ?? todayIso();
    const ok = isUuid(req.params.id) && await withTenant(db, scopeOf(req), async (tx) => {
      const p = await findApPlacement(tx, req.params.id);
      if (!p) return false;
      if (b.outcome && isApOutcome(b.outcome)) await recordApOutcome(tx, req.params.id, on < p.startsOn ? p.startsOn : on, b.outcome, b.note?.trim() || null);
      if (b.note?.trim()) await recordApReview(tx, p.laCode, req.params.id, on, b.note.trim());
      await recordAudit(tx, { principal: req.principal, requestId: req.id }, { laCode: p.laCode, action: 'update', recordType: 'ap-placement', recordId: req.params.id, childId: p.childId });
      return true;
    });
    if (!ok) return reply.callNotFound();
    return reply.redirect('/provision/ap', 303);
  });

  app.get<{ Querystring: { page?: string } }>('/provision/costs', { config: { access: 'provision:view' } }, async (req, reply) => {
    const period = financialYearOf(todayIso());
    const { costs, bands, elements } = await withTenant(db, scopeOf(req), async (tx) => ({ costs: await councilCosts(tx, period), bands: await loadBands(tx), elements: await loadFundingElements(tx) }));
    // Every plan is in the totals; the table of plans is shown a page at a time.
    const pages = Math.max(1, Math.ceil(costs.children.length / COSTS_PER_PAGE));
    const page = Math.min(pages, Math.max(1, Number.parseInt(req.query.page ?? '1', 10) || 1));
    const shown = costs.children.slice((page - 1) * COSTS_PER_PAGE, page * COSTS_PER_PAGE);
    return reply.render('provision/costs.njk', { title: pages > 1 ? `Cost of plans (page ${page} of ${pages})` : 'Cost of plans', period, costs, shown, page, pages, firstShown: (page - 1) * COSTS_PER_PAGE + 1, bands, elements, pounds, kindNames: SETTING_KIND_NAMES });
  });
}
