import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { ROLE_NAMES } from '../../../platform/identity/roles.ts';
import { addError, emptyErrors } from '../../../platform/web/form-errors.ts';
import { caseForFamily, caseForStaff, type CaseForPlan } from '../application/plan-access.ts';
import { addComment } from '../infrastructure/plan-comments.repository.ts';
import { findVersionOfCase } from '../infrastructure/plan.repository.ts';
import { sectionHeading } from './plan-view-model.ts';
import { auditPlan, body, parseSectionKey, principalOf, scopeOf, text } from './plan-web-helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_COMMENT = 5000;

/**
 * Comments on a draft section, by the family or the caseworker; a reply joins a thread. A comment
 * is stored with the version it was made on. A refused comment (empty, too long) is shown again on
 * its own page with the GOV.UK error pattern and what was typed.
 */
export function registerCommentRoute(app: FastifyInstance, db: Db): void {
  const handle = (findCase: (tx: Tx, principal: Principal, caseId: string) => Promise<CaseForPlan | undefined>, back: (caseId: string, key: string) => string) =>
    async (req: FastifyRequest<{ Params: { caseId: string } }>, reply: FastifyReply) => {
      const principal = principalOf(req);
      const form = body(req);
      const key = parseSectionKey(text(form.section));
      const parentId = text(form.parentId) || null;
      const comment = text(form.body);
      if (!key || (parentId !== null && !UUID.test(parentId))) return reply.callNotFound();
      if (comment === '' || comment.length > MAX_COMMENT) {
        const field = parentId ? `reply-${parentId}` : `comment-${key}`;
        const errors = addError(emptyErrors(), field, comment === '' ? 'Enter your comment' : `Your comment must be ${MAX_COMMENT} characters or fewer`);
        return reply.code(400).render('plans/comment-form.njk', {
          title: `Comment on ${sectionHeading(key)}`, heading: sectionHeading(key), errors, field, key, parentId, value: comment,
          action: req.url, backLink: back(req.params.caseId, key),
        });
      }
      const saved = await withTenant(db, scopeOf(principal), async (tx) => {
        const theCase = await findCase(tx, principal, req.params.caseId);
        const draft = theCase && (await findVersionOfCase(tx, theCase.caseId, 'draft'));
        if (!theCase || !draft) return false;
        const id = await addComment(tx, draft, { version: draft.version, sectionKey: key, parentId, authorUserId: principal.userId, authorRole: ROLE_NAMES[principal.role], body: comment });
        if (!id) return false;
        await auditPlan(tx, req, { laCode: draft.laCode, childId: draft.childId, planId: draft.planId, action: 'comment', detail: { section: key, version: draft.version, commentId: id } });
        return true;
      });
      if (!saved) return reply.callNotFound();
      return reply.redirect(`${back(req.params.caseId, key)}#comments-${key}-heading`, 303);
    };

  app.post<{ Params: { caseId: string } }>('/cases/:caseId/plan/comments', { config: { access: 'case:record' } },
    handle((tx, _p, caseId) => caseForStaff(tx, caseId), (caseId, key) => `/cases/${caseId}/plan/sections/${key}`));
  app.post<{ Params: { caseId: string } }>('/family/cases/:caseId/plan/comments', { config: { access: 'family:own-records' } },
    handle((tx, p, caseId) => caseForFamily(tx, p, caseId), (caseId) => `/family/cases/${caseId}/plan`));
}
