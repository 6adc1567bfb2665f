import { formatIsoDate, formatLongDate, parseLocalDate, type LocalDate, type WorkingDayCalendar } from '../../../platform/calendar/index.ts';
import { withTenant, type Db, type Tx } from '../../../platform/db/connection.ts';
import type { Message, Notifier } from '../../notify/index.ts';
import { stepsDue } from '../domain/escalation.ts';
import { LADDER_STEP_NAMES, type LadderStepId } from '../domain/partner-duties.ts';
import { assignments, escalations, officersOf, organisationUsers, partnerOrganisations, recordEscalation } from '../infrastructure/partnership.repository.ts';
import { councilDutyBook, loadObligations } from './obligations.ts';

export interface EscalateDeps { db: Db; notifier: Notifier; calendar: WorkingDayCalendar; publicUrl: string }

export interface EscalationRun {
  taken: { obligationKey: string; organisationId: string; step: LadderStepId; stepDueOn: string }[];
  messages: number;
  messagesFailed: number;
}

const DESIGNATED: Record<string, readonly string[]> = { icb: ['dco', 'dmo'], 'social-care': ['dsco'] };

/** Who each step tells: the partner's own staff, its designated officer, its senior manager, or the board. */
async function recipients(tx: Tx, laCode: string, organisation: { id: string; kind: string }, step: LadderStepId): Promise<string[]> {
  if (step === 'partnership-board') {
    const rows = await tx.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id').select('u.email')
      .where('r.la_code', '=', laCode).where('r.role', '=', 'send-manager').where('u.is_active', '=', true).execute();
    return rows.map((r) => r.email);
  }
  if (step === 'reminder') return (await organisationUsers(tx, laCode, organisation.id)).map((u) => u.email);
  const officers = await officersOf(tx, laCode, organisation.id);
  if (step === 'senior-manager') return officers.filter((o) => o.role === 'senior-manager').map((o) => o.email);
  const roles = DESIGNATED[organisation.kind] ?? ['designated-officer'];
  return officers.filter((o) => roles.includes(o.role)).map((o) => o.email);
}

/**
 * Steps every late (or nearly due) partner duty in one council up its ladder as of `today`: each
 * step reached and not yet taken is recorded once, and the people it names are told through the
 * outbox after the record is committed. Safe to run repeatedly and from several processes (the
 * record is unique per duty and step); the CLI and the serve timer both call this.
 */
export async function escalate(deps: EscalateDeps, laCode: string, today: LocalDate): Promise<EscalationRun> {
  const messages: Message[] = [];
  const trayLink = `${deps.publicUrl.replace(/\/$/, '')}/work-tray`;
  const taken = await withTenant(deps.db, { laCodes: [laCode] }, async (tx) => {
    const book = await councilDutyBook(tx, laCode);
    const orgs = new Map((await partnerOrganisations(tx, laCode)).map((o) => [o.id, o]));
    const { obligations } = await loadObligations(tx, laCode, book, deps.calendar, today);
    const held = await assignments(tx, laCode);
    const already = new Map<string, Set<LadderStepId>>();
    for (const e of await escalations(tx, laCode)) {
      const set = already.get(e.obligationKey) ?? new Set<LadderStepId>();
      set.add(e.step as LadderStepId);
      already.set(e.obligationKey, set);
    }
    const done: EscalationRun['taken'] = [];
    for (const o of obligations) {
      const duty = book.find(o.dutyId);
      const org = orgs.get(o.organisationId);
      if (!duty || !org) continue;
      for (const s of stepsDue(o, duty.ladder, today, already.get(o.key) ?? new Set())) {
        // A reminder goes to whoever holds the work; while nobody does, to all the partner's staff.
        const holder = held.get(o.key);
        const to = s.step === 'reminder' && holder ? [holder.email] : await recipients(tx, laCode, org, s.step);
        const recorded = await recordEscalation(tx, {
          laCode, obligationKey: o.key, organisationId: o.organisationId, dutyId: o.dutyId, step: s.step, dueOn: o.dueIso,
          stepDueOn: formatIsoDate(s.stepDueOn), steppedOn: formatIsoDate(today), notified: to.length, caseId: o.caseId ?? null,
        });
        if (!recorded) continue;
        done.push({ obligationKey: o.key, organisationId: o.organisationId, step: s.step, stepDueOn: formatIsoDate(s.stepDueOn) });
        const common = { dutyName: duty.name, reference: o.reference ?? o.title, organisationName: org.name, dueDate: formatLongDate(parseLocalDate(o.dueIso)), trayLink };
        for (const email of to) {
          messages.push(s.step === 'reminder'
            ? { laCode, to: email, template: 'partner-reminder', personalisation: common }
            : { laCode, to: email, template: 'partner-escalation', personalisation: { ...common, daysLate: String(today - parseLocalDate(o.dueIso)), stepName: LADDER_STEP_NAMES[s.step] } });
        }
      }
    }
    return done;
  });
  let messagesFailed = 0;
  for (const m of messages) await deps.notifier.send(m).catch(() => (messagesFailed += 1));
  return { taken, messages: messages.length - messagesFailed, messagesFailed };
}
