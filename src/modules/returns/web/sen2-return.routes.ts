import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CompiledQuery } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { checkSen2Return } from '../application/check-sen2.ts';
import { exportSen2Xml } from '../application/export-sen2.ts';
import { ReferenceDateError, collectionPeriod } from '../domain/collection-period.ts';
import type { RunQuery } from '../infrastructure/child-history.cursor.ts';

/**
 * The SEN2 return for a council's SEND manager: choose the reference date, see what the
 * pre-submission check finds (grouped by child, each linked to the case), download the XML. The
 * download streams from a cursor inside the tenant transaction, so row-level security applies and
 * the response starts before the last child is read. Both are audited.
 */
type Query = { day?: string; month?: string; year?: string };

function dateFrom(q: Query): { value?: string; error?: string } {
  if (!q.day && !q.month && !q.year) return {};
  const value = `${(q.year ?? '').trim()}-${(q.month ?? '').trim().padStart(2, '0')}-${(q.day ?? '').trim().padStart(2, '0')}`;
  try { collectionPeriod(value); return { value }; } catch (e) {
    if (e instanceof ReferenceDateError) return { error: `Enter a real date in January for the reference date (${e.message})` };
    throw e;
  }
}

export function registerReturnsRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: Query }>('/returns/sen2', { config: { access: 'returns:manage' } }, async (req, reply) => {
    const principal = req.principal!;
    const laCode = principal.laCodes[0]!;
    const { value, error } = dateFrom(req.query);
    const form = { day: req.query.day ?? '', month: req.query.month ?? '', year: req.query.year ?? '' };
    if (!value) return reply.render('returns/sen2-return.njk', { title: 'SEN2 return', form, errors: error ? [{ text: error, href: '#referenceDate-day' }] : undefined, error });
    const result = await withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      await recordAudit(tx, { principal, requestId: req.id }, { laCode, action: 'view', recordType: 'sen2-check', recordId: `${laCode}-${value}` });
      return checkSen2Return(kyselyQuery(tx), laCode, value);
    });
    return reply.render('returns/sen2-return.njk', {
      title: 'SEN2 return', form, referenceDate: value, period: collectionPeriod(value), result,
      downloadHref: `/returns/sen2/download?day=${form.day}&month=${form.month}&year=${form.year}`,
    });
  });

  app.get<{ Querystring: Query }>('/returns/sen2/download', { config: { access: 'returns:manage' } }, async (req, reply) => {
    const principal = req.principal!;
    const laCode = principal.laCodes[0]!;
    const { value } = dateFrom(req.query);
    if (!value) return reply.redirect('/returns/sen2');
    const body = new PassThrough();
    // A browser that goes away must not leave the transaction (and its connection) waiting for a
    // 'drain' that never comes: the next write fails and the transaction rolls back.
    reply.raw.once('close', () => { if (!reply.raw.writableFinished) body.destroy(); });
    const write = async (chunk: string): Promise<void> => {
      if (body.destroyed) throw new Error('the download was abandoned');
      if (!body.write(chunk)) await new Promise((resolve) => { body.once('drain', resolve); body.once('close', resolve); });
    };
    void withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
      await recordAudit(tx, { principal, requestId: req.id }, { laCode, action: 'export', recordType: 'sen2-return', recordId: `${laCode}-${value}`, detail: { referenceDate: value } });
      const generatedAt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'medium' }).format(new Date()).replace(' ', 'T');
      await exportSen2Xml(kyselyQuery(tx), { laCode, referenceDate: value, generatedAt }, write);
    }).then(() => body.end(), (e: unknown) => {
      if (!body.destroyed) req.log.error(e, 'SEN2 download failed');
      body.destroy();
    });
    return reply
      .header('content-type', 'application/xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="SEN2_${laCode}_${value}.xml"`)
      .send(body);
  });
}

function kyselyQuery(tx: Parameters<Parameters<typeof withTenant>[2]>[0]): RunQuery {
  return async (text, values) => ({ rows: (await tx.executeQuery(CompiledQuery.raw(text, values ?? []))).rows as unknown[] });
}
