import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnglandAndWalesCalendar, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The England & Wales working-day calendar the case clocks use (read once, cached by the loader). */
export function caseCalendar(): WorkingDayCalendar {
  return loadEnglandAndWalesCalendar(PROJECT_ROOT);
}
