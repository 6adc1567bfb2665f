import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withTenant } from '../../../platform/db/connection.ts';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { boardCouncil } from '../application/board.ts';
import { addLocalDuty, changeLadder } from '../application/council-actions.ts';
import { councilDutyBook } from '../application/obligations.ts';
import type { PartnerDeps } from '../application/partner-deps.ts';
import { checkLadder, LADDER_STEP_NAMES, LADDER_STEPS, SOURCE_KIND_NAMES, type Ladder } from '../domain/partner-duties.ts';
import { ladders } from '../infrastructure/partnership.repository.ts';
import { kindName } from './board-presenter.ts';
import { field, wholeNumber } from './form-body.ts';

type DutyParams = { Params: { dutyId: string } };
interface LadderForm { dutyId: string; values: Record<string, string>; errors: FormErrors }
interface LocalForm { values: Record<string, string>; errors: FormErrors }

/**
 * The duties in force in the council, each with its source and its escalation ladder, which the
 * board may change (with an optimistic version, so two edits at once cannot silently overwrite);
 * and the council's local duties under its partnership agreement.
 */
export function registerDutyRoutes(app: FastifyInstance, deps: PartnerDeps): void {
  const config = { access: 'partnership:board' as const };

  async function render(req: FastifyRequest, reply: FastifyReply, ladderForm?: LadderForm, localForm?: LocalForm, status = 200) {
    const la = boardCouncil(req.principal!);
    if (!la) return reply.callNotFound();
    const { book, saved } = await withTenant(deps.db, { laCodes: req.principal!.laCodes, userId: req.principal!.userId }, async (tx) => ({ book: await councilDutyBook(tx, la), saved: await ladders(tx, la) }));
    const errors = ladderForm?.errors ?? localForm?.errors;
    return reply.code(status).render('partners/duties.njk', {
      title: 'Partner duties and escalation', backLink: '/partnership', errors, saved: (req.query as { saved?: string }).saved,
      duties: book.duties.map((d) => {
        const editing = ladderForm?.dutyId === d.id ? ladderForm : undefined;
        return {
          id: d.id, name: d.name, local: d.local ?? false, appliesTo: d.appliesTo.map(kindName).join(', '), rule: book.book.versions(d.ruleId).at(-1)!.citation,
          sources: d.sources.map((s) => ({ kind: SOURCE_KIND_NAMES[s.kind], citation: s.citation })),
          version: String(saved.get(d.id)?.version ?? 0), customised: saved.has(d.id),
          steps: LADDER_STEPS.map((s) => ({ id: s, name: LADDER_STEP_NAMES[s], value: editing?.values[s] ?? String(d.ladder[s]), error: editing?.errors.fields[s] })),
          formError: editing?.errors.fields.version,
        };
      }),
      local: localForm?.values ?? { id: '', name: '', periodDays: '', source: '' }, localErrors: localForm?.errors.fields ?? {},
    });
  }

  app.get('/partnership/duties', { config }, async (req, reply) => render(req, reply));

  app.post<DutyParams>('/partnership/duties/:dutyId/ladder', { config }, async (req, reply) => {
    const la = boardCouncil(req.principal!);
    if (!la || !/^[a-z0-9-]{1,60}$/.test(req.params.dutyId)) return reply.callNotFound();
    const book = await withTenant(deps.db, { laCodes: req.principal!.laCodes, userId: req.principal!.userId }, (tx) => councilDutyBook(tx, la));
    if (!book.find(req.params.dutyId)) return reply.callNotFound();
    const values = Object.fromEntries(LADDER_STEPS.map((s) => [s, field(req.body, s)]));
    const errors = emptyErrors();
    const ladder = {} as Ladder;
    for (const s of LADDER_STEPS) {
      const n = wholeNumber(values[s]!, -60, 365);
      if (n === undefined) addError(errors, s, `${LADDER_STEP_NAMES[s]}: enter a whole number of days from -60 (before the due date) to 365`, `${req.params.dutyId}-${s}`);
      else ladder[s] = n;
    }
    if (!hasErrors(errors)) {
      const order = checkLadder(ladder);
      if (order) addError(errors, 'version', order, `${req.params.dutyId}-reminder`);
    }
    const version = wholeNumber(field(req.body, 'version'), 0, 9999);
    if (version === undefined) addError(errors, 'version', 'The form was incomplete: open the page again', `${req.params.dutyId}-reminder`);
    if (hasErrors(errors)) return render(req, reply, { dutyId: req.params.dutyId, values, errors }, undefined, 400);
    const ok = await changeLadder(deps, req.principal!, la, req.params.dutyId, ladder, version!, req.id);
    if (!ok) {
      const stale = addError(emptyErrors(), 'version', 'Someone else changed this ladder while you were editing it. Nothing was saved: check the values now shown and save again.', `${req.params.dutyId}-reminder`);
      return render(req, reply, { dutyId: req.params.dutyId, values, errors: stale }, undefined, 409);
    }
    return reply.redirect(`/partnership/duties?saved=${req.params.dutyId}`, 303);
  });

  app.post('/partnership/duties', { config }, async (req, reply) => {
    const la = boardCouncil(req.principal!);
    if (!la) return reply.callNotFound();
    const values = { id: field(req.body, 'id').toLowerCase(), name: field(req.body, 'name'), periodDays: field(req.body, 'periodDays'), source: field(req.body, 'source') };
    const errors = emptyErrors();
    if (!/^[a-z0-9-]{3,40}$/.test(values.id)) addError(errors, 'id', 'Enter a short name of 3 to 40 lower-case letters, numbers or hyphens, like therapy-report', 'local-id');
    if (values.name.length < 3 || values.name.length > 200) addError(errors, 'name', 'Enter what the partner must do, in 3 to 200 characters', 'local-name');
    const days = wholeNumber(values.periodDays, 1, 366);
    if (days === undefined) addError(errors, 'periodDays', 'Enter the number of days the partner has, from 1 to 366', 'local-periodDays');
    if (values.source.length < 3 || values.source.length > 500) addError(errors, 'source', 'Enter where the duty comes from, such as the clause of the partnership agreement', 'local-source');
    if (hasErrors(errors)) return render(req, reply, undefined, { values, errors }, 400);
    const added = await addLocalDuty(deps, req.principal!, la, { id: values.id, name: values.name, periodDays: days!, source: values.source }, req.id);
    if (!added) return render(req, reply, undefined, { values, errors: addError(emptyErrors(), 'id', 'The council already has a local duty with this short name: choose another', 'local-id') }, 400);
    return reply.redirect(`/partnership/duties?saved=local-${values.id}`, 303);
  });
}
