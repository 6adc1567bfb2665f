// Partners: the work tray of advice asked of a partner organisation (issue 7 builds on this).
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/connection.ts';
import { caseCalendar } from '../cases/index.ts';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../documents/index.ts';
import type { Notifier } from '../notify/index.ts';
import { registerWorkTrayRoutes } from './web/work-tray.routes.ts';

export { trayItems, sortTray, type TrayItem } from './domain/work-tray.ts';
export { workTray, openAdviceTask, answerAdvice, type AnswerOutcome } from './application/advice-work.ts';
export type { PartnerDeps } from './application/partner-deps.ts';

export function registerPartnerRoutes(app: FastifyInstance, options: { db: Db; config: Config; notifier: Notifier; maxUploadBytes?: number; now?: () => Date }): Promise<void> {
  return registerWorkTrayRoutes(app, {
    db: options.db,
    notifier: options.notifier,
    calendar: caseCalendar(),
    publicUrl: options.config.publicUrl,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    now: options.now ?? (() => new Date()),
  });
}
