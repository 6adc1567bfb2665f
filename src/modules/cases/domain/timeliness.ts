import { daysBetween, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { computeDeadline, DeadlineInputError, DEFAULT_RULE_BOOK, type RuleBook } from '../../statutory/index.ts';
import type { CaseStage } from './case-stage.ts';

/** What timeliness needs to know about one case (the case_deadlines projection holds exactly this). */
export interface TimelinessCase {
  stage: CaseStage;
  requestedOn: string | null;
  decidedOn: string | null;
  decision: 'assess' | 'not-assess' | null;
  finalIssuedOn: string | null;
  /** The 20-week limit did not apply because of a recorded exception (reg 13(3)). */
  finalException: boolean;
  nextDue: string | null;
  nextException: boolean;
}

export interface TimelinessPeriod {
  from: LocalDate;
  to: LocalDate;
  today: LocalDate;
  calendar: WorkingDayCalendar;
  book?: RuleBook;
}

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

export interface Timeliness {
  requests: {
    received: number;
    decided: number;
    toAssess: number;
    notToAssess: number;
    withdrawn: number;
    ongoing: number;
    withinSixWeeks: number;
    overSixWeeks: number;
    /** Of requests with a decision (DfE: "percentages apply only where a decision was made"). */
    withinSixWeeksPct: number | null;
  };
  plans: {
    issued: number;
    within20Weeks: number;
    between20And52Weeks: number;
    over52Weeks: number;
    within20WeeksPct: number | null;
    /** Excluding exceptions: the denominator leaves out plans where the 20-week limit did not apply. */
    issuedExcludingExceptions: number;
    within20WeeksExcludingExceptions: number;
    within20WeeksExcludingExceptionsPct: number | null;
  };
  /** Open assessments whose next statutory deadline has passed (no exception), as of today. */
  overdueNow: number;
  /** Cases whose dates fall outside the bank holiday data: not counted in the timing figures. */
  notComputable: number;
}

const inPeriod = (iso: string | null, p: TimelinessPeriod): iso is string => {
  if (!iso) return false;
  const d = parseLocalDate(iso);
  return d >= p.from && d <= p.to;
};

/**
 * Timeliness for a council and a period, following the DfE's EHC plan statistics: requests counted
 * by the date received, with decisions within 6 weeks as a share of those decided; plans counted by
 * the date issued, within 20 weeks of the request including and excluding exceptions. "Within" is
 * the statutory clock's due date, so the figures can never disagree with the case pages.
 */
export function timeliness(cases: readonly TimelinessCase[], p: TimelinessPeriod): Timeliness {
  const book = p.book ?? DEFAULT_RULE_BOOK;
  let notComputable = 0;
  const due = (ruleId: string, from: string): LocalDate | undefined => {
    try {
      return computeDeadline({ ruleId, from: parseLocalDate(from) }, p.calendar, book).due;
    } catch (error) {
      if (error instanceof DeadlineInputError) {
        notComputable += 1;
        return undefined;
      }
      throw error;
    }
  };
  const r = { received: 0, decided: 0, toAssess: 0, notToAssess: 0, withdrawn: 0, ongoing: 0, withinSixWeeks: 0, overSixWeeks: 0 };
  const pl = { issued: 0, within20Weeks: 0, between20And52Weeks: 0, over52Weeks: 0, issuedExcludingExceptions: 0, within20WeeksExcludingExceptions: 0 };
  let overdueNow = 0;
  for (const c of cases) {
    if (inPeriod(c.requestedOn, p)) {
      r.received += 1;
      if (c.decidedOn && c.decision) {
        r.decided += 1;
        if (c.decision === 'assess') r.toAssess += 1;
        else r.notToAssess += 1;
        const limit = due('decision-to-assess', c.requestedOn);
        if (limit !== undefined) {
          if (parseLocalDate(c.decidedOn) <= limit) r.withinSixWeeks += 1;
          else r.overSixWeeks += 1;
        }
      } else if (c.stage === 'withdrawn') r.withdrawn += 1;
      else r.ongoing += 1;
    }
    if (inPeriod(c.finalIssuedOn, p) && c.requestedOn) {
      const limit = due('final-plan', c.requestedOn);
      if (limit !== undefined) {
        const issued = parseLocalDate(c.finalIssuedOn);
        const within = issued <= limit;
        pl.issued += 1;
        if (within) pl.within20Weeks += 1;
        else if (daysBetween(parseLocalDate(c.requestedOn), issued) > 52 * 7) pl.over52Weeks += 1;
        else pl.between20And52Weeks += 1;
        if (!c.finalException) {
          pl.issuedExcludingExceptions += 1;
          if (within) pl.within20WeeksExcludingExceptions += 1;
        }
      }
    }
    const inProgress = c.stage === 'awaiting-decision' || c.stage === 'assessing' || c.stage === 'draft';
    if (inProgress && c.nextDue && !c.nextException && parseLocalDate(c.nextDue) < p.today) overdueNow += 1;
  }
  return {
    requests: { ...r, withinSixWeeksPct: pct(r.withinSixWeeks, r.withinSixWeeks + r.overSixWeeks) },
    plans: {
      ...pl,
      within20WeeksPct: pct(pl.within20Weeks, pl.issued),
      within20WeeksExcludingExceptionsPct: pct(pl.within20WeeksExcludingExceptions, pl.issuedExcludingExceptions),
    },
    overdueNow,
    notComputable,
  };
}
