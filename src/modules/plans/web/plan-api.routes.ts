import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { caseForStaff } from '../application/plan-access.ts';
import type { PlanDocument } from '../domain/plan-document.ts';
import { serialisePlan } from '../domain/plan-normaliser.ts';
import type { PlanProblem } from '../domain/plan-problem.ts';
import { ehcpSchema, validatePlanDocument } from '../domain/plan-validator.ts';
import { findVersionOfCase, saveDraftDocument } from '../infrastructure/plan.repository.ts';
import { auditPlan, principalOf, scopeOf } from './plan-web-helpers.ts';

const SCHEMA_TEXT = `${JSON.stringify(ehcpSchema, null, 2)}\n`;
const SCHEMA_ETAG = `"${createHash('sha256').update(SCHEMA_TEXT).digest('base64url').slice(0, 16)}"`;

/** The draft's concurrency token as an HTTP entity tag: version and lock version of the row. */
const etagOf = (version: number, lockVersion: number): string => `"${version}.${lockVersion}"`;

function parseIfMatch(header: string | string[] | undefined): { version: number; lockVersion: number } | undefined {
  const m = /^(?:W\/)?"(\d+)\.(\d+)"$/.exec(String(header ?? '').trim());
  return m ? { version: Number(m[1]), lockVersion: Number(m[2]) } : undefined;
}

/**
 * The open plan format over HTTP: the published schema (public, cacheable) and the JSON document
 * of a case's plan. PUT replaces the draft only with a valid document and only from the latest
 * copy (If-Match with the ETag from GET), so an import never silently overwrites someone's edit.
 */
export function registerPlanApiRoutes(app: FastifyInstance, db: Db): void {
  app.get('/schemas/ehcp/v1.json', { config: { access: 'public', cacheable: true } }, async (req, reply) => {
    reply.header('cache-control', 'public, max-age=86400').header('etag', SCHEMA_ETAG);
    if (req.headers['if-none-match'] === SCHEMA_ETAG) return reply.code(304).send();
    return reply.type('application/schema+json; charset=utf-8').send(SCHEMA_TEXT);
  });

  app.get<{ Params: { caseId: string } }>('/api/cases/:caseId/plan', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const found = await withTenant(db, scopeOf(principalOf(req)), async (tx) => {
      const draftOrLatest = (await findVersionOfCase(tx, req.params.caseId, 'draft')) ?? (await findVersionOfCase(tx, req.params.caseId, 'latest'));
      if (draftOrLatest) await auditPlan(tx, req, { laCode: draftOrLatest.laCode, childId: draftOrLatest.childId, planId: draftOrLatest.planId, action: 'export', detail: { version: draftOrLatest.version, via: 'api' } });
      return draftOrLatest;
    });
    if (!found) return reply.code(404).send({ error: 'Not found.' });
    return reply
      .header('etag', etagOf(found.version, found.lockVersion))
      .header('content-disposition', `inline; filename="ehc-plan-v${found.version}.json"`)
      .type('application/json; charset=utf-8')
      .send(serialisePlan(found.document));
  });

  app.put<{ Params: { caseId: string } }>('/api/cases/:caseId/plan', { config: { access: 'case:record' } }, async (req, reply) => {
    const problems = validatePlanDocument(req.body);
    if (problems.length > 0) return reply.code(422).send({ error: 'The plan document is not valid.', problems });
    const document = req.body as PlanDocument;
    const expected = parseIfMatch(req.headers['if-match']);
    if (!expected) return reply.code(428).send({ error: 'Send If-Match with the ETag from GET, so a newer save is never overwritten.' });
    const outcome = await withTenant(db, scopeOf(principalOf(req)), async (tx) => {
      const theCase = await caseForStaff(tx, req.params.caseId);
      const draft = theCase && (await findVersionOfCase(tx, theCase.caseId, 'draft', { forUpdate: true }));
      if (!theCase || !draft) return { status: 404 as const };
      const mismatch: PlanProblem[] = [
        ...(document.planId !== draft.planId ? [{ path: 'planId', message: `must be "${draft.planId}", the id of this case's plan` }] : []),
        ...(document.version !== draft.version ? [{ path: 'version', message: `must be ${draft.version}, the version of the current draft` }] : []),
        ...(document.status !== 'draft' ? [{ path: 'status', message: 'must be "draft": plans are issued through the service, after its checks' }] : []),
      ];
      if (mismatch.length > 0) return { status: 422 as const, problems: mismatch };
      if (expected.version !== draft.version) return { status: 409 as const, etag: etagOf(draft.version, draft.lockVersion) };
      const saved = await saveDraftDocument(tx, theCase.caseId, document, expected.lockVersion);
      if (!saved.saved) return { status: 409 as const, etag: etagOf(draft.version, draft.lockVersion) };
      await auditPlan(tx, req, { laCode: draft.laCode, childId: draft.childId, planId: draft.planId, action: 'import', detail: { version: draft.version, via: 'api' } });
      return { status: 200 as const, etag: etagOf(draft.version, saved.lockVersion), document: saved.document };
    });
    switch (outcome.status) {
      case 404: return reply.code(404).send({ error: 'Not found.' });
      case 422: return reply.code(422).send({ error: 'The plan document does not fit this case’s draft.', problems: outcome.problems });
      case 409: return reply.code(409).header('etag', outcome.etag).send({ error: 'The draft was changed since you fetched it. GET it again, reapply your changes and send the new ETag.' });
      default: return reply.header('etag', outcome.etag).type('application/json; charset=utf-8').send(serialisePlan(outcome.document));
    }
  });
}
