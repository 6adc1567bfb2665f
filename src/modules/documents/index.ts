// Documents: upload checks, durable storage in PostgreSQL, entitled listing and audited download.
import './infrastructure/documents.tables.ts';

export { detectFileType, CONTENT_TYPES, type AcceptedFileType } from './domain/file-type.ts';
export { checkUpload, cleanFileName, describeSize, DEFAULT_MAX_UPLOAD_BYTES, type UploadCheck, type UploadedFile } from './domain/upload-rules.ts';
export {
  storeDocument, documentsOfCase, documentsOfDraft, attachDraftDocuments, removeDraftDocument, readDocument,
  type DocumentKind, type DocumentSummary, type StoreDocument,
} from './infrastructure/documents.repository.ts';
export { mayReadCaseDocuments } from './application/document-access.ts';
export { registerUploadParsing, textFields, fileField } from './web/upload-parsing.ts';
export { registerDocumentRoutes } from './web/document.routes.ts';
