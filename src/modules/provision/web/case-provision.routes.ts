import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { findCase } from '../../cases/index.ts';
import { SEN2_NEED_CODES } from '../../plans/index.ts';
import { checkAgainstPlan, sortHistory } from '../domain/placement-history.ts';
import { SETTING_KIND_NAMES } from '../domain/setting-kinds.ts';
import { ageOn, buildTailoredList } from '../domain/tailored-list.ts';
import { findChild, issuedPlans, latestIssuedEvents, namedInPlan, placementHistory } from '../infrastructure/placements.repository.ts';
import { coordinatesFor, currentPupilCounts, listSettings } from '../infrastructure/settings.repository.ts';
import { isUuid, scopeOf, todayIso } from './web-helpers.ts';

/** A child's placements and a case's tailored list: both read a child's record, so both are audited. */
export function registerCaseProvisionRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { childId: string } }>('/provision/children/:childId/placements', { config: { access: 'provision:view' } }, async (req, reply) => {
    if (!isUuid(req.params.childId)) return reply.callNotFound();
    const today = todayIso();
    const found = await withTenant(db, scopeOf(req), async (tx) => {
      const child = await findChild(tx, req.params.childId);
      if (!child) return undefined;
      await recordAudit(tx, { principal: req.principal, requestId: req.id }, { laCode: child.laCode, action: 'view', recordType: 'placements', recordId: child.id, childId: child.id });
      const history = await placementHistory(tx, child.id);
      const cases = await tx.selectFrom('cases').select(['id', 'reference']).where('child_id', '=', child.id).orderBy('reference').execute();
      return { child, cases, history: sortHistory(history), check: checkAgainstPlan(history, await namedInPlan(tx, child.id), today) };
    });
    if (!found) return reply.callNotFound();
    return reply.render('provision/child-placements.njk', { title: `Placements: ${found.child.givenName} ${found.child.familyName}`, ...found, today, kindNames: SETTING_KIND_NAMES });
  });

  app.get<{ Params: { caseId: string }; Querystring: { need?: string } }>('/cases/:caseId/tailored-list', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const today = todayIso();
    const asked = req.query.need && (SEN2_NEED_CODES as readonly string[]).includes(req.query.need) ? req.query.need : null;
    const found = await withTenant(db, scopeOf(req), async (tx) => {
      const record = await findCase(tx, req.params.caseId);
      if (!record) return undefined;
      await recordAudit(tx, { principal: req.principal, requestId: req.id }, { laCode: record.laCode, action: 'view', recordType: 'tailored-list', recordId: record.id, childId: record.child.id });
      const plan = (await issuedPlans(tx, record.child.id)).get(record.child.id);
      const event = (await latestIssuedEvents(tx, record.child.id)).get(record.child.id);
      const recorded = plan?.primaryNeed ?? event?.primaryNeed ?? null;
      const [settings, counts] = await Promise.all([listSettings(tx), currentPupilCounts(tx, today)]);
      const coords = await coordinatesFor(tx, [record.child.postcode, ...settings.map((s) => s.postcode)].filter((p): p is string => !!p));
      const need = asked ?? recorded;
      const home = record.child.postcode ? coords.get(record.child.postcode) ?? null : null;
      const age = ageOn(record.child.dateOfBirth, today);
      return { record, need, recorded, age, home, entries: buildTailoredList({ age, primaryNeed: need, home }, settings, counts, coords) };
    });
    if (!found) return reply.callNotFound();
    return reply.render('provision/tailored-list.njk', {
      title: `Suitable settings for ${found.record.child.givenName} ${found.record.child.familyName}`, ...found, needs: SEN2_NEED_CODES, kindNames: SETTING_KIND_NAMES,
    });
  });
}
