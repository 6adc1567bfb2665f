import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { checkUpload, describeSize, documentsOfDraft, fileField, removeDraftDocument, storeDocument, textFields } from '../../documents/index.ts';
import type { RequestDeps } from '../application/request-deps.ts';
import { findPage, nextSlug, previousSlug } from '../domain/request-pages.ts';
import { saveAnswers, withDraft, type RequestDraft } from '../infrastructure/request-drafts.repository.ts';
import { draftOr404, isChanging, todayIso, type DraftParams, type Journey } from './journey-support.ts';

/**
 * The setting's evidence page: what it has provided (text) and its documents, one upload at a time.
 * A rejected file re-renders the page with the reason and with the text as typed.
 */
export function registerEvidencePage(app: FastifyInstance, deps: RequestDeps, journey: Journey): void {
  const { base } = journey;
  const config = { access: journey.access };
  const scope = (draft: RequestDraft) => ({ draftId: draft.id, laCodes: [draft.answers.laCode ?? ''], userId: draft.createdBy ?? undefined });

  async function render(req: FastifyRequest<DraftParams>, reply: FastifyReply, draft: RequestDraft, providedSupport: string, errors?: FormErrors) {
    const documents = await withDraft(deps.db, scope(draft), (tx) => documentsOfDraft(tx, draft.id));
    const changing = isChanging(req);
    return reply.code(errors && hasErrors(errors) ? 400 : 200).render('requests/evidence.njk', {
      title: 'What the setting has already provided', caption: journey.caption, errors, providedSupport,
      documents: documents.map((d) => ({ ...d, size: describeSize(d.sizeBytes) })),
      maxSize: describeSize(deps.maxUploadBytes),
      action: `${base}/${draft.id}/evidence${changing ? '?change=1' : ''}`,
      removeAction: `${base}/${draft.id}/evidence/remove`,
      backLink: changing ? `${base}/${draft.id}/check-answers` : `${base}/${draft.id}/${previousSlug(journey.kind, draft.answers, 'evidence') ?? ''}`,
    });
  }

  async function open(req: FastifyRequest<DraftParams>, reply: FastifyReply): Promise<RequestDraft | undefined> {
    const draft = await draftOr404(deps, journey, req, reply);
    if (!draft) return undefined;
    if (draft.submitted) {
      reply.redirect(`${base}/${draft.id}/confirmation`, 303);
      return undefined;
    }
    return draft;
  }

  app.get<DraftParams>(`${base}/:draftId/evidence`, { config }, async (req, reply) => {
    const draft = await open(req, reply);
    return draft ? render(req, reply, draft, draft.answers.providedSupport ?? '') : reply;
  });

  app.post<DraftParams>(`${base}/:draftId/evidence`, { config }, async (req, reply) => {
    const draft = await open(req, reply);
    if (!draft) return reply;
    const form = textFields(req.body);
    const file = fileField(req.body, 'document');
    const chosen = file !== undefined && (file.fileName !== '' || file.data.length > 0);
    const errors = emptyErrors();
    if (form.action === 'upload' || chosen) {
      const check = checkUpload(file, deps.maxUploadBytes);
      if (!check.ok) addError(errors, 'document', check.message);
      else {
        await withDraft(deps.db, scope(draft), (tx) =>
          storeDocument(tx, { laCode: draft.answers.laCode!, requestDraftId: draft.id, kind: 'request-evidence', fileName: check.fileName, type: check.type, data: file!.data, uploadedBy: req.principal?.userId ?? null }),
        );
      }
    }
    const typed = form.providedSupport ?? '';
    if (hasErrors(errors) || form.action === 'upload') {
      // Keep what was typed even when only a file was being added.
      if (!hasErrors(errors) && typed.trim()) await withDraft(deps.db, scope(draft), (tx) => saveAnswers(tx, draft.id, { ...draft.answers, providedSupport: typed.trim() }));
      return render(req, reply, draft, typed, hasErrors(errors) ? errors : undefined);
    }
    const page = findPage(journey.kind, draft.answers, 'evidence')!;
    const result = page.validate(form, { kind: journey.kind, answers: draft.answers, today: todayIso(deps), councilCodes: [], settings: [] });
    if (!result.ok) {
      for (const e of result.errors) addError(errors, e.field, e.text, e.anchor);
      return render(req, reply, draft, typed, errors);
    }
    const answers = { ...draft.answers, ...result.patch };
    await withDraft(deps.db, scope(draft), (tx) => saveAnswers(tx, draft.id, answers));
    return reply.redirect(`${base}/${draft.id}/${nextSlug(journey.kind, answers, 'evidence', isChanging(req))}`, 303);
  });

  app.post<DraftParams>(`${base}/:draftId/evidence/remove`, { config }, async (req, reply) => {
    const draft = await open(req, reply);
    if (!draft) return reply;
    const { documentId } = textFields(req.body);
    if (documentId && /^[0-9a-f-]{36}$/i.test(documentId)) await withDraft(deps.db, scope(draft), (tx) => removeDraftDocument(tx, draft.id, documentId));
    return reply.redirect(`${base}/${draft.id}/evidence`, 303);
  });
}
