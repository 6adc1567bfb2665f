import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readWithTenant, withTenant, type Db } from '../../../platform/db/connection.ts';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { caseForStaff, type CaseForPlan } from '../application/plan-access.ts';
import { newDraftDocument } from '../application/new-draft.ts';
import { startAmendmentDraft } from '../application/amendment-draft.ts';
import { notifyPlanIssued } from '../application/plan-issued-event.ts';
import { SEN2_NEED_CODES, type Sen2NeedCode } from '../domain/plan-document.ts';
import { issuePlan, PlanNotReadyToIssueError } from '../domain/plan-editing.ts';
import { validatePlanDocument } from '../domain/plan-validator.ts';
import { createPlan, findPlanOfCase, findVersionOfCase, listVersions, markIssued } from '../infrastructure/plan.repository.ts';
import { overviewModel, sectionHref } from './plan-overview-model.ts';
import { auditPlan, auditPlanView, body, issuerOf, parseVersion, principalOf, scopeOf, text, todayIso } from './plan-web-helpers.ts';

type CaseReq = FastifyRequest<{ Params: { caseId: string }; Querystring: { issued?: string } }> | FastifyRequest<{ Params: { caseId: string } }>;

/** The plan of a case: overview, starting the first draft, issuing, and starting the next version. */
export function registerPlanOverviewRoutes(app: FastifyInstance, db: Db): void {
  async function showOverview(req: CaseReq, reply: FastifyReply, errors: FormErrors = emptyErrors(), status = 200) {
    const principal = principalOf(req);
    // A plain read on a scoped connection; the view is audited before the page is sent.
    const page = await readWithTenant(db, scopeOf(principal), async (q) => {
      const theCase = await caseForStaff(q, req.params.caseId);
      if (!theCase) return undefined;
      const plan = await findPlanOfCase(q, theCase.caseId);
      if (!plan) return { theCase, plan };
      const latest = await findVersionOfCase(q, theCase.caseId, 'latest');
      return { theCase, plan, latest, versions: await listVersions(q, plan) };
    });
    if (!page) return reply.callNotFound();
    const { theCase } = page;
    await auditPlanView(db, req, { laCode: theCase.laCode, childId: theCase.child.id, planId: page.plan?.planId ?? theCase.caseId, action: 'view', detail: { page: 'plan-overview' } });
    const common = { theCase, backLink: `/cases/${theCase.caseId}/record`, errors };
    if (!page.latest || !page.versions) {
      return reply.code(status).render('plans/plan-start.njk', { ...common, title: `Start a draft plan for ${theCase.child.givenName}`, needCodes: SEN2_NEED_CODES, values: body(req) });
    }
    return reply.code(status).render('plans/plan-overview.njk', {
      ...common,
      title: `EHC plan for ${theCase.child.givenName} ${theCase.child.familyName}`,
      plan: page.latest.document,
      issuedVersion: parseVersion((req.query as { issued?: string }).issued),
      ...overviewModel(theCase.caseId, page.latest.document, page.versions, todayIso()),
    });
  }

  app.get<{ Params: { caseId: string }; Querystring: { issued?: string } }>('/cases/:caseId/plan', { config: { access: 'caseload:view' } }, (req, reply) => showOverview(req, reply));

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/plan', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = principalOf(req);
    const primaryNeed = text(body(req).primaryNeed);
    if (!(SEN2_NEED_CODES as readonly string[]).includes(primaryNeed)) {
      return showOverview(req, reply, addError(emptyErrors(), 'primaryNeed', 'Select the primary need'), 400);
    }
    const created = await withTenant(db, scopeOf(principal), async (tx) => {
      const theCase = await caseForStaff(tx, req.params.caseId);
      if (!theCase) return undefined;
      if (await findPlanOfCase(tx, theCase.caseId)) return theCase; // started meanwhile: show it
      const council = await tx.selectFrom('councils').select('name').where('la_code', '=', theCase.laCode).executeTakeFirstOrThrow();
      const planId = randomUUID();
      const document = newDraftDocument({ planId, child: theCase.child, la: { code: theCase.laCode, name: council.name }, primaryNeed: primaryNeed as Sen2NeedCode });
      await createPlan(tx, { laCode: theCase.laCode, planId, caseId: theCase.caseId, childId: theCase.child.id }, document);
      await auditPlan(tx, req, { laCode: theCase.laCode, childId: theCase.child.id, planId, action: 'create', detail: { version: 1 } });
      return theCase;
    });
    if (!created) return reply.callNotFound();
    return reply.redirect(`/cases/${created.caseId}/plan`, 303);
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/plan/issue', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = principalOf(req);
    const today = todayIso();
    const result = await withTenant(db, scopeOf(principal), async (tx): Promise<{ theCase: CaseForPlan; errors?: FormErrors; version?: number } | undefined> => {
      const theCase = await caseForStaff(tx, req.params.caseId);
      const draft = theCase && (await findVersionOfCase(tx, theCase.caseId, 'draft', { forUpdate: true }));
      if (!theCase || !draft) return undefined;
      let issued;
      try {
        issued = issuePlan(draft.document, { issuedOn: today, issuedBy: issuerOf(principal) });
      } catch (e) {
        if (!(e instanceof PlanNotReadyToIssueError)) throw e;
        const errors = emptyErrors();
        e.failures.forEach((f, i) => addError(errors, `check-${i}`, f.message, 'checklist'));
        errors.list.forEach((item, i) => { item.href = sectionHref(theCase.caseId, e.failures[i]?.path) ?? '#checklist'; });
        return { theCase, errors };
      }
      // The checklist passing is not all: the document itself must be valid (references resolve…).
      const problems = validatePlanDocument(issued);
      if (problems.length > 0) {
        const errors = emptyErrors();
        problems.forEach((p, i) => addError(errors, `problem-${i}`, `${p.path}: ${p.message}`, 'checklist'));
        errors.list.forEach((item, i) => { item.href = sectionHref(theCase.caseId, problems[i]?.path) ?? '#checklist'; });
        return { theCase, errors };
      }
      if (!(await markIssued(tx, draft, issued, principal.userId))) throw new Error('the draft changed while it was being issued');
      await auditPlan(tx, req, { laCode: draft.laCode, childId: draft.childId, planId: draft.planId, action: 'issue', detail: { version: issued.version } });
      await notifyPlanIssued(tx, { principal, occurredOn: today }, { ...draft, document: issued });
      return { theCase, version: issued.version };
    });
    if (!result) return reply.callNotFound();
    if (result.errors) return showOverview(req, reply, result.errors, 400);
    return reply.redirect(`/cases/${result.theCase.caseId}/plan?issued=${result.version}`, 303);
  });

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/plan/next-version', { config: { access: 'case:record' } }, async (req, reply) => {
    const principal = principalOf(req);
    const done = await withTenant(db, scopeOf(principal), async (tx) => {
      const theCase = await caseForStaff(tx, req.params.caseId);
      if (!theCase || !(await findVersionOfCase(tx, theCase.caseId, 'latest'))) return undefined;
      // The same way in as an amendment after a review: an existing next draft is reused.
      const draft = await startAmendmentDraft(tx, theCase.caseId);
      if (draft?.created) await auditPlan(tx, req, { laCode: draft.laCode, childId: draft.childId, planId: draft.planId, action: 'create', detail: { version: draft.version } });
      return theCase;
    });
    if (!done) return reply.callNotFound();
    return reply.redirect(`/cases/${done.caseId}/plan`, 303);
  });
}
