import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { addDays, formatIsoDate, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { createDb, type Tx } from '../../../platform/db/connection.ts';
import { appendCaseEvent, caseCalendar, type CaseEventPayloads, type CaseEventType } from '../../cases/index.ts';
import { deriveLivingPlan } from '../domain/living-plan-state.ts';
import { moveTransfer } from '../domain/council-move.ts';
import { routeFor } from '../domain/phase-transfer-cohorts.ts';
import { nextTransferYear } from '../domain/school-year.ts';
import { ceaseReasons } from '../infrastructure/cease-reasons.ts';
import { plansWithEvents, type PlanRow } from '../infrastructure/living-plans.query.ts';
import { recordOutgoingTransfer } from '../infrastructure/plan-transfers.repository.ts';

export interface SeedLivingPlansResult { cases: number; events: number; transfersIn: number }

type Step = { [T in CaseEventType]: { type: T; on: LocalDate; data: CaseEventPayloads[T] } }[CaseEventType];

/**
 * The demo council's living plans: the seed issues plans but records nothing after issue, so the
 * review pages would show only due dates. This adds, on a few plans each, what a council's year
 * looks like — reviews arranged, held and decided (keep, amend), amendments proposed and issued,
 * plans ceased with their SEN2 reason, next schools named for the coming phase transfer, a child
 * moving away and one moving in from a neighbouring council. Every step is an ordinary case event
 * appended as the pages would append it; nothing here is shown that the pages could not record.
 * Runs once: a council that already has living-plan events is left alone.
 */
export async function seedLivingPlans(adminUrl: string, laCode: string, today: LocalDate): Promise<SeedLivingPlansResult> {
  const { db } = createDb(adminUrl, { max: 2 });
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`select set_config('app.la_codes', ${laCode}, true)`.execute(tx);
      const already = await tx.selectFrom('case_events').select('case_id').where('la_code', '=', laCode)
        .where('type', 'in', ['review-meeting-arranged', 'review-decision', 'plan-ceased', 'plan-transferred-out', 'phase-transfer-named']).limit(1).executeTakeFirst();
      if (already) return { cases: 0, events: 0, transfersIn: 0 };
      const calendar = caseCalendar();
      // Plans issued more than a year ago whose last event is well in the past: every date below is after it.
      const plans = (await plansWithEvents(tx, { laCodes: [laCode] }))
        .filter((p) => (p.events.at(-1)?.occurredOn ?? '9999') < formatIsoDate(addDays(today, -90)))
        .filter((p) => deriveLivingPlan({ events: p.events, dateOfBirth: p.child.dateOfBirth, underFiveMonths: 6 }, { today, calendar }).status === 'maintained')
        .sort((a, b) => a.reference.localeCompare(b.reference));
      const year = nextTransferYear(today);
      const movers = plans.filter((p) => routeFor({ dateOfBirth: parseLocalDate(p.child.dateOfBirth), settingPhase: p.setting?.phase }, year)?.id === 'primary-to-secondary');
      const others = plans.filter((p) => !movers.includes(p));
      const settings = await tx.selectFrom('settings').select(['id', 'name']).where('la_code', '=', laCode).where('phase', 'ilike', '%secondary%').orderBy('name').limit(3).execute();
      const d = (days: number) => addDays(today, days);
      const review = (meeting: number) => ({ reviewId: randomUUID(), meeting });
      const held = (r: { reviewId: string; meeting: number }): Step[] => [
        { type: 'review-meeting-arranged', on: d(r.meeting - 30), data: { reviewId: r.reviewId, meetingOn: formatIsoDate(d(r.meeting)), arrangedBy: 'setting' } },
        { type: 'review-invitations-sent', on: d(r.meeting - 20), data: { reviewId: r.reviewId, invitees: ['Parent', 'SENCO', 'Educational psychologist'] } },
        { type: 'review-advice-circulated', on: d(r.meeting - 15), data: { reviewId: r.reviewId } },
        { type: 'annual-review-held', on: d(r.meeting), data: { reviewId: r.reviewId, attendees: ['Parent', 'SENCO', 'Caseworker'], views: 'Happy at school; wants help with friendships.', progress: 'Good progress towards the outcomes in Section E.' } },
        { type: 'review-report-sent', on: d(r.meeting + 10), data: { reviewId: r.reviewId } },
      ];
      const scenarios: Array<{ plan: PlanRow | undefined; steps: Step[]; move?: boolean }> = [];
      const take = () => others.shift();
      // Reviews coming up: meeting arranged.
      for (let i = 0; i < 3; i += 1) {
        const r = review(10 + i * 7);
        scenarios.push({ plan: take(), steps: [{ type: 'review-meeting-arranged', on: d(-14), data: { reviewId: r.reviewId, meetingOn: formatIsoDate(d(r.meeting)), arrangedBy: i % 2 ? 'council' : 'setting' } }] });
      }
      // Reviews held and the plan kept as it is (a decision notice with appeal rights).
      for (let i = 0; i < 2; i += 1) {
        const r = review(-60 - i * 20);
        scenarios.push({ plan: take(), steps: [...held(r), { type: 'review-decision', on: d(r.meeting + 25), data: { reviewId: r.reviewId, decision: 'maintain', reasons: ['The plan still describes the needs and provision well.'] } }] });
      }
      // Amendments: proposed and waiting for comments; comments in; amended plan issued.
      for (let i = 0; i < 3; i += 1) {
        const r = review(-40 - i * 30);
        const proposedOn = r.meeting + 28;
        const steps: Step[] = [...held(r), { type: 'review-decision', on: d(r.meeting + 27), data: { reviewId: r.reviewId, decision: 'amend' } },
          { type: 'amendments-proposed', on: d(proposedOn), data: { reviewId: r.reviewId, changes: ['Section F: speech and language therapy increased to 2 sessions a week', 'Section E: a new outcome for travelling to school independently'] } }];
        if (i >= 1) steps.push({ type: 'amendment-representations-received', on: d(proposedOn + 10), data: { comments: 'We agree, and would like the therapy in the mornings.' } });
        if (i >= 2) steps.push({ type: 'amended-plan-issued', on: d(proposedOn + 40), data: {} });
        scenarios.push({ plan: take(), steps });
      }
      // Plans ceased, each with its SEN2 CeaseReason.
      const reasons = ceaseReasons();
      for (let i = 0; i < 2; i += 1) {
        const reason = reasons[i % reasons.length]!;
        scenarios.push({ plan: take(), steps: [{ type: 'plan-ceased', on: d(-20 - i * 30), data: { reasonCode: reason.code, reasons: [`${reason.text}.`] } }] });
      }
      // Next schools named for the primary → secondary transfer (the rest of the cohort stays at risk).
      for (const plan of movers.slice(0, Math.ceil(movers.length / 2))) {
        const setting = settings[scenarios.length % Math.max(settings.length, 1)];
        if (setting) scenarios.push({ plan, steps: [{ type: 'phase-transfer-named', on: d(-7), data: { transferYear: year, route: 'primary-to-secondary', settingId: setting.id, settingName: setting.name } }] });
      }
      // A child moving away, the plan already sent.
      scenarios.push({ plan: take(), steps: [], move: true });

      const neighbour = (await tx.selectFrom('councils').select('la_code').where('la_code', '<>', laCode).orderBy('la_code').executeTakeFirstOrThrow()).la_code;
      let events = 0;
      let cases = 0;
      for (const s of scenarios) {
        const plan = s.plan;
        if (!plan) continue;
        cases += 1;
        const base = { laCode, caseId: plan.caseId, actorUserId: null };
        for (const step of s.steps) {
          await appendCaseEvent(tx, { ...base, type: step.type, occurredOn: formatIsoDate(step.on), data: step.data } as Parameters<typeof appendCaseEvent>[1]);
          events += 1;
        }
        if (s.move) {
          const awareOn = d(-30);
          const movedOn = d(-5);
          const transferId = randomUUID();
          const { late } = moveTransfer(awareOn, movedOn, calendar);
          await appendCaseEvent(tx, { ...base, type: 'plan-transferred-out', occurredOn: formatIsoDate(awareOn), data: { transferId, toLaCode: neighbour, movedOn: formatIsoDate(movedOn), noticeLate: late } });
          events += 1;
          await withCouncils(tx, [laCode, neighbour], () => recordOutgoingTransfer(tx, plan, {
            transferId, toLaCode: neighbour, awareOn: formatIsoDate(awareOn), movedOn: formatIsoDate(movedOn), noticeLate: late, transferredOn: formatIsoDate(d(-6)),
            views: 'The annual review is due soon; the family would like it held at the new school.',
          }, { issuedOn: plan.events.find((e) => e.type === 'final-plan-issued')?.occurredOn }));
        }
      }
      const transfersIn = await seedIncomingTransfer(tx, laCode, neighbour, today);
      return { cases, events, transfersIn };
    });
  } finally {
    await db.destroy();
  }
}

