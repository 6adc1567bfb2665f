import { sql } from 'kysely';
import { addDays, formatIsoDate, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import { createDb, type Tx } from '../../../platform/db/connection.ts';
import { caseCalendar } from '../../cases/index.ts';
import { historicalSteps } from '../domain/escalation.ts';
import { LADDER_STEPS } from '../domain/partner-duties.ts';
import { issueNotice, recordEscalation, respondToNotice } from '../infrastructure/partnership.repository.ts';
import { councilDutyBook, loadObligations } from './obligations.ts';

export interface SeedPartnershipResult { officers: number; requests: number; commitments: number; escalations: number; notices: number }

const EMPTY: SeedPartnershipResult = { officers: 0, requests: 0, commitments: 0, escalations: 0, notices: 0 };

// Synthetic provision, written the way Sections G and H are: who, what, how often, for how long.
const G_PROVISION = [
  'Speech and language therapy: 6 sessions a term of 45 minutes with an NHS speech and language therapist, for 12 months.',
  'Occupational therapy assessment and a sensory programme reviewed each half term by the NHS occupational therapist.',
  'Physiotherapy: a programme written by the community physiotherapist, reviewed every 8 weeks.',
  'Continence nurse review every 6 months and a care plan shared with the setting.',
];
const H_PROVISION: Record<'H1' | 'H2', string[]> = {
  H1: ['Short breaks: one overnight stay a month at a residential short break service.', 'Personal assistant support: 4 hours a week in the community during school holidays.'],
  H2: ['Family support worker: fortnightly visits for 6 months to support routines at home.', 'Youth worker: weekly session to build independence skills, for 1 year.'],
};

/**
 * The demo council's partnership: designated officers and senior managers, further partners (an
 * academy trust, early years, post-16 and AP providers), review requests, provision committed in
 * Sections G/H1/H2 with some not delivered, the ladder steps late duties would have climbed, and
 * formal notices with one response. Deterministic for the same data and day; does nothing if the
 * council already has partner officers, so it is safe on every start. Connects as the owner.
 * History is recorded without sending messages (nobody should get a year of reminders at once).
 */
export async function seedPartnership(adminUrl: string, laCode: string, today: LocalDate | string): Promise<SeedPartnershipResult> {
  const day = typeof today === 'string' ? parseLocalDate(today) : today;
  const { db } = createDb(adminUrl, { max: 2 });
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`select set_config('app.la_codes', ${laCode}, true)`.execute(tx);
      if (await tx.selectFrom('partner_officers').select('id').where('la_code', '=', laCode).limit(1).executeTakeFirst()) return EMPTY;
      const council = await tx.selectFrom('councils').select('name').where('la_code', '=', laCode).executeTakeFirst();
      if (!council) return EMPTY;
      const orgs = await ensureOrganisations(tx, laCode, council.name);
      const officers = await addOfficers(tx, laCode, orgs);
      const plans = await plannedCases(tx, laCode, day);
      const requests = await addReviewRequests(tx, laCode, plans, orgs, day);
      const commitments = await addCommitments(tx, laCode, plans, orgs, day);
      await tx.insertInto('partner_local_duties').values({ la_code: laCode, id: 'therapy-progress-report', name: 'Send an end-of-term therapy progress report', period_days: 14, source: 'Local partnership agreement (demo), clause 4.2', added_on: formatIsoDate(addDays(day, -200)) }).execute();
      const escalations = await addHistory(tx, laCode, day);
      const notices = await addNotices(tx, laCode, orgs, day);
      return { officers, requests, commitments, escalations, notices };
    });
  } finally {
    await db.destroy();
  }
}

type Orgs = Record<'icb' | 'socialCare' | 'ep' | 'trust' | 'earlyYears' | 'post16' | 'ap', { id: string; name: string }>;

async function ensureOrganisations(tx: Tx, laCode: string, councilName: string): Promise<Orgs> {
  const find = async (kind: string, name: string) => {
    const existing = await tx.selectFrom('organisations').select(['id', 'name']).where('la_code', '=', laCode).where('kind', '=', kind).orderBy('name').executeTakeFirst();
    return existing ?? (await tx.insertInto('organisations').values({ la_code: laCode, kind, name }).returning(['id', 'name']).executeTakeFirstOrThrow());
  };
  const add = async (kind: string, name: string) => {
    const existing = await tx.selectFrom('organisations').select(['id', 'name']).where('la_code', '=', laCode).where('name', '=', name).executeTakeFirst();
    return existing ?? (await tx.insertInto('organisations').values({ la_code: laCode, kind, name }).returning(['id', 'name']).executeTakeFirstOrThrow());
  };
  return {
    icb: await find('icb', `NHS ${councilName} Integrated Care Board (demo)`),
    socialCare: await find('social-care', `${councilName} Children's Social Care (demo)`),
    ep: await find('educational-psychology', `${councilName} Educational Psychology Service (demo)`),
    trust: await add('academy-trust', 'Riverside Learning Trust (demo)'),
    earlyYears: await add('early-years', 'Little Acorns Nursery Group (demo)'),
    post16: await add('post-16', `${councilName} College (demo)`),
    ap: await add('alternative-provision', 'Bridges Alternative Provision Academy (demo)'),
  };
}

