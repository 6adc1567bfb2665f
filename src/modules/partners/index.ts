// Partners: the local SEND partnership (issue 7). Partner organisations, their duties as data with
// their sources, work trays, the escalation ladder, formal notices, commitments in Sections G/H1/H2,
// and the partnership board's scorecard. Other modules import only from here.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/connection.ts';
import { caseCalendar } from '../cases/index.ts';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../documents/index.ts';
import type { Notifier } from '../notify/index.ts';
import type { PartnerDeps } from './application/partner-deps.ts';
import { registerBoardRoutes } from './web/board.routes.ts';
import { registerDutyRoutes } from './web/duties.routes.ts';
import { registerRecordRoutes } from './web/record.routes.ts';
import { registerFamilyProvisionRoutes } from './web/family-provision.routes.ts';
import { registerPartnerDutyRoutes } from './web/partner-duties.routes.ts';
import { registerWorkTrayRoutes } from './web/work-tray.routes.ts';
import { startEscalationTimer } from './application/escalation-timer.ts';
import './infrastructure/partners.tables.ts';

export { trayItems, sortTray, type TrayItem } from './domain/work-tray.ts';
export { workTray, openAdviceTask, answerAdvice, type AnswerOutcome } from './application/advice-work.ts';
export type { PartnerDeps } from './application/partner-deps.ts';
export { PARTNER_DUTIES, PARTNER_RULES, LADDER_STEPS, dutyBook, type PartnerDuty, type Ladder, type LadderStepId } from './domain/partner-duties.ts';
export { escalate, type EscalationRun, type EscalateDeps } from './application/escalate.ts';
export { partnersAdviceOnTime } from './application/board.ts';
export { seedPartnership, type SeedPartnershipResult } from './application/seed-partnership.ts';

export function registerPartnerRoutes(app: FastifyInstance, options: { db: Db; config: Config; notifier: Notifier; maxUploadBytes?: number; now?: () => Date }): Promise<void> {
  const deps: PartnerDeps = {
    db: options.db,
    notifier: options.notifier,
    calendar: caseCalendar(),
    publicUrl: options.config.publicUrl,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    now: options.now ?? (() => new Date()),
  };
  registerBoardRoutes(app, deps);
  registerDutyRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerPartnerDutyRoutes(app, deps);
  registerFamilyProvisionRoutes(app, deps);
  if (options.config.env !== 'test') startEscalationTimer(app, deps, deps.now);
  return registerWorkTrayRoutes(app, deps);
}
