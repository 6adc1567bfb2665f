import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatIsoDate, localDate } from '../../../platform/calendar/index.ts';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { boardCouncil } from '../application/board.ts';
import type { PartnerDeps } from '../application/partner-deps.ts';
import { RECORD_KINDS, recordChoices, recordForPartner } from '../application/record-asks.ts';
import { kindName } from './board-presenter.ts';
import { field } from './form-body.ts';

type Values = Record<'reference' | 'kind' | 'organisationId' | 'text' | 'date-day' | 'date-month' | 'date-year', string>;
const EMPTY: Values = { reference: '', kind: '', organisationId: '', text: '', 'date-day': '', 'date-month': '', 'date-year': '' };

/**
 * Caseworkers record what a partner committed to in Sections G/H1/H2 of a plan, or ask a partner
 * for a review contribution or a local duty; from then on it is on the partner's tray and clock.
 */
export function registerRecordRoutes(app: FastifyInstance, deps: PartnerDeps): void {
  const config = { access: 'case:record' as const };

  async function render(req: FastifyRequest, reply: FastifyReply, values: Values, errors?: FormErrors) {
    const la = boardCouncil(req.principal!);
    if (!la) return reply.callNotFound();
    const choices = await recordChoices(deps, req.principal!, la);
    const recorded = (req.query as { recorded?: string }).recorded;
    return reply.code(errors ? 400 : 200).render('partners/record.njk', {
      title: 'Record provision or ask a partner', errors, values, recorded: typeof recorded === 'string' && /^EHC-\d{3}-\d{6}$/.test(recorded) ? recorded : undefined,
      kinds: [{ value: '', text: 'Choose' }, ...Object.entries(RECORD_KINDS).map(([value, k]) => ({ value, text: k.text })), ...choices.localDuties.map((d) => ({ value: d.id, text: `${d.name} (local duty)` }))]
        .map((k) => ({ ...k, selected: k.value === values.kind })),
      organisations: [{ value: '', text: 'Choose' }, ...choices.organisations.map((o) => ({ value: o.id, text: `${o.name} (${kindName(o.kind)})` }))].map((o) => ({ ...o, selected: o.value === values.organisationId })),
    });
  }

  app.get('/partnership/record', { config }, async (req, reply) => render(req, reply, EMPTY));

  app.post('/partnership/record', { config }, async (req, reply) => {
    const la = boardCouncil(req.principal!);
    if (!la) return reply.callNotFound();
    const values = Object.fromEntries(Object.keys(EMPTY).map((k) => [k, field(req.body, k)])) as Values;
    values.reference = values.reference.toUpperCase();
    const errors = emptyErrors();
    if (!/^EHC-\d{3}-\d{6}$/.test(values.reference)) addError(errors, 'reference', 'Enter the case reference, like EHC-370-000123');
    if (!values.kind) addError(errors, 'kind', 'Choose what you are recording');
    if (!values.organisationId) addError(errors, 'organisationId', 'Choose the partner');
    if (values.text.length < 3 || values.text.length > 2000) addError(errors, 'text', 'Describe the provision or what is asked, in 3 to 2,000 characters');
    let date: string | undefined;
    const [d, m, y] = [values['date-day'], values['date-month'], values['date-year']];
    try {
      if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && Number(y) >= 2014 && Number(y) <= 2100) date = formatIsoDate(localDate(Number(y), Number(m), Number(d)));
    } catch {
      date = undefined;
    }
    if (!date) addError(errors, 'date', 'Enter a real date: the day the plan committed the provision, or the review meeting', 'date-day');
    if (hasErrors(errors)) return render(req, reply, values, errors);
    const outcome = await recordForPartner(deps, req.principal!, la, { reference: values.reference, kind: values.kind, organisationId: values.organisationId, text: values.text, date: date! }, req.id);
    if (!outcome.ok) return render(req, reply, values, addError(emptyErrors(), outcome.field, outcome.message));
    return reply.redirect(`/partnership/record?recorded=${outcome.reference}`, 303);
  });
}
