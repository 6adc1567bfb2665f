import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { mayReadCaseDocuments } from '../application/document-access.ts';
import { describeSize } from '../domain/upload-rules.ts';
import { documentsOfCase, readDocument } from '../infrastructure/documents.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LA = /^\d{3}$/;

/** The case's documents, and downloading one: each view and each download is audited. */
export function registerDocumentRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { laCode: string; caseId: string } }>('/case-documents/:laCode/:caseId', { config: { access: 'signed-in' } }, async (req, reply) => {
    const principal = req.principal!;
    const { laCode, caseId } = req.params;
    if (!LA.test(laCode) || !UUID.test(caseId) || !principal.laCodes.includes(laCode)) return reply.callNotFound();
    const result = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const allowed = await mayReadCaseDocuments(tx, principal, laCode, caseId);
      if (!allowed) return undefined;
      await recordAudit(tx, { principal, requestId: req.id }, { laCode, action: 'view', recordType: 'case-documents', recordId: caseId, childId: allowed.childId });
      const ref = await tx.selectFrom('cases').select('reference').where('la_code', '=', laCode).where('id', '=', caseId).executeTakeFirstOrThrow();
      return { reference: ref.reference, documents: await documentsOfCase(tx, laCode, caseId) };
    });
    if (!result) return reply.callNotFound();
    return reply.render('documents/case-documents.njk', {
      title: `Documents – ${result.reference}`,
      reference: result.reference,
      documents: result.documents.map((d) => ({ ...d, size: describeSize(d.sizeBytes), href: `/documents/${laCode}/${d.id}` })),
    });
  });

  app.get<{ Params: { laCode: string; documentId: string } }>('/documents/:laCode/:documentId', { config: { access: 'signed-in' } }, async (req, reply) => {
    const principal = req.principal!;
    const { laCode, documentId } = req.params;
    if (!LA.test(laCode) || !UUID.test(documentId) || !principal.laCodes.includes(laCode)) return reply.callNotFound();
    const doc = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      const found = await readDocument(tx, laCode, documentId);
      if (!found?.caseId) return undefined;
      const allowed = await mayReadCaseDocuments(tx, principal, laCode, found.caseId);
      if (!allowed) return undefined;
      await recordAudit(tx, { principal, requestId: req.id }, { laCode, action: 'download', recordType: 'document', recordId: documentId, childId: allowed.childId, detail: { caseId: found.caseId, sha256: found.sha256 } });
      return found;
    });
    if (!doc) return reply.callNotFound();
    // Always an attachment: a document is never rendered inside the service's own origin.
    return reply
      .type(doc.contentType)
      .header('content-disposition', `attachment; filename="${doc.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(doc.content);
  });
}
