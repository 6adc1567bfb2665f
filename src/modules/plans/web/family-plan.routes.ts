import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { caseForFamily, type CaseForPlan } from '../application/plan-access.ts';
import type { PlanSections } from '../domain/plan-document.ts';
import { replaceSection } from '../domain/plan-editing.ts';
import { diffPlans } from '../domain/plan-diff.ts';
import { validatePlanDocument } from '../domain/plan-validator.ts';
import { fingerprint } from '../infrastructure/canonical-json.ts';
import { threadsOfVersion } from '../infrastructure/plan-comments.repository.ts';
import { findVersionOfCase, listVersions, saveDraftSection, type StoredVersion } from '../infrastructure/plan.repository.ts';
import { buildSection } from './forms/section-form-build.ts';
import { addProblemsToForm, inSection } from './forms/section-form-problems.ts';
import { renderSectionForm } from './forms/section-form-render.ts';
import { sectionFormSpec, type SectionFormSpec } from './forms/section-form-spec.ts';
import { readValues, sectionToValues, type FormValues } from './forms/section-form-values.ts';
import { planView, sectionView } from './plan-view-model.ts';
import { auditPlan, body, principalOf, scopeOf, text } from './plan-web-helpers.ts';

type FamilyReq = FastifyRequest<{ Params: { caseId: string } }>;

/** Families write Section A as themselves, not as professionals. */
const FAMILY_AUTHORS = new Set(['child', 'young-person', 'parent-carer']);

function familySpec(draft: StoredVersion): SectionFormSpec {
  const spec = sectionFormSpec('A', draft.document);
  return { ...spec, top: spec.top.map((f) => (f.name === 'writtenBy' ? { ...f, label: 'Who is writing this?', options: f.options?.filter((o) => FAMILY_AUTHORS.has(o.value)) } : f)) };
}

/**
 * The family's side of the plan: reading it with its comment threads, writing Section A in their
 * own words, and "what changed" (in plan-output.routes.ts). Only cases of children linked to the
 * family member are reachable; any other case id is "not found".
 */
