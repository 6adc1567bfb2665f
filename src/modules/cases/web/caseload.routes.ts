import type { FastifyInstance } from 'fastify';
import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { readWithTenant, withTenant, type Db } from '../../../platform/db/connection.ts';
import { roleHas } from '../../../platform/identity/roles.ts';
import { DUE_SOON_DAYS } from '../../statutory/index.ts';
import { CASE_STAGES, isCaseStage, STAGE_NAMES, type CaseStage } from '../domain/case-stage.ts';
import { caseloadPage, IN_PROGRESS, NEXT_DEADLINE_STATES, type CaseloadScope, type CaseloadSort, type NextDeadlineState } from '../infrastructure/caseload.query.ts';
import { refreshStaleProjections, staleProjections } from '../infrastructure/case-projection.repository.ts';
import { deadlineTag } from './deadline-tags.ts';

const PAGE_SIZE = 50;
type Query = Record<string, string | string[] | undefined>;
const many = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * The caseload: a GET form of filters (works without JavaScript), sortable columns and 50 rows a
 * page. Everything is filtered and sorted in SQL on the case_deadlines projection.
 */
export function registerCaseloadRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: Query }>('/caseload', { config: { access: 'caseload:view' } }, async (req, reply) => {
    const principal = req.principal!;
    const canSeeCouncil = roleHas(principal.role, 'case:manage');
    const requestedScope = one(req.query.scope);
    const scope: CaseloadScope = requestedScope === 'team' ? 'team' : requestedScope === 'council' && canSeeCouncil ? 'council' : 'mine';
    const stageParam = many(req.query.stage);
    // No stage chosen means the default view: cases still in progress. "all" shows every stage.
    const stages: CaseStage[] = stageParam.includes('all') ? [] : stageParam.filter(isCaseStage);
    const effectiveStages = stageParam.length === 0 ? [...IN_PROGRESS] : stages;
    const states = many(req.query.state).filter((s): s is NextDeadlineState => (NEXT_DEADLINE_STATES as readonly string[]).includes(s));
    const sortParam = one(req.query.sort);
    const sort: CaseloadSort = sortParam === 'reference' || sortParam === 'stage' ? sortParam : 'due';
    const page = Math.max(1, Number.parseInt(one(req.query.page) ?? '1', 10) || 1);
    const today = formatIsoDate(todayInEngland(new Date()));

    const tenancy = { laCodes: principal.laCodes, userId: principal.userId };
    const only = scope === 'mine' || (scope === 'team' && !principal.team) ? { caseworkerUserId: principal.userId } : scope === 'team' && principal.team ? { team: principal.team } : {};
    // Plain reads on a scoped connection; a transaction only when some projection is behind.
    const result = await readWithTenant(db, tenancy, async (q) => {
      if ((await staleProjections(q, principal.laCodes, only, 1)).length > 0) {
        await withTenant(db, tenancy, (tx) => refreshStaleProjections(tx, principal.laCodes, only));
      }
      return caseloadPage(q, { scope, userId: principal.userId, team: principal.team, laCodes: principal.laCodes, stages: effectiveStages, states, sort, page, pageSize: PAGE_SIZE, today, dueSoonDays: DUE_SOON_DAYS });
    });

    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const link = (changes: Record<string, string | string[]>): string => {
      const params = new URLSearchParams();
      const merged: Record<string, string | string[]> = { scope, stage: stageParam, state: states, sort, page: String(page), ...changes };
      for (const [k, v] of Object.entries(merged)) for (const x of many(v)) if (x !== '') params.append(k, x);
      return `/caseload?${params.toString()}`;
    };
    const scopes = [
      { value: 'mine', text: 'My cases' },
      { value: 'team', text: principal.team ? `My team's cases (${principal.team})` : "My team's cases" },
      ...(canSeeCouncil ? [{ value: 'council', text: 'All cases in the council' }] : []),
    ];
    return reply.render('cases/caseload.njk', {
      title: scopes.find((s) => s.value === scope)?.text ?? 'Caseload',
      scope,
      scopes: scopes.map((s) => ({ ...s, checked: s.value === scope })),
      stageItems: [
        ...CASE_STAGES.map((s) => ({ value: s, text: STAGE_NAMES[s], checked: effectiveStages.includes(s) })),
      ],
      allStages: stageParam.includes('all'),
      stateItems: NEXT_DEADLINE_STATES.map((s) => ({ value: s, text: deadlineTag(s).text, checked: states.includes(s) })),
      rows: result.rows.map((r) => ({ ...r, stageName: STAGE_NAMES[r.stage], tag: deadlineTag(r.state) })),
      total: result.total,
      sort,
      sortLinks: { due: link({ sort: 'due', page: '1' }), reference: link({ sort: 'reference', page: '1' }), stage: link({ sort: 'stage', page: '1' }) },
      showCaseworker: scope !== 'mine',
      pagination: {
        ...(page > 1 ? { previous: { href: link({ page: String(page - 1) }) } } : {}),
        ...(page < pages ? { next: { href: link({ page: String(page + 1) }) } } : {}),
        items: pageItems(page, pages).map((p) => (p === 0 ? { ellipsis: true } : { number: p, href: link({ page: String(p) }), current: p === page })),
      },
      page,
      pages,
    });
  });
}

/** Page numbers to show: first, last and two either side of the current one; 0 is a gap. */
function pageItems(page: number, pages: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
    else if (out.at(-1) !== 0) out.push(0);
  }
  return out;
}
