import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/connection.ts';
import { registerDocumentRoutes } from './document.routes.ts';
import { registerEditorRoutes } from './editor.routes.ts';

/** Every page of the planning module. */
export function registerPlanningRoutes(app: FastifyInstance, db: Db): void {
  registerDocumentRoutes(app, db);
  registerEditorRoutes(app, db);
}
