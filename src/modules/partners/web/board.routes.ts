import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatLongDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { boardCouncil, boardView, partnerPage } from '../application/board.ts';
import { sendNotice } from '../application/council-actions.ts';
import type { PartnerDeps } from '../application/partner-deps.ts';
import { parseQuarter, quarterOf, recentQuarters } from '../domain/periods.ts';
import { boardModel, commitmentTag, kindName, longDate, obligationTag, sectionName, stepName } from './board-presenter.ts';
import { LADDER_STEP_NAMES, type LadderStepId } from '../domain/partner-duties.ts';
import { field, UUID, wholeNumber } from './form-body.ts';
import { scorecardCsv } from './scorecard-csv.ts';
import { PRINT_CSS } from './print-css.ts';

type PeriodQuery = { Querystring: { period?: string } };
type OrgParams = { Params: { organisationId: string } };

const OFFICER_ROLES: Record<string, string> = { dco: 'Designated Clinical Officer', dmo: 'Designated Medical Officer', dsco: 'Designated Social Care Officer', 'designated-officer': 'Designated officer', 'senior-manager': 'Senior manager' };

/** The partnership board (SEND manager): scorecard, trend, CSV, printable pack, each partner, notices. */
export function registerBoardRoutes(app: FastifyInstance, deps: PartnerDeps): void {
  const config = { access: 'partnership:board' as const };
  const today = () => todayInEngland(deps.now());
  const periodOf = (req: FastifyRequest<PeriodQuery>) => (typeof req.query.period === 'string' ? parseQuarter(req.query.period) : undefined) ?? quarterOf(today());
  const council = (req: FastifyRequest) => boardCouncil(req.principal!);

  app.get<PeriodQuery>('/partnership', { config }, async (req, reply) => {
    const la = council(req);
    if (!la) return reply.callNotFound();
    const quarter = periodOf(req);
    const board = await boardView(deps.db, deps.calendar, req.principal!, la, quarter, today(), req.id);
    return reply.render('partners/board.njk', {
      title: 'Local SEND partnership', ...boardModel(board),
      periods: recentQuarters(today(), 8).reverse().map((q) => ({ value: q.key, text: q.label, selected: q.key === quarter.key })),
    });
  });

  app.get<PeriodQuery>('/partnership/scorecard.csv', { config }, async (req, reply) => {
    const la = council(req);
    if (!la) return reply.callNotFound();
    const quarter = periodOf(req);
    const board = await boardView(deps.db, deps.calendar, req.principal!, la, quarter, today(), req.id, 'export');
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="partnership-scorecard-${la}-${quarter.key}.csv"`).send(scorecardCsv(quarter.key, board.rows, board.total));
  });

  app.get<PeriodQuery>('/partnership/board-pack', { config }, async (req, reply) => {
    const la = council(req);
    if (!la) return reply.callNotFound();
    const quarter = periodOf(req);
    const board = await boardView(deps.db, deps.calendar, req.principal!, la, quarter, today(), req.id);
    return reply.render('partners/board-pack.njk', { title: `Partnership board pack: ${quarter.label}`, backLink: `/partnership?period=${quarter.key}`, printedOn: formatLongDate(today()), ...boardModel(board) });
  });

  // The pack's print styles: a stylesheet of our own, as the content security policy allows no inline styles.
  app.get('/partnership/print.css', { config: { access: 'public' } }, async (_req, reply) => reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PRINT_CSS));

  async function renderPartner(req: FastifyRequest<OrgParams>, reply: FastifyReply, form: { subject: string; body: string; days: string; obligationKey: string }, errors?: FormErrors) {
    const la = council(req);
    if (!la || !UUID.test(req.params.organisationId)) return reply.callNotFound();
    const page = await partnerPage(deps.db, deps.calendar, req.principal!, la, req.params.organisationId, today(), req.id);
    if (!page) return reply.callNotFound();
    return reply.code(errors ? 400 : 200).render('partners/partner.njk', {
      title: page.organisation.name, backLink: '/partnership', errors, form, sent: (req.query as { sent?: string }).sent,
      organisation: { ...page.organisation, kindName: kindName(page.organisation.kind) },
      officers: page.officers.map((o) => ({ ...o, roleName: OFFICER_ROLES[o.role] ?? o.role })),
      users: page.users,
      open: page.open.map((o) => ({
        ...o, due: longDate(o.dueIso), tag: obligationTag(o.status),
        steps: o.steps.map((s) => `${LADDER_STEP_NAMES[s.step as LadderStepId] ?? s.step} on ${longDate(s.steppedOn)}`), topStep: stepName(o.steps.at(-1)?.step),
      })),
      obligationChoices: [{ value: '', text: 'Not about one request' }, ...page.open.filter((o) => o.status === 'overdue').map((o) => ({ value: o.key, text: `${o.reference ?? o.title}: ${o.title}, ${o.daysLate} days late`, selected: o.key === form.obligationKey }))],
      commitments: page.commitments.map((c) => ({ ...c, sectionName: sectionName(c.section), tag: commitmentTag(c.status), committed: longDate(c.committedOn), history: c.events.map((e) => `${commitmentTag(e.type)?.text ?? e.type} (${longDate(e.occurredOn)})${e.note ? `: ${e.note}` : ''}`) })),
      notices: page.notices.map((n) => ({ ...n, issued: longDate(n.issuedOn), due: longDate(n.respondBy), responded: n.response ? longDate(n.response.respondedOn) : undefined })),
    });
  }

  app.get<OrgParams>('/partnership/partners/:organisationId', { config }, async (req, reply) => renderPartner(req, reply, { subject: '', body: '', days: '14', obligationKey: '' }));

  app.post<OrgParams>('/partnership/partners/:organisationId/notices', { config }, async (req, reply) => {
    const la = council(req);
    if (!la || !UUID.test(req.params.organisationId)) return reply.callNotFound();
    const form = { subject: field(req.body, 'subject'), body: field(req.body, 'body'), days: field(req.body, 'days'), obligationKey: field(req.body, 'obligationKey') };
    const errors = emptyErrors();
    if (form.subject.length < 3) addError(errors, 'subject', 'Enter what the notice is about');
    else if (form.subject.length > 200) addError(errors, 'subject', 'What the notice is about must be 200 characters or fewer');
    if (form.body.length < 3) addError(errors, 'body', 'Enter the notice: what the partner has not done and what the council requires');
    else if (form.body.length > 10_000) addError(errors, 'body', 'The notice must be 10,000 characters or fewer');
    const days = wholeNumber(form.days, 1, 90);
    if (days === undefined) addError(errors, 'days', 'Enter the number of days the partner has to respond, from 1 to 90');
    if (form.obligationKey && !/^(advice|consultation|request|commitment):[0-9a-zA-Z:_-]{1,200}$/.test(form.obligationKey)) addError(errors, 'obligationKey', 'Choose a request from the list');
    if (hasErrors(errors)) return renderPartner(req, reply, form, errors);
    const issued = await sendNotice(deps, req.principal!, la, req.params.organisationId, { subject: form.subject, body: form.body, respondWithinDays: days!, obligationKey: form.obligationKey || null }, req.id);
    if (!issued) return reply.callNotFound();
    return reply.redirect(`/partnership/partners/${req.params.organisationId}?sent=${issued.reference}`, 303);
  });
}
