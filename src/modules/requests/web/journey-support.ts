import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import type { RouteAccess } from '../../../platform/web/fastify-types.ts';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import type { RequestDeps } from '../application/request-deps.ts';
import type { RequestKind } from '../domain/request-answers.ts';
import type { PageError } from '../domain/request-pages.ts';
import { loadDraft, withDraft, type RequestDraft } from '../infrastructure/request-drafts.repository.ts';

/** The two journeys share their pages; this says which one a route belongs to. */
export interface Journey {
  kind: RequestKind;
  base: string;
  access: RouteAccess;
  caption: string;
  startTitle: string;
}

export const FAMILY_JOURNEY: Journey = { kind: 'family', base: '/request', access: 'public', caption: 'Ask for an EHC needs assessment', startTitle: 'Ask for an EHC needs assessment' };
export const SETTING_JOURNEY: Journey = { kind: 'setting', base: '/setting-request', access: 'setting:own-pupils', caption: 'Request from a school or setting', startTitle: 'Ask for an EHC needs assessment for a pupil' };

export type DraftParams = { Params: { draftId: string; slug?: string } };

export const todayIso = (deps: RequestDeps): string => formatIsoDate(todayInEngland(deps.now()));

export function toFormErrors(list: PageError[]): FormErrors {
  const errors = emptyErrors();
  for (const e of list) addError(errors, e.field, e.text, e.anchor);
  return errors;
}

/** Loads the draft for this journey and user, or answers with the "cannot be found" page. */
export async function draftOr404(deps: RequestDeps, journey: Journey, req: FastifyRequest<DraftParams>, reply: FastifyReply): Promise<RequestDraft | undefined> {
  const userId = req.principal?.userId ?? null;
  const draftId = req.params.draftId;
  const draft = await withDraft(deps.db, { draftId, laCodes: [] }, (tx) => loadDraft(tx, draftId, deps.now(), journey.kind === 'setting' ? userId : null));
  if (!draft || draft.kind !== journey.kind) {
    reply.code(404).render('requests/link-expired.njk', {
      title: 'We cannot find your answers',
      message: 'Answers are kept for 7 days after you start. Yours may have expired, or the link may be wrong. You will need to start again.',
      nextHref: journey.base,
      nextText: 'Start again',
    });
    return undefined;
  }
  return draft;
}

export async function councilList(deps: RequestDeps): Promise<Array<{ laCode: string; name: string }>> {
  const rows = await deps.db.selectFrom('councils').select(['la_code', 'name']).orderBy('name').execute();
  return rows.map((r) => ({ laCode: r.la_code, name: r.name }));
}

/** The council's schools and settings, for the family to choose from. */
export async function settingList(deps: RequestDeps, laCode: string | undefined): Promise<Array<{ id: string; name: string }>> {
  if (!laCode) return [];
  return withTenant(deps.db, { laCodes: [laCode] }, (tx) => tx.selectFrom('settings').select(['id', 'name']).where('la_code', '=', laCode).orderBy('name').execute());
}

/** The SENCO's setting, named in the request and in the message to the family. */
export async function organisationName(deps: RequestDeps, req: FastifyRequest): Promise<string | undefined> {
  const p = req.principal;
  const orgId = p?.organisationIds[0];
  if (!p || !orgId) return undefined;
  const row = await withTenant(deps.db, { laCodes: p.laCodes, userId: p.userId }, (tx) => tx.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirst());
  return row?.name;
}

export const isChanging = (req: FastifyRequest): boolean => (req.query as Record<string, unknown> | undefined)?.change === '1';
