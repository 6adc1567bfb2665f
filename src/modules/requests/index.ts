// Requests for an EHC needs assessment: the family's journey (no account needed) and a setting's.
import type { FastifyInstance } from 'fastify';
import { caseCalendar } from '../cases/index.ts';
import type { Config } from '../../platform/config/config.ts';
import type { Db } from '../../platform/db/connection.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, registerUploadParsing } from '../documents/index.ts';
import type { Notifier } from '../notify/index.ts';
import type { RequestDeps } from './application/request-deps.ts';
import { registerAccountRoutes } from './web/account.routes.ts';
import { registerEvidencePage } from './web/evidence.routes.ts';
import { FAMILY_JOURNEY, SETTING_JOURNEY } from './web/journey-support.ts';
import { registerRequestJourney } from './web/request-journey.routes.ts';
import './infrastructure/requests.tables.ts';

export type { RequestDeps } from './application/request-deps.ts';
export { submitRequest, IncompleteRequestError, type SubmitResult } from './application/submit-request.ts';
export { decisionToAssessDue } from './application/decision-date.ts';
export { requestsOfCase, type CaseRequest } from './infrastructure/case-requests.repository.ts';
export type { RequestAnswers, RequestKind } from './domain/request-answers.ts';

export interface RequestModuleOptions {
  db: Db;
  config: Config;
  notifier: Notifier;
  maxUploadBytes?: number;
  now?: () => Date;
}

export function requestDeps(options: RequestModuleOptions): RequestDeps {
  return {
    db: options.db,
    notifier: options.notifier,
    calendar: caseCalendar(),
    publicUrl: options.config.publicUrl,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    defaultLaCode: options.config.demoLa,
    now: options.now ?? (() => new Date()),
  };
}

/** Mounts both journeys in their own plugin scope, where multipart uploads are parsed. */
export async function registerRequestRoutes(app: FastifyInstance, options: RequestModuleOptions): Promise<void> {
  const deps = requestDeps(options);
  await app.register(async (scope) => {
    await registerUploadParsing(scope, { maxBytes: deps.maxUploadBytes });
    registerRequestJourney(scope, deps, FAMILY_JOURNEY);
    registerAccountRoutes(scope, deps, { showMailbox: options.config.env !== 'production' });
    registerRequestJourney(scope, deps, SETTING_JOURNEY);
    registerEvidencePage(scope, deps, SETTING_JOURNEY);
  });
}