/** The send function checks that the caller acts for the old council; the seed acts for both. */
async function withCouncils<T>(tx: Tx, laCodes: string[], fn: () => Promise<T>): Promise<T> {
  await sql`select set_config('app.la_codes', ${laCodes.join(',')}, true)`.execute(tx);
  try {
    return await fn();
  } finally {
    await sql`select set_config('app.la_codes', ${laCodes[0]!}, true)`.execute(tx);
  }
}

/**
 * A child moving in from the neighbouring council, the plan received a week ago and the 6 weeks to
 * tell the family running: both councils' rows, as send_plan_transfer would have made them.
 */
async function seedIncomingTransfer(tx: Tx, laCode: string, from: string, today: LocalDate): Promise<number> {
  const id = randomUUID();
  const row = {
    id, case_reference: `EHC-${from}-004217`, child_given_name: 'Rowan', child_family_name: 'Ashdown', child_date_of_birth: '2013-10-14',
    aware_on: formatIsoDate(addDays(today, -40)), moved_on: formatIsoDate(addDays(today, -10)), notice_late: false, transferred_on: formatIsoDate(addDays(today, -7)),
    plan_issued_on: formatIsoDate(addDays(today, -300)), last_review_on: null, primary_need: 'ASD',
  };
  await withCouncils(tx, [laCode, from], async () => {
    await tx.insertInto('plan_transfers').values({ ...row, la_code: from, direction: 'out', counterpart_la_code: laCode, views: 'Settled well; a review was not yet due.' }).execute();
    await tx.insertInto('plan_transfers').values({ ...row, la_code: laCode, direction: 'in', counterpart_la_code: from, counterpart_views: 'Settled well; a review was not yet due.' }).execute();
  });
  return 1;
}