async function addOfficers(tx: Tx, laCode: string, orgs: Orgs): Promise<number> {
  const mail = (local: string) => `${local}@${laCode}.partners.demo.opensend.test`;
  const rows = [
    { org: orgs.icb.id, role: 'dco', name: 'Priya Hartley', email: mail('dco'), team: 'Designated clinical officer' },
    { org: orgs.icb.id, role: 'senior-manager', name: 'Martin Osei', email: mail('icb-director'), team: 'Director of children\'s commissioning' },
    { org: orgs.socialCare.id, role: 'dsco', name: 'Hannah Brook', email: mail('dsco'), team: 'Disabled children\'s team' },
    { org: orgs.socialCare.id, role: 'senior-manager', name: 'Gareth Lyle', email: mail('social-care-head'), team: 'Head of service' },
    { org: orgs.ep.id, role: 'designated-officer', name: 'Ruth Adeyemi', email: mail('principal-ep'), team: 'Principal educational psychologist' },
    { org: orgs.ep.id, role: 'senior-manager', name: 'Colin Marsh', email: mail('ep-manager'), team: 'Head of inclusion' },
    { org: orgs.trust.id, role: 'designated-officer', name: 'Sunita Rao', email: mail('trust-send-lead'), team: 'Trust SEND lead' },
    { org: orgs.trust.id, role: 'senior-manager', name: 'David Kerr', email: mail('trust-ceo'), team: 'Chief executive' },
    { org: orgs.earlyYears.id, role: 'designated-officer', name: 'Amy Fielding', email: mail('early-years-senco'), team: 'Area SENCO' },
    { org: orgs.post16.id, role: 'designated-officer', name: 'Joel Barker', email: mail('college-send'), team: 'Additional learning support' },
    { org: orgs.ap.id, role: 'designated-officer', name: 'Leah Grant', email: mail('ap-head'), team: 'Headteacher' },
  ];
  await tx.insertInto('partner_officers').values(rows.map((r) => ({ la_code: laCode, organisation_id: r.org, role: r.role, name: r.name, email: r.email, team: r.team }))).execute();
  return rows.length;
}

interface PlannedCase { caseId: string; issuedOn: string; family: boolean }

/** Cases with a final plan in the last 18 months (and any a demo family can sign in to see). */
async function plannedCases(tx: Tx, laCode: string, today: LocalDate): Promise<PlannedCase[]> {
  const rows = await tx.selectFrom('case_events as e')
    .innerJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'e.la_code').onRef('c.id', '=', 'e.case_id'))
    .leftJoin('family_members as f', (j) => j.onRef('f.la_code', '=', 'c.la_code').onRef('f.child_id', '=', 'c.child_id'))
    .select(['c.id', 'c.reference', 'e.occurred_on', 'f.user_id'])
    .where('e.la_code', '=', laCode).where('e.type', '=', 'final-plan-issued')
    .where('e.occurred_on', '<=', formatIsoDate(today))
    .orderBy('c.reference').execute();
  const from = formatIsoDate(addDays(today, -548));
  const seen = new Set<string>();
  const out: PlannedCase[] = [];
  for (const r of rows) {
    if (seen.has(r.id) || (r.occurred_on < from && !r.user_id)) continue;
    seen.add(r.id);
    out.push({ caseId: r.id, issuedOn: r.occurred_on < from ? formatIsoDate(addDays(today, -120)) : r.occurred_on, family: r.user_id !== null });
  }
  return out;
}

async function addReviewRequests(tx: Tx, laCode: string, plans: PlannedCase[], orgs: Orgs, today: LocalDate): Promise<number> {
  const chosen = plans.filter((_, i) => i % 9 === 4).slice(0, 18);
  const partners = [orgs.icb, orgs.socialCare, orgs.ep];
  let n = 0;
  for (const [i, p] of chosen.entries()) {
    const meeting = addDays(today, -70 + i * 7);
    const asked = addDays(meeting, -42);
    if (asked > today) continue;
    const duty = i % 3 === 2 ? 'review-attendance' : 'review-advice';
    const beforeDue = addDays(meeting, duty === 'review-advice' ? -16 : 0);
    const done = i % 4 === 1 || beforeDue > today ? undefined : beforeDue; // one in four never came
    await tx.insertInto('partner_requests').values({
      la_code: laCode, organisation_id: partners[i % 3]!.id, duty_id: duty, case_id: p.caseId,
      title: duty === 'review-advice' ? 'Advice for the annual review' : 'Attend the annual review meeting',
      asked_on: formatIsoDate(asked), clock_from: formatIsoDate(meeting), done_on: done !== undefined ? formatIsoDate(done) : null,
    }).execute();
    n++;
  }
  return n;
}

