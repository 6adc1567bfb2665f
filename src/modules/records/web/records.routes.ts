import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { findDue } from '../application/retention-due.ts';
import { subjectAccessBundle } from '../application/subject-access.ts';
import { isRecordType, parseYears, RECORD_TYPE_NAMES } from '../domain/retention-rules.ts';
import { activeHolds, liftHold, placeHold, saveRule, StaleRuleError } from '../infrastructure/retention.repository.ts';

type Body = Record<string, string | string[] | undefined>;
const text = (body: Body | undefined, name: string): string => {
  const v = body?.[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_REASON = 2000;

/** The council this page works on: a SEND manager acts for one council. */
const councilOf = (p: Principal): string | undefined => p.laCodes[0];

interface PageInput {
  errors?: FormErrors;
  values?: Record<string, string>;
  saved?: string;
}

/**
 * Records administration for a council's SEND manager: retention rules, what is due for deletion
 * (the deletion itself is `opensend retention run`, a scheduled job), legal holds, and subject access
 * exports. Listing the due children shows names, so the view is audited like any record list.
 */
export function registerRecordsRoutes(app: FastifyInstance, db: Db): void {
  const scope = (p: Principal) => ({ laCodes: p.laCodes, userId: p.userId });

  async function renderPage(reply: FastifyReply, tx: Tx, principal: Principal, requestId: string, input: PageInput) {
    const la = councilOf(principal)!;
    const today = todayInEngland(new Date());
    const { rules, items } = await findDue(tx, la, today);
    const holds = await activeHolds(tx, la);
    await recordAudit(tx, { principal, requestId }, { laCode: la, action: 'view', recordType: 'retention-due-list', recordId: la, detail: { due: items.length, holds: holds.length } });
    return reply.render('records/admin.njk', {
      title: 'Retention, legal holds and subject access',
      errors: input.errors,
      values: input.values ?? {},
      saved: input.saved,
      rules: rules.map((r) => ({ ...r, name: RECORD_TYPE_NAMES[r.recordType], value: input.values?.[`years-${r.recordType}`] ?? String(r.yearsAfterBirth) })),
      due: items.filter((i) => !i.held),
      heldDue: items.filter((i) => i.held),
      holds,
    });
  }

  const page = (reply: FastifyReply, principal: Principal, requestId: string, input: PageInput) =>
    withTenant(db, scope(principal), (tx) => renderPage(reply, tx, principal, requestId, input));

  app.get<{ Querystring: { saved?: string } }>('/admin/records', { config: { access: 'audit:council' } }, async (req, reply) => {
    const principal = req.principal!;
    if (!councilOf(principal)) return reply.callNotFound();
    const saved = ['rule', 'hold', 'lifted'].includes(req.query.saved ?? '') ? req.query.saved : undefined;
    return page(reply, principal, req.id, saved ? { saved } : {});
  });

  app.post<{ Params: { recordType: string }; Body: Body }>('/admin/records/rules/:recordType', { config: { access: 'audit:council' } }, async (req, reply) => {
    const principal = req.principal!;
    const la = councilOf(principal);
    const recordType = req.params.recordType;
    if (!la || !isRecordType(recordType)) return reply.callNotFound();
    const field = `years-${recordType}`;
    const typed = text(req.body, field);
    const parsed = parseYears(typed);
    const expected = Number.parseInt(text(req.body, 'version'), 10);
    if ('error' in parsed) return page(reply.code(400), principal, req.id, { errors: addError(emptyErrors(), field, parsed.error), values: { [field]: typed } });
    const outcome = await withTenant(db, scope(principal), async (tx) => {
      try {
        const version = await saveRule(tx, { laCode: la, recordType, years: parsed.years, expectedVersion: Number.isFinite(expected) ? expected : -1, userId: principal.userId });
        await recordAudit(tx, { principal, requestId: req.id }, { laCode: la, action: 'update', recordType: 'retention-rule', recordId: recordType, detail: { yearsAfterBirth: parsed.years, version } });
        return 'saved' as const;
      } catch (e) {
        if (e instanceof StaleRuleError) return 'stale' as const;
        throw e;
      }
    });
    if (outcome === 'stale') {
      const errors = addError(emptyErrors(), field, 'Someone else changed this rule while you were working on it. Nothing has been saved. Check the period shown, then save again.');
      return page(reply.code(409), principal, req.id, { errors });
    }
    return reply.redirect('/admin/records?saved=rule', 303);
  });

  app.post<{ Body: Body }>('/admin/records/holds', { config: { access: 'audit:council' } }, async (req, reply) => {
    const principal = req.principal!;
    const la = councilOf(principal);
    if (!la) return reply.callNotFound();
    const reference = text(req.body, 'reference');
    const reason = text(req.body, 'reason');
    const values = { reference, reason };
    // The redirect goes out only after the hold has committed: the next page must show it.
    const outcome = await withTenant(db, scope(principal), async (tx) => {
      const errors = emptyErrors();
      if (!reference) addError(errors, 'reference', 'Enter the case reference of the child, like EHC-1');
      if (!reason) addError(errors, 'reason', 'Enter why the record must be kept');
      else if (reason.length > MAX_REASON) addError(errors, 'reason', `The reason must be ${MAX_REASON} characters or fewer`);
      const found = reference ? await tx.selectFrom('cases').select('child_id').where('la_code', '=', la).where('reference', '=', reference).executeTakeFirst() : undefined;
      if (reference && !found) addError(errors, 'reference', 'There is no case with that reference in your council');
      if (hasErrors(errors)) return renderPage(reply.code(400), tx, principal, req.id, { errors, values });
      const holdId = await placeHold(tx, { laCode: la, childId: found!.child_id, reason, userId: principal.userId });
      await recordAudit(tx, { principal, requestId: req.id }, { laCode: la, action: 'create', recordType: 'legal-hold', recordId: holdId, childId: found!.child_id });
      return 'placed' as const;
    });
    return outcome === 'placed' ? reply.redirect('/admin/records?saved=hold', 303) : outcome;
  });

  app.post<{ Params: { holdId: string }; Body: Body }>('/admin/records/holds/:holdId/lift', { config: { access: 'audit:council' } }, async (req, reply) => {
    const principal = req.principal!;
    const la = councilOf(principal);
    if (!la || !UUID.test(req.params.holdId)) return reply.callNotFound();
    const field = `lift-${req.params.holdId}`;
    const reason = text(req.body, field);
    if (!reason || reason.length > MAX_REASON) {
      const message = reason ? `The reason must be ${MAX_REASON} characters or fewer` : 'Enter why the hold is being lifted';
      return page(reply.code(400), principal, req.id, { errors: addError(emptyErrors(), field, message), values: { [field]: reason } });
    }
    const lifted = await withTenant(db, scope(principal), async (tx) => {
      const done = await liftHold(tx, { laCode: la, holdId: req.params.holdId, reason, userId: principal.userId });
      if (done) await recordAudit(tx, { principal, requestId: req.id }, { laCode: la, action: 'update', recordType: 'legal-hold', recordId: req.params.holdId, childId: done.childId, detail: { lifted: true } });
      return done;
    });
    if (!lifted) return reply.callNotFound();
    return reply.redirect('/admin/records?saved=lifted', 303);
  });

  // Find a child for a subject access request by case reference, then download the bundle.
  app.get<{ Querystring: { reference?: string } }>('/admin/subject-access', { config: { access: 'audit:council' } }, async (req, reply) => {
    const principal = req.principal!;
    const la = councilOf(principal);
    if (!la) return reply.callNotFound();
    const reference = (req.query.reference ?? '').trim();
    const found = reference
      ? await withTenant(db, scope(principal), (tx) => tx.selectFrom('cases').select('child_id').where('la_code', '=', la).where('reference', '=', reference).executeTakeFirst())
      : undefined;
    if (found) return reply.redirect(`/admin/subject-access/${found.child_id}`, 303);
    const errors = addError(emptyErrors(), 'sar-reference', reference ? 'There is no case with that reference in your council' : 'Enter the case reference of the child, like EHC-1');
    return page(reply.code(400), principal, req.id, { errors, values: { 'sar-reference': reference } });
  });

  app.get<{ Params: { childId: string } }>('/admin/subject-access/:childId', { config: { access: 'audit:council' } }, async (req, reply) => {
    const principal = req.principal!;
    const la = councilOf(principal);
    if (!la || !UUID.test(req.params.childId)) return reply.callNotFound();
    const bundle = await withTenant(db, scope(principal), async (tx) => {
      const b = await subjectAccessBundle(tx, la, req.params.childId, new Date());
      if (b) {
        await recordAudit(tx, { principal, requestId: req.id }, {
          laCode: la, action: 'export', recordType: 'subject-access', recordId: req.params.childId, childId: req.params.childId, detail: { via: 'web', rows: b.counts },
        });
      }
      return b;
    });
    if (!bundle) return reply.callNotFound();
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="subject-access-${la}-${req.params.childId}.json"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(bundle, null, 2));
  });
}
