import { createHash } from 'node:crypto';
import type { Tx } from '../../../platform/db/connection.ts';
import { CONTENT_TYPES, type AcceptedFileType } from '../domain/file-type.ts';

export type DocumentKind = 'request-evidence' | 'advice' | 'other';

export interface StoreDocument {
  laCode: string;
  caseId?: string | undefined;
  requestDraftId?: string | undefined;
  kind: DocumentKind;
  fileName: string;
  type: AcceptedFileType;
  data: Buffer;
  uploadedBy: string | null;
}

export interface DocumentSummary {
  laCode: string;
  id: string;
  caseId: string | null;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedByName: string | null;
}

export async function storeDocument(tx: Tx, doc: StoreDocument): Promise<string> {
  const row = await tx
    .insertInto('documents')
    .values({
      la_code: doc.laCode,
      case_id: doc.caseId ?? null,
      request_draft_id: doc.requestDraftId ?? null,
      kind: doc.kind,
      file_name: doc.fileName,
      content_type: CONTENT_TYPES[doc.type],
      size_bytes: doc.data.length,
      sha256: createHash('sha256').update(doc.data).digest('hex'),
      content: doc.data,
      uploaded_by: doc.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const summaryColumns = ['d.la_code', 'd.id', 'd.case_id', 'd.kind', 'd.file_name', 'd.content_type', 'd.size_bytes', 'd.uploaded_at', 'u.display_name'] as const;

function toSummary(r: { la_code: string; id: string; case_id: string | null; kind: string; file_name: string; content_type: string; size_bytes: number; uploaded_at: Date; display_name: string | null }): DocumentSummary {
  return { laCode: r.la_code, id: r.id, caseId: r.case_id, kind: r.kind, fileName: r.file_name, contentType: r.content_type, sizeBytes: r.size_bytes, uploadedAt: r.uploaded_at, uploadedByName: r.display_name };
}

export async function documentsOfCase(tx: Tx, laCode: string, caseId: string): Promise<DocumentSummary[]> {
  const rows = await tx.selectFrom('documents as d').leftJoin('users as u', 'u.id', 'd.uploaded_by').select(summaryColumns)
    .where('d.la_code', '=', laCode).where('d.case_id', '=', caseId).orderBy('d.uploaded_at').execute();
  return rows.map(toSummary);
}

export async function documentsOfDraft(tx: Tx, draftId: string): Promise<DocumentSummary[]> {
  const rows = await tx.selectFrom('documents as d').leftJoin('users as u', 'u.id', 'd.uploaded_by').select(summaryColumns)
    .where('d.request_draft_id', '=', draftId).where('d.case_id', 'is', null).orderBy('d.uploaded_at').execute();
  return rows.map(toSummary);
}

/** When a request is sent, its evidence becomes part of the case file. */
export async function attachDraftDocuments(tx: Tx, laCode: string, draftId: string, caseId: string): Promise<string[]> {
  const rows = await tx.updateTable('documents').set({ case_id: caseId }).where('la_code', '=', laCode).where('request_draft_id', '=', draftId).where('case_id', 'is', null).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function removeDraftDocument(tx: Tx, draftId: string, documentId: string): Promise<void> {
  await tx.deleteFrom('documents').where('request_draft_id', '=', draftId).where('case_id', 'is', null).where('id', '=', documentId).execute();
}

export async function readDocument(tx: Tx, laCode: string, id: string): Promise<(DocumentSummary & { content: Buffer; sha256: string }) | undefined> {
  const r = await tx.selectFrom('documents as d').leftJoin('users as u', 'u.id', 'd.uploaded_by').select([...summaryColumns, 'd.content', 'd.sha256'])
    .where('d.la_code', '=', laCode).where('d.id', '=', id).executeTakeFirst();
  return r ? { ...toSummary(r), content: r.content, sha256: r.sha256 } : undefined;
}