async function addCommitments(tx: Tx, laCode: string, plans: PlannedCase[], orgs: Orgs, today: LocalDate): Promise<number> {
  const chosen = [...plans.filter((p) => p.family), ...plans.filter((p, i) => !p.family && i % 5 === 0).slice(0, 40)];
  let n = 0;
  for (const [i, p] of chosen.entries()) {
    const health = i % 3 !== 2;
    const section = health ? 'G' : i % 2 === 0 ? 'H1' : 'H2';
    const provision = health ? G_PROVISION[i % G_PROVISION.length]! : H_PROVISION[section as 'H1' | 'H2'][i % 2]!;
    const committed = parseLocalDate(p.issuedOn);
    const row = await tx.insertInto('partner_commitments').values({ la_code: laCode, organisation_id: health ? orgs.icb.id : orgs.socialCare.id, case_id: p.caseId, section, provision, committed_on: p.issuedOn }).returning('id').executeTakeFirstOrThrow();
    // A spread of outcomes: most start and are delivered; some never start; some stop; families report some.
    const pattern = p.family ? 'started' : ['delivered', 'delivered', 'started', 'not-started', 'not-delivered', 'family-reported', 'delivered'][i % 7]!;
    const events: { type: string; on: LocalDate; note: string | null }[] = [];
    const start = addDays(committed, 10 + (i % 20));
    if (pattern !== 'not-started' && start <= today) events.push({ type: 'started', on: start, note: null });
    if (pattern === 'delivered' && addDays(start, 90) <= today) events.push({ type: 'delivered', on: addDays(start, 90), note: 'Delivered as specified in the plan.' });
    if (pattern === 'not-delivered' && addDays(start, 40) <= today) events.push({ type: 'not-delivered', on: addDays(start, 40), note: 'Therapist vacancy: sessions stopped after week 3.' });
    if (pattern === 'family-reported' && addDays(start, 50) <= today) events.push({ type: 'family-reported', on: addDays(start, 50), note: 'No sessions have happened since the half-term holiday.' });
    for (const [seq, e] of events.entries()) {
      await tx.insertInto('partner_commitment_events').values({ la_code: laCode, commitment_id: row.id, seq: seq + 1, type: e.type, occurred_on: formatIsoDate(e.on), note: e.note, actor_user_id: null }).execute();
    }
    if (events.length) await tx.updateTable('partner_commitments').set({ version: events.length }).where('la_code', '=', laCode).where('id', '=', row.id).execute();
    n++;
  }
  return n;
}

/** The steps the daily job would have taken over the last 9 months, each on its own day. */
async function addHistory(tx: Tx, laCode: string, today: LocalDate): Promise<number> {
  const book = await councilDutyBook(tx, laCode);
  const { obligations } = await loadObligations(tx, laCode, book, caseCalendar(), today);
  const since = addDays(today, -270);
  let n = 0;
  for (const o of obligations) {
    const duty = book.find(o.dutyId);
    if (!duty || parseLocalDate(o.dueIso) < since) continue;
    for (const s of historicalSteps(o, duty.ladder, today)) {
      const recorded = await recordEscalation(tx, {
        laCode, obligationKey: o.key, organisationId: o.organisationId, dutyId: o.dutyId, step: s.step, dueOn: o.dueIso,
        stepDueOn: formatIsoDate(s.stepDueOn), steppedOn: formatIsoDate(s.stepDueOn), notified: s.step === LADDER_STEPS[0] ? 1 : 2, caseId: o.caseId ?? null,
      });
      if (recorded) n++;
    }
  }
  return n;
}

async function addNotices(tx: Tx, laCode: string, orgs: Orgs, today: LocalDate): Promise<number> {
  const manager = await tx.selectFrom('user_roles').select('user_id').where('la_code', '=', laCode).where('role', '=', 'send-manager').orderBy('user_id').executeTakeFirst();
  const first = await issueNotice(tx, {
    laCode, organisationId: orgs.icb.id, obligationKey: null, subject: 'Health advice for EHC needs assessments is late',
    body: 'Health advice for EHC needs assessments has been sent after the 6 weeks that regulation 8 of the SEND Regulations 2014 allows in most cases this quarter. The council asks the ICB to set out, within 14 days, how it will clear the outstanding requests and meet the deadline.',
    issuedOn: formatIsoDate(addDays(today, -45)), respondBy: formatIsoDate(addDays(today, -31)), issuedBy: manager?.user_id ?? null,
  });
  await respondToNotice(tx, { laCode, noticeId: first.id, respondedOn: formatIsoDate(addDays(today, -33)), responderUserId: null, body: 'We have recruited two community paediatricians who start next month and have moved advice requests to a single triage list reviewed weekly by the Designated Clinical Officer. We expect to clear the backlog within 8 weeks.' });
  await issueNotice(tx, {
    laCode, organisationId: orgs.socialCare.id, obligationKey: null, subject: 'Short breaks in Section H1 are not being delivered',
    body: 'Families have told the council that short breaks specified in Section H1 of their children\'s plans have not taken place. Under section 2 of the Chronically Sick and Disabled Persons Act 1970 this provision must be made. Please tell the council, within 14 days, which children are affected and when the provision will start.',
    issuedOn: formatIsoDate(addDays(today, -6)), respondBy: formatIsoDate(addDays(today, 8)), issuedBy: manager?.user_id ?? null,
  });
  return 2;
}
