import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { caseForStaff, type CaseForPlan } from '../application/plan-access.ts';
import type { PlanDocument, PlanSections, SectionKey } from '../domain/plan-document.ts';
import { replaceSection } from '../domain/plan-editing.ts';
import { diffPlans } from '../domain/plan-diff.ts';
import type { PlanProblem } from '../domain/plan-problem.ts';
import { validatePlanDocument } from '../domain/plan-validator.ts';
import { fingerprint } from '../infrastructure/canonical-json.ts';
import { threadsOfVersion } from '../infrastructure/plan-comments.repository.ts';
import { findVersionOfCase, saveDraftSection, type StoredVersion } from '../infrastructure/plan.repository.ts';
import { buildSection } from './forms/section-form-build.ts';
import { addProblemsToForm, inSection } from './forms/section-form-problems.ts';
import { renderSectionForm } from './forms/section-form-render.ts';
import { sectionFormSpec, type SectionFormSpec } from './forms/section-form-spec.ts';
import { blankItem, readValues, sectionToValues, type FormValues } from './forms/section-form-values.ts';
import { registerCommentRoute } from './plan-comment.routes.ts';
import { sectionHeading, sectionView } from './plan-view-model.ts';
import { auditPlan, body, parseSectionKey, principalOf, scopeOf, text } from './plan-web-helpers.ts';

type SectionReq = FastifyRequest<{ Params: { caseId: string; key: string } }>;

class SectionInvalid extends Error {
  constructor(readonly problems: PlanProblem[]) {
    super('section invalid');
  }
}

/**
 * Section-by-section editing of the draft, without JavaScript: "add" and "remove" re-show the form
 * with one item more or less, "save" validates and stores. A save made from an out-of-date copy of
 * the section is refused with both versions side by side (never a silent overwrite).
 */
