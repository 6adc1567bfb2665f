import type { Generated } from 'kysely';

export interface DocumentsTable {
  la_code: string;
  id: Generated<string>;
  case_id: string | null;
  request_draft_id: string | null;
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: Generated<Date>;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    documents: DocumentsTable;
  }
}
