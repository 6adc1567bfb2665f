import type { Generated } from 'kysely';
import type { DateOnly } from '../../../platform/db/database-types.ts';

/** Migration 0070: a dispute's identity and version; its record is dispute_events. */
export interface DisputesTable {
  la_code: string;
  id: Generated<string>;
  case_id: string;
  reference: string;
  opened_on: DateOnly;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface DisputeEventsTable {
  la_code: string;
  dispute_id: string;
  seq: number;
  type: string;
  occurred_on: DateOnly;
  recorded_at: Generated<Date>;
  actor_user_id: string | null;
  data: unknown;
}

declare module '../../../platform/db/database-types.ts' {
  interface Database {
    disputes: DisputesTable;
    dispute_events: DisputeEventsTable;
  }
}
