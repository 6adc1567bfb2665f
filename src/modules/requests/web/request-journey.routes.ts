import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatIsoDate, formatLongDate, parseLocalDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { documentsOfDraft } from '../../documents/index.ts';
import { textFields } from '../../documents/index.ts';
import { IncompleteRequestError, submitRequest } from '../application/submit-request.ts';
import { decisionToAssessDue } from '../application/decision-date.ts';
import type { RequestDeps } from '../application/request-deps.ts';
import { childName, type RequestAnswers } from '../domain/request-answers.ts';
import { findPage, firstUnanswered, nextSlug, pagesFor, previousSlug } from '../domain/request-pages.ts';
import { saveAnswers, withDraft, createDraft, type RequestDraft } from '../infrastructure/request-drafts.repository.ts';
import { checkAnswerRows } from './check-answers-view.ts';
import { QUESTION_VIEWS } from './question-views.ts';
import {
  councilList, draftOr404, isChanging, organisationName, settingList, todayIso, toFormErrors, type DraftParams, type Journey,
} from './journey-support.ts';
import type { FormErrors } from '../../../platform/web/form-errors.ts';

/** Start page, question pages, check your answers and confirmation for one journey. */
export function registerRequestJourney(app: FastifyInstance, deps: RequestDeps, journey: Journey): void {
  const { base, access } = journey;
  const config = { access };

  app.get(base, { config }, async (_req, reply) =>
    reply.render('requests/start.njk', { title: journey.startTitle, kind: journey.kind, action: base, maxSize: `${Math.round(deps.maxUploadBytes / 1048576)}MB` }),
  );

  // Starting a draft needs no account, so it is rate limited per address to stop table flooding.
  app.post(base, { config: { ...config, rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
    const p = req.principal;
    const initial: RequestAnswers = journey.kind === 'setting' && p?.laCodes[0] ? { laCode: p.laCodes[0] } : {};
    const id = await createDraft(deps.db, journey.kind, journey.kind === 'setting' ? (p?.userId ?? null) : null, initial);
    return reply.redirect(`${base}/${id}/${pagesFor(journey.kind, initial)[0]!.slug}`, 303);
  });

  async function renderQuestion(req: FastifyRequest<DraftParams>, reply: FastifyReply, draft: RequestDraft, slug: string, typed?: Record<string, string>, errors?: FormErrors) {
    const build = QUESTION_VIEWS[slug]!;
    const view = build({
      kind: journey.kind, answers: draft.answers, typed, errors: errors?.fields ?? {},
      councils: slug === 'council' ? await councilList(deps) : [],
      settings: slug === 'school-or-setting' ? await settingList(deps, draft.answers.laCode) : [],
      defaultLaCode: deps.defaultLaCode,
    });
    const back = previousSlug(journey.kind, draft.answers, slug);
    const changing = isChanging(req);
    return reply.code(errors ? 400 : 200).render('requests/question.njk', {
      title: view.heading, caption: journey.caption, view, errors,
      action: `${base}/${draft.id}/${slug}${changing ? '?change=1' : ''}`,
      backLink: changing ? `${base}/${draft.id}/check-answers` : back ? `${base}/${draft.id}/${back}` : base,
    });
  }

  app.get<DraftParams>(`${base}/:draftId/:slug`, { config }, async (req, reply) => {
    const draft = await draftOr404(deps, journey, req, reply);
    if (!draft) return reply;
    if (draft.submitted) return reply.redirect(`${base}/${draft.id}/confirmation`, 303);
    const slug = req.params.slug ?? '';
    if (!findPage(journey.kind, draft.answers, slug) || !QUESTION_VIEWS[slug]) return reply.callNotFound();
    return renderQuestion(req, reply, draft, slug);
  });

  app.post<DraftParams>(`${base}/:draftId/:slug`, { config }, async (req, reply) => {
    const draft = await draftOr404(deps, journey, req, reply);
    if (!draft) return reply;
    if (draft.submitted) return reply.redirect(`${base}/${draft.id}/confirmation`, 303);
    const slug = req.params.slug ?? '';
    const page = findPage(journey.kind, draft.answers, slug);
    if (!page || !QUESTION_VIEWS[slug]) return reply.callNotFound();
    const form = textFields(req.body);
    const ctx = { kind: journey.kind, answers: draft.answers, today: todayIso(deps), councilCodes: slug === 'council' ? (await councilList(deps)).map((c) => c.laCode) : [], settings: slug === 'school-or-setting' ? await settingList(deps, draft.answers.laCode) : [] };
    const result = page.validate(form, ctx);
    if (!result.ok) return renderQuestion(req, reply, draft, slug, form, toFormErrors(result.errors));
    const answers: RequestAnswers = { ...draft.answers, ...result.patch };
    // A different council has a different list of settings: the old choice no longer applies.
    if (slug === 'council' && draft.answers.laCode !== answers.laCode) {
      delete answers.settingName;
      delete answers.settingId;
    }
    await withDraft(deps.db, { draftId: draft.id, laCodes: [] }, (tx) => saveAnswers(tx, draft.id, answers));
    return reply.redirect(`${base}/${draft.id}/${nextSlug(journey.kind, answers, slug, isChanging(req))}`, 303);
  });

  app.get<DraftParams>(`${base}/:draftId/check-answers`, { config }, async (req, reply) => {
    const draft = await draftOr404(deps, journey, req, reply);
    if (!draft) return reply;
    if (draft.submitted) return reply.redirect(`${base}/${draft.id}/confirmation`, 303);
    const missing = firstUnanswered(journey.kind, draft.answers);
    if (missing) return reply.redirect(`${base}/${draft.id}/${missing}`, 303);
    const documents = journey.kind === 'setting' ? await withDraft(deps.db, { draftId: draft.id, laCodes: [draft.answers.laCode ?? ''] }, (tx) => documentsOfDraft(tx, draft.id)) : [];
    return reply.render('requests/check-answers.njk', {
      title: 'Check your answers before sending your request', caption: journey.caption,
      rows: checkAnswerRows(`${base}/${draft.id}`, journey.kind, draft.answers, await councilList(deps), documents.map((d) => d.fileName)),
      action: `${base}/${draft.id}/check-answers`,
      backLink: `${base}/${draft.id}/${previousSlug(journey.kind, draft.answers, 'check-answers') ?? ''}`,
    });
  });

  app.post<DraftParams>(`${base}/:draftId/check-answers`, { config }, async (req, reply) => {
    const draft = await draftOr404(deps, journey, req, reply);
    if (!draft) return reply;
    try {
      const settingName = journey.kind === 'setting' ? await organisationName(deps, req) : undefined;
      const sent = await submitRequest(deps, draft.id, { principal: req.principal, requestId: req.id, ...(settingName ? { settingName } : {}) });
      if (sent.notificationsFailed) req.log.error({ case: sent.caseId, failed: sent.notificationsFailed }, 'request received but a notification could not be sent');
    } catch (e) {
      if (e instanceof IncompleteRequestError) return reply.redirect(`${base}/${draft.id}/${e.slug === 'start' ? '' : e.slug}`, 303);
      throw e;
    }
    return reply.redirect(`${base}/${draft.id}/confirmation`, 303);
  });

  app.get<DraftParams>(`${base}/:draftId/confirmation`, { config }, async (req, reply) => {
    const draft = await draftOr404(deps, journey, req, reply);
    if (!draft) return reply;
    if (!draft.submitted) return reply.redirect(`${base}/${draft.id}/check-answers`, 303);
    const receivedOn = formatIsoDate(todayInEngland(draft.submitted.submittedAt));
    const due = formatLongDate(parseLocalDate(decisionToAssessDue(receivedOn, deps.calendar)));
    const name = draft.answers.childGivenName ?? childName(draft.answers);
    return reply.render('requests/confirmation.njk', {
      title: 'Request sent', kind: journey.kind, reference: draft.submitted.reference,
      email: journey.kind === 'family' ? draft.answers.email : req.principal?.email,
      decisionSentence: journey.kind === 'family' && draft.answers.requester === 'young-person'
        ? `The council must tell you by ${due} whether it will assess your needs.`
        : `The council must tell ${journey.kind === 'family' ? 'you' : 'the family and the setting'} by ${due} whether it will assess ${name}'s needs.`,
      createAccountHref: `${base}/${draft.id}/create-account`,
      startAgainHref: base,
    });
  });
}
