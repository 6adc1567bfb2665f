import type { FastifyInstance } from 'fastify';
import { recordAudit, recordViewAudit, viewsOfChild } from '../../../platform/audit/audit-log.ts';
import { readWithTenant, withTenant, type Db } from '../../../platform/db/connection.ts';
import { childrenOfFamilyMember, findCase, isUuid } from '../infrastructure/case-read.repository.ts';

/**
 * Reading a child's record (the case page itself is in case-page.routes.ts). Every view is audited
 * before anything is sent; a record outside the caller's reach is "not found", never "forbidden",
 * so its existence is not revealed.
 */
export function registerCaseRecordRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { caseId: string } }>('/api/cases/:caseId', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    // A plain read: one statement on a scoped connection, then its audit row, committed with those
    // of concurrent reads before anything is sent (scoped-read.ts, view-audit-batcher.ts).
    const record = await readWithTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (q) => findCase(q, req.params.caseId));
    if (record) {
      await recordViewAudit(db, { principal, requestId: req.id }, { laCode: record.laCode, action: 'view', recordType: 'case', recordId: record.id, childId: record.child.id, detail: { via: 'api' } });
    }
    if (!record) return reply.code(404).send({ error: 'Not found.' });
    return reply.send(record);
  });

  app.get('/family', { config: { access: 'family:own-records' } }, async (req, reply) => {
    const principal = req.principal!;
    const children = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, (tx) =>
      childrenOfFamilyMember(tx, principal.userId),
    );
    return reply.render('cases/family-children.njk', { title: principal.role === 'young-person' ? 'Your plan' : 'Your children', children, familyCaseLinks: true });
  });

  app.get<{ Params: { laCode: string; childId: string } }>(
    '/family/children/:laCode/:childId/who-viewed',
    { config: { access: 'family:own-records' } },
    async (req, reply) => {
      const principal = req.principal!;
      const { laCode, childId } = req.params;
      if (!isUuid(childId) || !principal.laCodes.includes(laCode)) return reply.callNotFound();
      const result = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
        const mine = (await childrenOfFamilyMember(tx, principal.userId)).find((c) => c.id === childId && c.laCode === laCode);
        if (!mine) return undefined;
        await recordAudit(tx, { principal, requestId: req.id }, { laCode, action: 'view', recordType: 'audit-trail', recordId: childId, childId });
        return { child: mine, views: await viewsOfChild(tx, laCode, childId) };
      });
      if (!result) return reply.callNotFound();
      return reply.render('cases/who-viewed.njk', { title: `Who has looked at ${result.child.givenName}'s record`, ...result, backLink: '/family' });
    },
  );
}