export function registerPlanSectionRoutes(app: FastifyInstance, db: Db): void {
  const url = (caseId: string, key: SectionKey): string => `/cases/${caseId}/plan/sections/${key}`;

  async function renderEdit(
    req: SectionReq, reply: FastifyReply, ctx: { theCase: CaseForPlan; draft: StoredVersion; key: SectionKey; spec: SectionFormSpec },
    values: FormValues, opts: { errors?: FormErrors; lockVersion: number; sectionFingerprint: string; status?: number },
  ) {
    const { theCase, draft, key, spec } = ctx;
    const errors = opts.errors ?? emptyErrors();
    const threads = await withTenant(db, scopeOf(principalOf(req)), (tx) => threadsOfVersion(tx, draft, draft.version));
    return reply.code(opts.status ?? 200).render('plans/section-edit.njk', {
      title: `${sectionHeading(key)} – edit`, heading: sectionHeading(key), key, theCase, version: draft.version, errors,
      backLink: `/cases/${theCase.caseId}/plan`, action: url(theCase.caseId, key), commentsUrl: `/cases/${theCase.caseId}/plan/comments`,
      form: renderSectionForm(spec, values, errors), lockVersion: opts.lockVersion, sectionFingerprint: opts.sectionFingerprint,
      threads: threads[key] ?? [],
    });
  }

  async function load(req: SectionReq, audit: boolean) {
    const key = parseSectionKey(req.params.key);
    if (!key) return undefined;
    return withTenant(db, scopeOf(principalOf(req)), async (tx) => {
      const theCase = await caseForStaff(tx, req.params.caseId);
      const draft = theCase && (await findVersionOfCase(tx, theCase.caseId, 'draft'));
      if (!theCase || !draft) return undefined;
      if (audit) await auditPlan(tx, req, { laCode: draft.laCode, childId: draft.childId, planId: draft.planId, action: 'view', detail: { section: key, version: draft.version } });
      return { theCase, draft, key, spec: sectionFormSpec(key, draft.document) };
    });
  }

  app.get<{ Params: { caseId: string; key: string } }>('/cases/:caseId/plan/sections/:key', { config: { access: 'case:record' } }, async (req, reply) => {
    const ctx = await load(req, true);
    if (!ctx) return reply.callNotFound();
    const section = ctx.draft.document.sections[ctx.key];
    return renderEdit(req, reply, ctx, sectionToValues(ctx.key, section), { lockVersion: ctx.draft.lockVersion, sectionFingerprint: fingerprint(section) });
  });

  app.post<{ Params: { caseId: string; key: string } }>('/cases/:caseId/plan/sections/:key', { config: { access: 'case:record' } }, async (req, reply) => {
    const ctx = await load(req, false);
    if (!ctx) return reply.callNotFound();
    const form = body(req);
    const values = readValues(form, ctx.spec);
    // The versions the person started from travel with every round trip of the form.
    const carried = { lockVersion: Number.parseInt(text(form.lockVersion), 10) || 0, sectionFingerprint: text(form.sectionFingerprint) };
    const action = text(form.action);
    if (action === 'add' && ctx.spec.list) {
      values.items.push(blankItem(ctx.spec, `${ctx.spec.list.idPrefix}-${randomBytes(4).toString('hex')}`));
      return renderEdit(req, reply, ctx, values, carried);
    }
    const remove = /^remove-(\d+)$/.exec(action);
    if (remove) {
      values.items.splice(Number(remove[1]), 1);
      return renderEdit(req, reply, ctx, values, carried);
    }
    const built = buildSection<SectionKey>(ctx.spec, values);
    if (hasErrors(built.errors)) return renderEdit(req, reply, ctx, values, { ...carried, errors: built.errors, status: 400 });

    let result;
    try {
      result = await withTenant(db, scopeOf(principalOf(req)), async (tx) => {
        const saved = await saveDraftSection(tx, ctx.theCase.caseId, ctx.key, (draft) => {
          const next = replaceSection(draft, ctx.key, built.section as PlanSections[SectionKey]);
          const problems = validatePlanDocument(next).filter((p) => inSection(p, ctx.key));
          if (problems.length > 0) throw new SectionInvalid(problems);
          return next;
        }, carried);
        if (saved.saved) await auditPlan(tx, req, { laCode: ctx.draft.laCode, childId: ctx.draft.childId, planId: ctx.draft.planId, action: 'update', detail: { section: ctx.key, version: ctx.draft.version } });
        return saved;
      });
    } catch (e) {
      if (!(e instanceof SectionInvalid)) throw e;
      return renderEdit(req, reply, ctx, values, { ...carried, errors: addProblemsToForm(emptyErrors(), e.problems, ctx.spec), status: 400 });
    }
    if (result.saved) return reply.redirect(`/cases/${ctx.theCase.caseId}/plan`, 303);
    if (result.reason === 'no-draft') return reply.callNotFound();
    return renderConflict(reply, ctx, result.current, built.section as PlanSections[SectionKey], values);
  });

  function renderConflict(
    reply: FastifyReply, ctx: { theCase: CaseForPlan; key: SectionKey; spec: SectionFormSpec }, current: StoredVersion, mine: PlanSections[SectionKey], values: FormValues,
  ) {
    const theirs: PlanDocument = current.document;
    const yours = replaceSection(theirs, ctx.key, mine);
    return reply.code(409).render('plans/section-conflict.njk', {
      title: `${sectionHeading(ctx.key)} was changed by someone else`, theCase: ctx.theCase, version: current.version, errors: emptyErrors(),
      backLink: `/cases/${ctx.theCase.caseId}/plan`, action: url(ctx.theCase.caseId, ctx.key),
      theirs: sectionView(theirs, ctx.key),
      differences: diffPlans(theirs, yours).changes.map((c) => c.summary),
      // Saving again from here is a deliberate choice made having seen their version.
      form: renderSectionForm(sectionFormSpec(ctx.key, theirs), values, emptyErrors()),
      lockVersion: current.lockVersion, sectionFingerprint: fingerprint(theirs.sections[ctx.key]),
    });
  }

  registerCommentRoute(app, db);
}
