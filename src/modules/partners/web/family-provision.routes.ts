import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addError, emptyErrors } from '../../../platform/web/form-errors.ts';
import { familyCommitments, familyReportsNotDelivered } from '../application/family-provision.ts';
import type { PartnerDeps } from '../application/partner-deps.ts';
import { commitmentTag, longDate, sectionName } from './board-presenter.ts';
import { field, LA, UUID, wholeNumber } from './form-body.ts';

type Params = { Params: { laCode: string; id: string } };

/** The family's view of health and social care provision in their plan, and telling us it is not happening. */
export function registerFamilyProvisionRoutes(app: FastifyInstance, deps: PartnerDeps): void {
  const config = { access: 'family:own-records' as const };

  async function render(req: FastifyRequest, reply: FastifyReply, form?: { id: string; note: string; error: string }, status = 200) {
    const rows = await familyCommitments(deps, req.principal!, req.id);
    const errors = form ? addError(emptyErrors(), 'note', form.error, `note-${form.id}`) : undefined;
    return reply.code(status).render('partners/family-provision.njk', {
      title: 'Health and social care in the plan', backLink: '/family', errors, reported: (req.query as { reported?: string }).reported === '1',
      rows: rows.map((r) => ({
        ...r, sectionName: sectionName(r.section), tag: commitmentTag(r.status), committed: longDate(r.committedOn),
        note: form?.id === r.id ? form.note : '', error: form?.id === r.id ? form.error : undefined, action: `/family/provision/${r.laCode}/${r.id}`,
      })),
    });
  }

  app.get('/family/provision', { config }, async (req, reply) => render(req, reply));

  app.post<Params>('/family/provision/:laCode/:id', { config }, async (req, reply) => {
    if (!LA.test(req.params.laCode) || !UUID.test(req.params.id)) return reply.callNotFound();
    const note = field(req.body, 'note');
    const version = wholeNumber(field(req.body, 'version'), 0, 9999);
    if (note.length < 3) return render(req, reply, { id: req.params.id, note, error: 'Tell us what is not happening, for example which sessions have not taken place' }, 400);
    if (note.length > 2000) return render(req, reply, { id: req.params.id, note, error: 'What you tell us must be 2,000 characters or fewer' }, 400);
    if (version === undefined) return reply.callNotFound();
    const outcome = await familyReportsNotDelivered(deps, req.principal!, req.params.laCode, req.params.id, note, version, req.id);
    if (outcome === 'not-found') return reply.callNotFound();
    if (outcome === 'stale') return render(req, reply, { id: req.params.id, note, error: 'This provision was updated while you were writing. Nothing was sent: check what it now says and tell us again.' }, 409);
    return reply.redirect('/family/provision?reported=1', 303);
  });
}
