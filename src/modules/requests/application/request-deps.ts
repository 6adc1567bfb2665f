import type { WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db/connection.ts';
import type { Notifier } from '../../notify/index.ts';

/** What the request journeys need from outside: passed in by the composition root, never read from globals. */
export interface RequestDeps {
  db: Db;
  notifier: Notifier;
  calendar: WorkingDayCalendar;
  /** Absolute links in emails start with this (config.publicUrl). */
  publicUrl: string;
  maxUploadBytes: number;
  /** The council a family sees selected first (config.demoLa in the demo). */
  defaultLaCode: string;
  now: () => Date;
}
