import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addError, emptyErrors, hasErrors, type FormErrors } from '../../../platform/web/form-errors.ts';
import { checkUpload, describeSize, fileField, registerUploadParsing, textFields } from '../../documents/index.ts';
import { answerAdvice, openAdviceTask, workTray, type AdviceTask } from '../application/advice-work.ts';
import type { PartnerDeps } from '../application/partner-deps.ts';
import { STATUS_TAGS, type TrayItem } from '../domain/work-tray.ts';
import { partnerDuties } from '../application/partner-work.ts';
import { holders } from '../application/assignments.ts';
import { dutiesModel } from './partner-tray-presenter.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_SUMMARY = 10_000;
type AdviceParams = { Params: { caseId: string; adviceId: string } };

const present = (i: TrayItem) => ({ ...i, tag: i.status ? STATUS_TAGS[i.status] : undefined, href: `/work-tray/advice/${i.caseId}/${encodeURIComponent(i.adviceId)}` });

/** A partner's work tray: the advice asked of their organisation, and answering it online. */
export async function registerWorkTrayRoutes(app: FastifyInstance, deps: PartnerDeps): Promise<void> {
  await app.register(async (scope) => {
    await registerUploadParsing(scope, { maxBytes: deps.maxUploadBytes });
    const config = { access: 'partner:work-tray' as const };

    scope.get('/work-tray', { config }, async (req, reply) => {
      const tray = await workTray(deps, req.principal!);
      const sent = (req.query as { sent?: unknown }).sent;
      const updated = (req.query as { updated?: unknown }).updated;
      // Per user: "mine" shows only the work the signed-in person has taken.
      const mine = (req.query as { mine?: unknown }).mine === '1';
      const held = await holders(deps, req.principal!);
      const withHolder = <T extends { laCode: string; key: string }>(i: T) => ({ ...i, holder: held.get(`${i.laCode}/${i.key}`), me: held.get(`${i.laCode}/${i.key}`)?.userId === req.principal!.userId });
      const keep = (i: { me: boolean }) => !mine || i.me;
      const advice = (i: TrayItem) => withHolder({ ...present(i), key: `advice:${i.caseId}:${i.adviceId}` });
      const duties = dutiesModel(await partnerDuties(deps, req.principal!));
      return reply.render('partners/work-tray.njk', {
        title: 'Advice requests', sent: typeof sent === 'string' && /^EHC-\d{3}-\d{6}$/.test(sent) ? sent : undefined,
        outstanding: tray.outstanding.map(advice).filter(keep), answered: tray.answered.map(advice).filter(keep), mine,
        updated: typeof updated === 'string' && ['provision', 'request', 'notice', 'assigned'].includes(updated) ? updated : undefined,
        ...duties, otherDuties: duties.otherDuties.map(withHolder).filter(keep),
      });
    });

    async function render(reply: FastifyReply, task: AdviceTask, summary: string, errors?: FormErrors) {
      return reply.code(errors ? 400 : 200).render('partners/advice-request.njk', {
        title: `Advice for ${task.item.childName}`, errors, summary,
        item: present(task.item), child: task.askedCase.child, reasons: task.reasons,
        documents: task.documents.map((d) => ({ ...d, size: describeSize(d.sizeBytes), href: `/documents/${d.laCode}/${d.id}` })),
        maxSize: describeSize(deps.maxUploadBytes), action: `/work-tray/advice/${task.item.caseId}/${encodeURIComponent(task.item.adviceId)}`, backLink: '/work-tray',
      });
    }

    const load = (req: FastifyRequest<AdviceParams>) =>
      UUID.test(req.params.caseId) && req.params.adviceId.length <= 100 ? openAdviceTask(deps, req.principal!, req.params.caseId, req.params.adviceId, req.id) : Promise.resolve(undefined);

    scope.get<AdviceParams>('/work-tray/advice/:caseId/:adviceId', { config }, async (req, reply) => {
      const task = await load(req);
      return task ? render(reply, task, '') : reply.callNotFound();
    });

    scope.post<AdviceParams>('/work-tray/advice/:caseId/:adviceId', { config }, async (req, reply) => {
      const task = await load(req);
      if (!task) return reply.callNotFound();
      if (task.item.answeredOn) return reply.redirect('/work-tray', 303);
      const summary = (textFields(req.body).summary ?? '').trim();
      const file = fileField(req.body, 'document');
      const errors = emptyErrors();
      if (!summary) addError(errors, 'summary', 'Enter your advice, or a summary of the document you are sending');
      else if (summary.length > MAX_SUMMARY) addError(errors, 'summary', `Your advice must be ${MAX_SUMMARY.toLocaleString('en-GB')} characters or fewer`);
      const chosen = file !== undefined && (file.fileName !== '' || file.data.length > 0);
      const check = chosen ? checkUpload(file, deps.maxUploadBytes) : undefined;
      if (check && !check.ok) addError(errors, 'document', check.message);
      // A rejected file keeps the advice as typed: the partner fixes the file, not the whole answer.
      if (hasErrors(errors)) return render(reply, task, textFields(req.body).summary ?? '', errors);
      const { outcome, notificationsFailed } = await answerAdvice(deps, req.principal!, task.item.caseId, task.item.adviceId, {
        summary, ...(check?.ok ? { file: { fileName: check.fileName, type: check.type, data: file!.data } } : {}),
      }, req.id);
      if (notificationsFailed) req.log.error({ case: task.item.caseId }, 'advice recorded but the caseworker could not be told');
      if (outcome === 'not-found') return reply.callNotFound();
      return reply.redirect(`/work-tray?sent=${encodeURIComponent(task.item.reference)}`, 303);
    });
  });
}
