import type { FastifyInstance } from 'fastify';
import { formatIsoDate, InvalidDateError, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { can } from '../../../platform/identity/principal.ts';
import type { Db } from '../../../platform/db/connection.ts';
import { councilRange, lastCompleteYear } from '../application/council-indicators.ts';
import { nationalView } from '../application/national-indicators.ts';
import { releaseCouncilValues } from '../domain/released-values.ts';
import { readWithTenant } from '../../../platform/db/connection.ts';
import { latestNarratives } from '../infrastructure/narrative.repository.ts';
import { requestContext } from './insight-context.ts';

/**
 * GET /api/insight/indicators?from=&to=: the same figures as the pages, with the same disclosure
 * control (figures that reach an API have left the council). A council role gets its council's
 * indicators with their narratives; a national role gets every council's aggregates.
 */
function parseDay(value: string | undefined, name: string): LocalDate | string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidDateError(value);
    return parseLocalDate(value);
  } catch {
    return `${name} must be a real date written YYYY-MM-DD, not '${value}'`;
  }
}

export function registerInsightApiRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: { from?: string; to?: string; la?: string } }>('/api/insight/indicators', { config: { access: 'signed-in' } }, async (req, reply) => {
    const principal = req.principal!;
    const local = can(principal, 'insight:local');
    if (!local && !can(principal, 'insight:national')) return reply.code(403).send({ error: 'Your role does not allow this.' });
    const ctx = requestContext();
    const from = parseDay(req.query.from, 'from');
    const to = parseDay(req.query.to, 'to');
    if (typeof from === 'string' || typeof to === 'string') return reply.code(400).send({ error: typeof from === 'string' ? from : to });
    const range = { from: from ?? lastCompleteYear(ctx.asOf).from, to: to ?? lastCompleteYear(ctx.asOf).to };
    if (range.from > range.to) return reply.code(400).send({ error: 'from must be on or before to' });
    const period = `${formatIsoDate(range.from)}/${formatIsoDate(range.to)}`;
    if (!local) {
      const view = await nationalView(db, range.from, range.to, ctx.asOf);
      return reply.send({ period, suppression: 'Counts from 1 to 4 and the cells that would reveal them are null.', england: view.england, councils: view.rows });
    }
    const laCode = principal.laCodes.includes(req.query.la ?? '') ? req.query.la! : principal.laCodes[0];
    if (!laCode) return reply.code(404).send({ error: 'Not found.' });
    const scope = { laCodes: principal.laCodes, userId: principal.userId };
    const values = releaseCouncilValues(await councilRange(db, scope, laCode, range.from, range.to, ctx.asOf, ctx.clock));
    const narratives = await readWithTenant(db, scope, (q) => latestNarratives(q, laCode));
    return reply.send({
      laCode,
      period,
      suppression: 'Counts from 1 to 4 and the cells that would reveal them are null.',
      indicators: values.map((v) => ({
        indicator: v.indicatorId, ...(v.breakdown ? { breakdown: v.breakdown } : {}), period, numerator: v.numerator, denominator: v.denominator, value: v.value,
        narrative: narratives.get(v.indicatorId) ?? null,
      })),
    });
  });
}
