import type { ColumnType, Generated } from 'kysely';

export interface OutboxTable {
  la_code: string;
  id: Generated<string>;
  recipient: string;
  template: string;
  personalisation: ColumnType<Record<string, string>, string, never>;
  subject: string;
  body: string;
  channel: Generated<string>;
  created_at: Generated<Date>;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    outbox: OutboxTable;
  }
}
