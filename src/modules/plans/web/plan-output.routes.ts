import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fileURLToPath } from 'node:url';
import type nunjucks from 'nunjucks';
import { readWithTenant, withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { createNunjucksEnv } from '../../../platform/web/nunjucks-env.ts';
import { caseForFamily, caseForStaff } from '../application/plan-access.ts';
import { findPlanOfCase, findVersionOfCase, findVersionRefOfCase, listVersions, loadDocument } from '../infrastructure/plan.repository.ts';
import { PdfRenderer, PdfUnavailableError } from '../infrastructure/pdf-renderer.ts';
import { compareModel, pickVersions } from './plan-compare-model.ts';
import { planView } from './plan-view-model.ts';
import { IssuedPageCache, planPageContext } from './plan-version-page.ts';
import { auditPlan, auditPlanView, parseVersion, principalOf, scopeOf } from './plan-web-helpers.ts';

const PRINT_CSS = fs.readFileSync(new URL('./assets/plan-print.css', import.meta.url), 'utf8');

/**
 * Reading a plan: the accessible HTML page of one version, its PDF, and "what changed" between
 * two versions (for staff, and for the family at /family/…/plan/changes).
 */
export function registerPlanOutputRoutes(app: FastifyInstance, db: Db, pdf = new PdfRenderer()): void {
  app.addHook('onClose', () => pdf.close());

  /** One version by number, in one query, with the view audited. */
  async function loadVersion(req: FastifyRequest<{ Params: { caseId: string; v: string } }>, page: string) {
    const version = parseVersion(req.params.v);
    if (version === undefined) return undefined;
    return withTenant(db, scopeOf(principalOf(req)), async (tx) => {
      const found = await findVersionOfCase(tx, req.params.caseId, version);
      if (found) await auditPlan(tx, req, { laCode: found.laCode, childId: found.childId, planId: found.planId, action: page === 'pdf' ? 'download' : 'view', detail: { page, version } });
      return found;
    });
  }

  // The most read page of a plan: one small read to authorise, the view audited (committed with
  // the audit rows of concurrent reads), and the document read and turned into a view model only
  // when this issued version is not in the cache yet.
  const pages = new IssuedPageCache();
  app.get<{ Params: { caseId: string; v: string } }>('/cases/:caseId/plan/versions/:v', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const version = parseVersion(req.params.v);
    if (version === undefined) return reply.callNotFound();
    const context = await readWithTenant(db, scopeOf(principalOf(req)), async (q) => {
      const ref = await findVersionRefOfCase(q, req.params.caseId, version);
      if (!ref) return undefined;
      const key = `${ref.laCode}/${ref.planId}/${ref.version}/${ref.caseId}`;
      const cached = ref.status === 'final' ? pages.get(key) : undefined;
      const page = cached ?? planPageContext(ref.caseId, await loadDocument(q, ref));
      if (!cached && ref.status === 'final') pages.set(key, page);
      return { ref, page };
    });
    if (!context) return reply.callNotFound();
    const { ref, page } = context;
    await auditPlanView(db, req, { laCode: ref.laCode, childId: ref.childId, planId: ref.planId, action: 'view', detail: { page: 'plan-version', version } });
    return reply.render('plans/plan-version.njk', page);
  });

  app.get<{ Params: { caseId: string; v: string } }>('/cases/:caseId/plan/versions/:v/plan.pdf', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const found = await loadVersion(req, 'pdf');
    if (!found) return reply.callNotFound();
    const plan = planView(found.document);
    const title = `EHC plan – ${plan.childName} – version ${plan.version}`;
    const html = renderPrint({ plan, printCss: PRINT_CSS });
    try {
      const bytes = await pdf.render(html, title);
      const fileName = `ehc-plan-${plan.childName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-v${plan.version}.pdf`;
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(bytes);
    } catch (e) {
      if (!(e instanceof PdfUnavailableError)) throw e;
      req.log.warn({ err: e.message }, 'plan PDF unavailable');
      return reply.code(503).header('retry-after', '300').render('plans/pdf-unavailable.njk', {
        title: 'The PDF cannot be made at the moment', htmlHref: `/cases/${found.caseId}/plan/versions/${plan.version}`,
      });
    }
  });

  const compare = (findCase: (tx: Tx, p: Principal, caseId: string) => Promise<{ caseId: string; child: { givenName: string; familyName: string } } | undefined>, family: boolean) =>
    async (req: FastifyRequest<{ Params: { caseId: string }; Querystring: { from?: string; to?: string } }>, reply: FastifyReply) => {
      const principal = principalOf(req);
      const data = await withTenant(db, scopeOf(principal), async (tx) => {
        const theCase = await findCase(tx, principal, req.params.caseId);
        const ref = theCase && (await findPlanOfCase(tx, theCase.caseId));
        if (!theCase || !ref) return undefined;
        const versions = await listVersions(tx, ref);
        const pick = pickVersions(family ? versions.filter((v) => v.status === 'final' || v === versions[0]) : versions, parseVersion(req.query.from), parseVersion(req.query.to));
        if (!pick) return { theCase, versions };
        const [older, newer] = await Promise.all([findVersionOfCase(tx, theCase.caseId, pick.from), findVersionOfCase(tx, theCase.caseId, pick.to)]);
        await auditPlan(tx, req, { laCode: ref.laCode, childId: ref.childId, planId: ref.planId, action: 'view', detail: { page: 'compare', ...pick } });
        return { theCase, versions, pick, older, newer };
      });
      if (!data) return reply.callNotFound();
      const { theCase, versions, pick, older, newer } = data;
      const title = family ? 'What changed in the plan' : 'Compare versions of the plan';
      const common = { title, childName: `${theCase.child.givenName} ${theCase.child.familyName}`, action: req.url.split('?')[0], backLink: family ? `/family/cases/${theCase.caseId}/plan` : `/cases/${theCase.caseId}/plan` };
      const items = (chosen: number | undefined) => versions.map((v) => ({ value: String(v.version), text: `Version ${v.version}${v.status === 'draft' ? ' (draft)' : ''}`, selected: v.version === chosen }));
      if (!pick || !older || !newer) return reply.render('plans/plan-compare.njk', { ...common, count: 0, groups: [], from: '-', to: '-', fromItems: items(undefined), toItems: items(undefined), onlyOne: true });
      return reply.render('plans/plan-compare.njk', { ...common, ...compareModel(older.document, newer.document), ...pick, fromItems: items(pick.from), toItems: items(pick.to) });
    };

  app.get<{ Params: { caseId: string }; Querystring: { from?: string; to?: string } }>('/cases/:caseId/plan/compare', { config: { access: 'caseload:view' } },
    compare((tx, _p, caseId) => caseForStaff(tx, caseId), false));
  app.get<{ Params: { caseId: string }; Querystring: { from?: string; to?: string } }>('/family/cases/:caseId/plan/changes', { config: { access: 'family:own-records' } },
    compare((tx, p, caseId) => caseForFamily(tx, p, caseId), true));
}

let printEnv: nunjucks.Environment | undefined;
/**
 * The print document is standalone HTML (no layout, no session, no nonce), so it is rendered by an
 * environment of its own with the same template paths; compiled templates are cached in it.
 */
function renderPrint(context: Record<string, unknown>): string {
  printEnv ??= createNunjucksEnv(fileURLToPath(new URL('../../../../', import.meta.url)));
  return printEnv.render('plans/plan-print.njk', context);
}
