import type { FastifyInstance, FastifyReply } from 'fastify';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { roleHas } from '../../../platform/identity/roles.ts';
import { gatherPlanningFacts } from '../application/gather-planning-facts.ts';
import { buildEvidencePack } from '../domain/evidence-pack.ts';
import { buildInclusionPlan } from '../domain/inclusion-plan.ts';
import { SELF_EVALUATION_SECTIONS } from '../domain/inspection-framework.ts';
import type { PlanningDocument } from '../domain/planning-document.ts';
import { ACTION_STATUS_NAMES } from '../domain/planning-facts.ts';
import { longDate } from '../domain/wording.ts';
import { renderPdf } from '../infrastructure/pdf-writer.ts';
import { councilNameOf, readPriorities, readSelfEvaluation } from '../infrastructure/planning.repository.ts';
import { councilOf } from './council-scope.ts';

const DOCUMENTS = {
  'inclusion-plan': { build: buildInclusionPlan, file: 'local-inclusion-plan' },
  'evidence-pack': { build: buildEvidencePack, file: 'area-send-inspection-evidence-pack' },
} as const;
type DocumentId = keyof typeof DOCUMENTS;
const SAVED: Record<string, string> = { priority: 'Priority saved', action: 'Action saved', 'self-evaluation': 'Self-evaluation saved' };

/**
 * The planning overview and the two generated documents, as GOV.UK pages and as tagged PDFs. The
 * documents hold aggregates only (small numbers suppressed), never a child's record, so viewing them
 * is not a view of a child's record and is not audited per child.
 */
export function registerDocumentRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { saved?: string } }>('/planning', { config: { access: 'planning:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const laCode = councilOf(principal);
    if (!laCode) return reply.callNotFound();
    // The overview needs only the partnership's entries, not the figures: it stays quick.
    const facts = await withTenant(db, { laCodes: [laCode], userId: principal.userId }, async (tx) => ({
      councilName: await councilNameOf(tx, laCode),
      priorities: await readPriorities(tx, laCode),
      selfEvaluation: await readSelfEvaluation(tx, laCode),
    }));
    const written = new Map(facts.selfEvaluation.map((e) => [e.sectionId, e]));
    return reply.render('planning/index.njk', {
      title: 'Inclusion plan and inspection evidence',
      councilName: facts.councilName,
      saved: SAVED[req.query.saved ?? ''],
      canEdit: roleHas(principal.role, 'planning:edit'),
      priorities: facts.priorities.map((p) => ({
        ...p,
        written: longDate(p.writtenOn),
        actions: p.actions.map((a) => ({ ...a, due: longDate(a.dueOn), statusName: ACTION_STATUS_NAMES[a.status], written: longDate(a.writtenOn) })),
      })),
      sections: SELF_EVALUATION_SECTIONS.map((s) => {
        const e = written.get(s.id);
        return { ...s, written: e ? `${longDate(e.writtenOn)} by ${e.authorName}` : undefined };
      }),
    });
  });

  for (const id of Object.keys(DOCUMENTS) as DocumentId[]) {
    app.get(`/planning/${id}`, { config: { access: 'planning:view' } }, async (req, reply) => {
      const doc = await documentFor(req.principal!, db, id);
      if (!doc) return reply.callNotFound();
      return renderDocument(reply, doc, id);
    });
    app.get(`/planning/${id}.pdf`, { config: { access: 'planning:view' } }, async (req, reply) => {
      const doc = await documentFor(req.principal!, db, id);
      if (!doc) return reply.callNotFound();
      const bytes = await renderPdf(doc);
      return reply.type('application/pdf')
        .header('content-disposition', `attachment; filename="${DOCUMENTS[id].file}-${doc.laCode}-${doc.generatedOn}.pdf"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    });
  }
}

async function documentFor(principal: NonNullable<Parameters<typeof councilOf>[0]>, db: Db, id: DocumentId): Promise<PlanningDocument | undefined> {
  const laCode = councilOf(principal);
  if (!laCode) return undefined;
  const facts = await gatherPlanningFacts(db, { laCode, userId: principal.userId }, todayInEngland(new Date()));
  return DOCUMENTS[id].build(facts);
}

function renderDocument(reply: FastifyReply, doc: PlanningDocument, id: DocumentId) {
  return reply.render('planning/document.njk', {
    title: doc.title,
    backLink: '/planning',
    doc,
    generated: longDate(doc.generatedOn),
    pdfHref: `/planning/${id}.pdf`,
  });
}
