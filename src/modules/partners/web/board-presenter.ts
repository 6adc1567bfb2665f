import { formatLongDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import type { Board } from '../application/board.ts';
import { COMMITMENT_STATUS_TAGS, SECTION_NAMES, type CommitmentStatus } from '../domain/commitment-status.ts';
import { LADDER_STEP_NAMES, PARTNER_KIND_NAMES, isPartnerKind, type LadderStepId } from '../domain/partner-duties.ts';
import type { ScorecardRow } from '../domain/scorecard.ts';
import { STATUS_TAGS } from '../domain/work-tray.ts';
import { trendChartSvg } from './trend-chart.ts';

const pct = (v: number | null) => (v === null ? 'No advice due' : `${v.toFixed(1)}%`);
const days = (v: number | null) => (v === null ? '–' : `${v % 1 === 0 ? v : v.toFixed(1)}`);

export const kindName = (kind: string) => (isPartnerKind(kind) ? PARTNER_KIND_NAMES[kind] : kind);

export function scorecardRowModel(r: ScorecardRow) {
  return {
    ...r, kindName: kindName(r.kind), href: r.organisationId === 'all' ? undefined : `/partnership/partners/${r.organisationId}`,
    onTime: pct(r.adviceOnTimePercent), onTimeDetail: `${r.adviceOnTime} of ${r.adviceDue}`, medianLate: days(r.medianDaysLate),
    delivered: `${r.commitmentsDelivered} of ${r.commitments}`,
  };
}

export const stepName = (step: string | undefined) => (step ? LADDER_STEP_NAMES[step as LadderStepId] ?? step : 'No step yet');
export const longDate = (iso: string) => formatLongDate(parseLocalDate(iso));
export const commitmentTag = (status: string) => COMMITMENT_STATUS_TAGS[status as CommitmentStatus];
export const sectionName = (s: string) => SECTION_NAMES[s] ?? s;
export const obligationTag = (status: string) => STATUS_TAGS[status as keyof typeof STATUS_TAGS];

/** Everything the board page and the printable pack show, in words and figures. */
export function boardModel(board: Board) {
  const bars = board.trend.map((t) => ({ label: t.quarter.key.replace('-', ' '), percent: t.percent, detail: `${t.numerator} of ${t.denominator}` }));
  return {
    quarter: board.quarter,
    rows: board.rows.map(scorecardRowModel),
    total: scorecardRowModel(board.total),
    chart: trendChartSvg(bars, { id: 'advice-trend', title: `Partners' advice sent within 6 weeks, by quarter` }),
    trend: board.trend.map((t) => ({ label: t.quarter.label, percent: pct(t.percent), detail: `${t.numerator} of ${t.denominator}` })),
    trendQuarters: board.trend.map((t) => t.quarter.key.replace('-', ' ')),
    trendByPartner: board.trendByPartner.map((p) => ({ name: p.name, cells: p.points.map((t) => (t.percent === null ? '–' : `${t.percent.toFixed(1)}%`)) })),
    late: board.late.slice(0, 50).map((o) => ({
      reference: o.reference ?? '–', partner: o.organisationName, duty: board.book.find(o.dutyId)?.name ?? o.dutyId, due: longDate(o.dueIso), daysLate: o.daysLate, step: stepName(o.highestStep),
    })),
    lateCount: board.late.length,
    notDelivered: board.notDelivered.map((c) => ({ reference: c.reference, partner: c.organisationName, section: sectionName(c.section), provision: c.provision, status: commitmentTag(c.status), since: longDate(c.events.at(-1)?.occurredOn ?? c.committedOn) })),
  };
}