export function registerFamilyPlanRoutes(app: FastifyInstance, db: Db): void {
  const sectionAUrl = (caseId: string): string => `/family/cases/${caseId}/plan/section-a`;

  app.get<{ Params: { caseId: string } }>('/family/cases/:caseId/plan', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const principal = principalOf(req);
    const data = await withTenant(db, scopeOf(principal), async (tx) => {
      const theCase = await caseForFamily(tx, principal, req.params.caseId);
      const latest = theCase && (await findVersionOfCase(tx, theCase.caseId, 'latest'));
      if (!theCase || !latest) return theCase ? { theCase } : undefined;
      await auditPlan(tx, req, { laCode: latest.laCode, childId: latest.childId, planId: latest.planId, action: 'view', detail: { page: 'family-plan', version: latest.version } });
      return { theCase, latest, threads: await threadsOfVersion(tx, latest, latest.version), versions: await listVersions(tx, latest) };
    });
    if (!data) return reply.callNotFound();
    const { theCase, latest } = data;
    return reply.render('plans/family-plan.njk', {
      title: `${theCase.child.givenName}’s EHC plan`, theCase, backLink: '/family', errors: emptyErrors(),
      plan: latest ? planView(latest.document) : null, isDraft: latest?.status === 'draft', threads: data.threads ?? {},
      hasChanges: (data.versions?.length ?? 0) > 1, commentsUrl: `/family/cases/${theCase.caseId}/plan/comments`, sectionAUrl: sectionAUrl(theCase.caseId),
    });
  });

  async function load(req: FamilyReq) {
    const principal = principalOf(req);
    return withTenant(db, scopeOf(principal), async (tx) => {
      const theCase = await caseForFamily(tx, principal, req.params.caseId);
      const draft = theCase && (await findVersionOfCase(tx, theCase.caseId, 'draft'));
      return theCase && draft ? { theCase, draft } : undefined;
    });
  }

  function renderForm(reply: FastifyReply, ctx: { theCase: CaseForPlan; draft: StoredVersion }, values: FormValues, opts: { lockVersion: number; sectionFingerprint: string; errors?: FormErrors; status?: number }) {
    const errors = opts.errors ?? emptyErrors();
    return reply.code(opts.status ?? 200).render('plans/family-section-a.njk', {
      title: 'All about me', theCase: ctx.theCase, errors, backLink: `/family/cases/${ctx.theCase.caseId}/plan`, action: sectionAUrl(ctx.theCase.caseId),
      form: renderSectionForm(familySpec(ctx.draft), values, errors), lockVersion: opts.lockVersion, sectionFingerprint: opts.sectionFingerprint,
    });
  }

  app.get<{ Params: { caseId: string } }>('/family/cases/:caseId/plan/section-a', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const ctx = await load(req);
    if (!ctx) return reply.callNotFound();
    await withTenant(db, scopeOf(principalOf(req)), (tx) => auditPlan(tx, req, { laCode: ctx.draft.laCode, childId: ctx.draft.childId, planId: ctx.draft.planId, action: 'view', detail: { section: 'A', version: ctx.draft.version } }));
    const section = ctx.draft.document.sections.A;
    return renderForm(reply, ctx, sectionToValues('A', section), { lockVersion: ctx.draft.lockVersion, sectionFingerprint: fingerprint(section) });
  });

  app.post<{ Params: { caseId: string } }>('/family/cases/:caseId/plan/section-a', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const ctx = await load(req);
    if (!ctx) return reply.callNotFound();
    const form = body(req);
    const spec = familySpec(ctx.draft);
    const values = readValues(form, spec);
    const carried = { lockVersion: Number.parseInt(text(form.lockVersion), 10) || 0, sectionFingerprint: text(form.sectionFingerprint) };
    const built = buildSection<'A'>(spec, values);
    if (!FAMILY_AUTHORS.has(String(values.top.writtenBy))) built.errors = addProblemsToForm(built.errors, [{ path: 'sections.A.writtenBy', message: 'choose who is writing this' }], spec);
    const problems = validatePlanDocument(replaceSection(ctx.draft.document, 'A', built.section)).filter((p) => inSection(p, 'A'));
    const errors = addProblemsToForm(built.errors, problems, spec);
    if (hasErrors(errors)) return renderForm(reply, ctx, values, { ...carried, errors, status: 400 });
    const result = await withTenant(db, scopeOf(principalOf(req)), async (tx) => {
      const saved = await saveDraftSection(tx, ctx.theCase.caseId, 'A', (draft) => replaceSection(draft, 'A', built.section), carried);
      if (saved.saved) await auditPlan(tx, req, { laCode: ctx.draft.laCode, childId: ctx.draft.childId, planId: ctx.draft.planId, action: 'update', detail: { section: 'A', version: ctx.draft.version, by: 'family' } });
      return saved;
    });
    if (result.saved) return reply.redirect(`/family/cases/${ctx.theCase.caseId}/plan`, 303);
    if (result.reason === 'no-draft') return reply.callNotFound();
    const theirs = result.current.document;
    return reply.code(409).render('plans/section-conflict.njk', {
      title: 'All about me was changed by someone else', theCase: ctx.theCase, version: result.current.version, errors: emptyErrors(),
      backLink: `/family/cases/${ctx.theCase.caseId}/plan`, action: sectionAUrl(ctx.theCase.caseId), theirs: sectionView(theirs, 'A'),
      differences: diffPlans(theirs, replaceSection(theirs, 'A', built.section as PlanSections['A'])).changes.map((c) => c.summary),
      form: renderSectionForm(spec, values, emptyErrors()), lockVersion: result.current.lockVersion, sectionFingerprint: fingerprint(theirs.sections.A),
    });
  });
}
