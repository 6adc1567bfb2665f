import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addError, emptyErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { answerNotice, completeRequest, findNotice, findRequest, reportCommitment } from '../application/partner-work.ts';
import { takeOrRelease } from '../application/assignments.ts';
import type { PartnerDeps } from '../application/partner-deps.ts';
import { longDate } from './board-presenter.ts';
import { field, LA, UUID, wholeNumber } from './form-body.ts';

type Params = { Params: { laCode: string; id: string } };
const PARTNER_UPDATES = ['started', 'delivered', 'not-delivered'] as const;
const valid = (req: FastifyRequest<Params>) => LA.test(req.params.laCode) && UUID.test(req.params.id);

/**
 * A partner's other work beside assessment advice: saying where committed provision stands,
 * marking review advice or attendance done, and answering the council's formal notices.
 */
export function registerPartnerDutyRoutes(app: FastifyInstance, deps: PartnerDeps): void {
  const config = { access: 'partner:work-tray' as const };

  app.post<Params>('/work-tray/commitments/:laCode/:id', { config }, async (req, reply) => {
    if (!valid(req)) return reply.callNotFound();
    const type = field(req.body, 'status');
    const note = field(req.body, 'note');
    const version = wholeNumber(field(req.body, 'version'), 0, 9999);
    if (!(PARTNER_UPDATES as readonly string[]).includes(type) || version === undefined || note.length > 2000) {
      return reply.code(400).render('partners/problem.njk', { title: 'The update was not saved', backLink: '/work-tray', message: 'Choose whether the provision has started, been delivered as specified or not been delivered (a note must be 2,000 characters or fewer), then save again.' });
    }
    const outcome = await reportCommitment(deps, req.principal!, req.params.laCode, req.params.id, { type: type as (typeof PARTNER_UPDATES)[number], note, version }, req.id);
    if (outcome === 'not-found') return reply.callNotFound();
    if (outcome === 'stale') return reply.code(409).render('partners/problem.njk', { title: 'Someone else updated this provision', backLink: '/work-tray', message: 'Nothing was saved. Go back to the work tray to see its latest state, then update it again.' });
    return reply.redirect('/work-tray?updated=provision#provision', 303);
  });

  app.post('/work-tray/assign', { config }, async (req, reply) => {
    const laCode = field(req.body, 'laCode');
    const key = field(req.body, 'key');
    const take = field(req.body, 'take');
    if (!LA.test(laCode) || !/^(advice|consultation|request|commitment):[0-9a-zA-Z:_-]{1,200}$/.test(key) || !['1', '0'].includes(take)) {
      return reply.code(400).render('partners/problem.njk', { title: 'Nothing was changed', backLink: '/work-tray', message: 'The request to take or release this work was incomplete. Go back to the work tray and try again.' });
    }
    const ok = await takeOrRelease(deps, req.principal!, laCode, key, take === '1', req.id);
    if (!ok) return reply.callNotFound();
    return reply.redirect(`/work-tray?updated=assigned${field(req.body, 'mine') === '1' ? '&mine=1' : ''}`, 303);
  });

  async function renderRequest(req: FastifyRequest<Params>, reply: FastifyReply, note: string, errors?: FormErrors, status = 200) {
    const r = valid(req) ? await findRequest(deps, req.principal!, req.params.laCode, req.params.id, req.id) : undefined;
    if (!r) return reply.callNotFound();
    return reply.code(status).render('partners/request.njk', { title: r.title, backLink: '/work-tray', request: { ...r, asked: longDate(r.askedOn), clock: longDate(r.clockFrom), done: r.doneOn ? longDate(r.doneOn) : undefined }, note, errors, action: `/work-tray/requests/${r.laCode}/${r.id}` });
  }

  app.get<Params>('/work-tray/requests/:laCode/:id', { config }, async (req, reply) => renderRequest(req, reply, ''));
  app.post<Params>('/work-tray/requests/:laCode/:id', { config }, async (req, reply) => {
    const note = field(req.body, 'note');
    const version = wholeNumber(field(req.body, 'version'), 0, 9999);
    if (note.length > 2000) return renderRequest(req, reply, note, addError(emptyErrors(), 'note', 'Your note must be 2,000 characters or fewer'), 400);
    if (!valid(req) || version === undefined) return reply.callNotFound();
    const outcome = await completeRequest(deps, req.principal!, req.params.laCode, req.params.id, note, version, req.id);
    if (outcome === 'not-found') return reply.callNotFound();
    if (outcome === 'stale') return renderRequest(req, reply, note, addError(emptyErrors(), 'note', 'This was already marked done, or someone changed it while you were working. Nothing was saved.'), 409);
    return reply.redirect('/work-tray?updated=request', 303);
  });

  async function renderNotice(req: FastifyRequest<Params>, reply: FastifyReply, response: string, errors?: FormErrors, status = 200) {
    const n = valid(req) ? await findNotice(deps, req.principal!, req.params.laCode, req.params.id, req.principal!.organisationIds) : undefined;
    if (!n) return reply.callNotFound();
    return reply.code(status).render('partners/notice.njk', {
      title: `Formal notice ${n.reference}`, backLink: '/work-tray', response, errors, action: `/work-tray/notices/${n.laCode}/${n.id}`,
      notice: { ...n, issued: longDate(n.issuedOn), due: longDate(n.respondBy), responded: n.response ? longDate(n.response.respondedOn) : undefined },
    });
  }

  app.get<Params>('/work-tray/notices/:laCode/:id', { config }, async (req, reply) => renderNotice(req, reply, ''));
  app.post<Params>('/work-tray/notices/:laCode/:id', { config }, async (req, reply) => {
    const response = field(req.body, 'response');
    if (response.length < 3) return renderNotice(req, reply, response, addError(emptyErrors(), 'response', 'Enter your response to the notice'), 400);
    if (response.length > 10_000) return renderNotice(req, reply, response, addError(emptyErrors(), 'response', 'Your response must be 10,000 characters or fewer'), 400);
    if (!valid(req)) return reply.callNotFound();
    const outcome = await answerNotice(deps, req.principal!, req.params.laCode, req.params.id, response, req.id);
    if (outcome === 'not-found') return reply.callNotFound();
    if (outcome === 'already-answered') return renderNotice(req, reply, response, addError(emptyErrors(), 'response', 'Your organisation has already responded to this notice. The first response stands as the record.'), 409);
    return reply.redirect('/work-tray?updated=notice', 303);
  });
}
