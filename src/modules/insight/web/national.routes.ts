import type { FastifyInstance } from 'fastify';
import { addDays, daysFromCivil, formatIsoDate, toYearMonthDay } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db/connection.ts';
import { nationalView, type NationalRow } from '../application/national-indicators.ts';
import { csvField } from '../domain/csv-writer.ts';
import { formatSuppressed } from '../domain/disclosure-control.ts';
import { formatFigure } from '../domain/svg-chart.ts';
import { requestContext } from './insight-context.ts';

/** Every council, aggregate counts only, small numbers suppressed. No person-level data exists here. */
const COLUMNS: Array<{ key: keyof Omit<NationalRow, 'laCode' | 'name' | 'regionName'>; heading: string; unit: 'count' | 'percent' }> = [
  { key: 'plansInPlace', heading: 'EHC plans in place', unit: 'count' },
  { key: 'mainstreamShare', heading: 'Mainstream school named', unit: 'percent' },
  { key: 'requests', heading: 'Requests for assessment', unit: 'count' },
  { key: 'refusalRate', heading: 'Requests refused', unit: 'percent' },
  { key: 'decisionsWithin6Weeks', heading: 'Decisions within 6 weeks', unit: 'percent' },
  { key: 'newPlans', heading: 'New plans issued', unit: 'count' },
  { key: 'within20Weeks', heading: 'Within 20 weeks', unit: 'percent' },
  { key: 'within20WeeksExcludingExceptions', heading: 'Within 20 weeks, excluding exceptions', unit: 'percent' },
];

const show = (v: number | null, unit: 'count' | 'percent'): string => (v === null ? '[c]' : formatFigure(v, unit));

function yearRange(asked: string | undefined, asOfYear: number): { year: number; error?: string } {
  if (asked === undefined || asked === '') return { year: asOfYear - 1 };
  if (!/^\d{4}$/.test(asked) || Number(asked) < 2015 || Number(asked) > asOfYear) return { year: asOfYear - 1, error: `Enter a year from 2015 to ${asOfYear}` };
  return { year: Number(asked) };
}

export function registerNationalRoutes(app: FastifyInstance, db: Db): void {
  type Q = { Querystring: { year?: string } };
  const load = async (asked: string | undefined) => {
    const ctx = requestContext();
    const asOfYear = toYearMonthDay(ctx.asOf).year;
    const { year, error } = yearRange(asked, asOfYear);
    const to = addDays(daysFromCivil(year + 1, 1, 1), -1);
    return { view: await nationalView(db, daysFromCivil(year, 1, 1), to < ctx.asOf ? to : ctx.asOf, ctx.asOf), year, error, asOfYear };
  };

  app.get<Q>('/national', { config: { access: 'insight:national' } }, async (req, reply) => {
    const { view, year, error, asOfYear } = await load(req.query.year);
    const errors = error ? { list: [{ text: error, href: '#year' }], fields: { year: { text: error } } } : undefined;
    return reply.render('insight/national.njk', {
      title: 'EHC plans in every council',
      year,
      years: Array.from({ length: asOfYear - 2015 + 1 }, (_, i) => asOfYear - i).map((y) => ({ value: String(y), text: String(y), selected: y === year })),
      columns: COLUMNS,
      rows: view.rows.map((r) => ({ name: r.name, regionName: r.regionName, cells: COLUMNS.map((c) => show(r[c.key], c.unit)) })),
      england: COLUMNS.map((c) => show(view.england[c.key], c.unit)),
      stockOn: view.stockOn,
      errors,
    });
  });

  app.get<Q>('/national/download.csv', { config: { access: 'insight:national' } }, async (req, reply) => {
    const { view, year } = await load(req.query.year);
    const header = ['la_code', 'council', 'region', ...COLUMNS.map((c) => c.key)].join(',');
    const line = (cells: string[]): string => cells.map(csvField).join(',');
    const rows = view.rows.map((r) => line([r.laCode, r.name, r.regionName, ...COLUMNS.map((c) => formatSuppressed(r[c.key]))]));
    const total = line(['E92000001', 'England (councils using OpenSEND)', '', ...COLUMNS.map((c) => formatSuppressed(view.england[c.key]))]);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="national-indicators-${year}.csv"`)
      .send([header, ...rows, total].join('\r\n') + '\r\n');
  });
}

export { formatIsoDate };
