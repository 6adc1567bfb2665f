import { parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { commitmentStatus, isNotDelivered } from '../domain/commitment-status.ts';
import { highestStep } from '../domain/escalation.ts';
import { viewOf, type ObligationView } from '../domain/obligation.ts';
import type { DutyBook } from '../domain/partner-duties.ts';
import { recentQuarters, type Quarter } from '../domain/periods.ts';
import { adviceTimeliness, percent, scorecard, type ScorecardRow } from '../domain/scorecard.ts';
import { escalations, notices, officersOf, organisationUsers, partnerOrganisations, type CommitmentRow, type EscalationRow, type NoticeRow, type Officer, type PartnerOrganisation } from '../infrastructure/partnership.repository.ts';
import { councilDutyBook, loadObligations } from './obligations.ts';

export const TREND_QUARTERS = 6;

export interface TrendPoint { quarter: Quarter; numerator: number; denominator: number; percent: number | null }

export interface Board {
  laCode: string;
  quarter: Quarter;
  rows: ScorecardRow[];
  total: ScorecardRow;
  /** The partnership's advice on time, quarter by quarter, and each partner's. */
  trend: TrendPoint[];
  trendByPartner: { organisationId: string; name: string; points: TrendPoint[] }[];
  book: DutyBook;
  /** The latest, worst-first: what is late now, how late, and how far up the ladder it went. */
  late: (ObligationView & { organisationName: string; highestStep?: string })[];
  notDelivered: (CommitmentRow & { status: string })[];
}

/** The council the board looks at: a SEND manager's own (one council per role assignment). */
export const boardCouncil = (p: Principal): string | undefined => p.laCodes[0];

async function loadBoard(tx: Tx, laCode: string, quarter: Quarter, today: LocalDate, calendar: WorkingDayCalendar): Promise<Board> {
  const book = await councilDutyBook(tx, laCode);
  const { obligations, commitments } = await loadObligations(tx, laCode, book, calendar, today);
  const steps = await escalations(tx, laCode);
  // Every school is an organisation; the board lists the standing partners and any partner that owes something.
  const active = new Set([...obligations.map((o) => o.organisationId), ...commitments.map((c) => c.organisationId), ...(await officersOf(tx, laCode)).map((o) => o.organisationId)]);
  const orgs = (await partnerOrganisations(tx, laCode)).filter((o) => active.has(o.id) || ['icb', 'social-care', 'educational-psychology'].includes(o.kind));
  const input = {
    organisations: orgs, obligations,
    commitments: commitments.map((c) => ({ organisationId: c.organisationId, committedOn: c.committedOn, events: c.events })),
    escalations: steps.map((e) => ({ organisationId: e.organisationId, step: e.step, steppedOn: e.steppedOn })),
  };
  const { rows, total } = scorecard(input, quarter.from, quarter.to, today);
  const quarters = recentQuarters(Math.min(quarter.to, today) as LocalDate, TREND_QUARTERS);
  const point = (q: Quarter, list: typeof obligations): TrendPoint => {
    const t = adviceTimeliness(list, q.from, q.to, today);
    return { quarter: q, numerator: t.numerator, denominator: t.denominator, percent: percent(t.numerator, t.denominator) };
  };
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const byKey = new Map<string, EscalationRow[]>();
  for (const e of steps) byKey.set(e.obligationKey, [...(byKey.get(e.obligationKey) ?? []), e]);
  const late = obligations.map((o) => viewOf(o, today)).filter((o) => o.status === 'overdue')
    .sort((a, b) => b.daysLate - a.daysLate)
    .map((o) => {
      const top = highestStep(byKey.get(o.key) ?? []);
      return { ...o, organisationName: names.get(o.organisationId) ?? '', ...(top ? { highestStep: top } : {}) };
    });
  return {
    laCode, quarter, rows, total, book, late,
    trend: quarters.map((q) => point(q, obligations)),
    trendByPartner: orgs.map((o) => ({ organisationId: o.id, name: o.name, points: quarters.map((q) => point(q, obligations.filter((x) => x.organisationId === o.id))) })),
    notDelivered: commitments.map((c) => ({ ...c, status: commitmentStatus(c.events) })).filter((c) => isNotDelivered(c.status)),
  };
}

/**
 * The board's view of one quarter. It names cases by reference (late work and provision not
 * delivered), so opening it is audited as a view of the partnership record; child names are not shown.
 */
export async function boardView(db: Db, calendar: WorkingDayCalendar, principal: Principal, laCode: string, quarter: Quarter, today: LocalDate, requestId: string, action: 'view' | 'export' = 'view'): Promise<Board> {
  return withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
    const board = await loadBoard(tx, laCode, quarter, today, calendar);
    await recordAudit(tx, { principal, requestId }, { laCode, action, recordType: 'partnership-scorecard', recordId: quarter.key });
    return board;
  });
}

export interface PartnerPage {
  organisation: PartnerOrganisation;
  officers: Officer[];
  users: { displayName: string; team: string | null }[];
  open: (ObligationView & { steps: EscalationRow[] })[];
  commitments: (CommitmentRow & { status: string })[];
  notices: NoticeRow[];
}

/** One partner as the board sees it: who answers for it, what it owes, what was done about it. */
export async function partnerPage(db: Db, calendar: WorkingDayCalendar, principal: Principal, laCode: string, organisationId: string, today: LocalDate, requestId: string): Promise<PartnerPage | undefined> {
  return withTenant(db, { laCodes: principal.laCodes, userId: principal.userId }, async (tx) => {
    const organisation = (await partnerOrganisations(tx, laCode)).find((o) => o.id === organisationId);
    if (!organisation) return undefined;
    const book = await councilDutyBook(tx, laCode);
    const { obligations, commitments } = await loadObligations(tx, laCode, book, calendar, today, [organisationId]);
    const steps = await escalations(tx, laCode, { organisationId });
    await recordAudit(tx, { principal, requestId }, { laCode, action: 'view', recordType: 'partner-obligations', recordId: organisationId });
    return {
      organisation,
      officers: await officersOf(tx, laCode, organisationId),
      users: (await organisationUsers(tx, laCode, organisationId)).map((u) => ({ displayName: u.displayName, team: u.team })),
      open: obligations.filter((o) => o.doneOn === undefined).map((o) => ({ ...viewOf(o, today), steps: steps.filter((s) => s.obligationKey === o.key) }))
        .sort((a, b) => b.daysLate - a.daysLate || a.dueIso.localeCompare(b.dueIso)),
      commitments: commitments.map((c) => ({ ...c, status: commitmentStatus(c.events) })),
      notices: await notices(tx, laCode, { organisationIds: [organisationId] }),
    };
  });
}

/**
 * For insight: partners' advice on time per period, as numerator (sent on or before the due date)
 * and denominator (advice due in the period whose date has passed or which was sent; exceptions
 * under reg 8(2) left out). Runs under the caller's tenant scope.
 */
export async function partnersAdviceOnTime(db: Db, scope: { laCodes: string[]; userId?: string }, laCode: string, periods: readonly { from: string; to: string }[], today: LocalDate, calendar: WorkingDayCalendar): Promise<{ from: string; to: string; numerator: number; denominator: number }[]> {
  return withTenant(db, scope, async (tx) => {
    const book = await councilDutyBook(tx, laCode);
    const { obligations } = await loadObligations(tx, laCode, book, calendar, today);
    return periods.map((p) => {
      const t = adviceTimeliness(obligations, parseLocalDate(p.from), parseLocalDate(p.to), today);
      return { from: p.from, to: p.to, numerator: t.numerator, denominator: t.denominator };
    });
  });
}
