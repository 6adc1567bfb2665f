import type { WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db/connection.ts';
import type { Notifier } from '../../notify/index.ts';

export interface PartnerDeps {
  db: Db;
  notifier: Notifier;
  calendar: WorkingDayCalendar;
  publicUrl: string;
  maxUploadBytes: number;
  now: () => Date;
}
