import { sql } from 'kysely';
import { addDays, formatIsoDate, parseLocalDate } from '../../../platform/calendar/index.ts';
import { createDb } from '../../../platform/db/connection.ts';
import { ROLE_NAMES } from '../../../platform/identity/roles.ts';
import type { ActionStatus } from '../domain/planning-facts.ts';
import { createAction, createPriority, saveSelfEvaluation, type Author } from '../infrastructure/planning.repository.ts';

/**
 * The demo council's partnership writing: four priorities with their actions and commentary under
 * every self-evaluation heading, dated in the weeks before `today` and attributed to the demo SEND
 * manager. Synthetic and generic: no person or school is named. Does nothing if the council already
 * has priorities. Connects as the owner (adminUrl), like the other demo seeds.
 */
interface SeedPriority { title: string; description: string; actions: Array<[description: string, lead: string, dueInDays: number, status: ActionStatus]> }

const PRIORITIES: SeedPriority[] = [
  {
    title: 'Meet more children’s needs in mainstream schools',
    description: 'Most children with SEND can thrive in their local school with the right support. We will strengthen ordinarily available provision, open resourced provision where it is needed and support schools to include children earlier, so fewer families feel a special school is the only option.',
    actions: [
      ['Publish the ordinarily available provision guide, written with parents and SENCOs', 'Inclusion and SEND support team', 60, 'on-track'],
      ['Open two secondary resourced provisions for autistic pupils', 'School place planning', 280, 'on-track'],
      ['Offer every primary school a termly inclusion review', 'Educational psychology service', 200, 'not-started'],
    ],
  },
  {
    title: 'Issue EHC plans on time and of good quality',
    description: 'Families wait too long for plans. We will bring 20-week timeliness up to the national average and then beyond, without losing quality, by clearing the backlog of advice and improving how we plan caseloads.',
    actions: [
      ['Reduce the backlog of overdue educational psychology advice to under four weeks', 'Educational psychology service', 120, 'at-risk'],
      ['Quality-assure one in ten new plans each month with health and social care', 'SEND quality assurance group', 30, 'on-track'],
      ['Agree six-week advice turnaround with the integrated care board', 'Designated clinical officer', 90, 'done'],
    ],
  },
  {
    title: 'Enough specialist places, close to home',
    description: 'Too many children travel out of the area for specialist provision. We will plan places against forecast demand and commission new places so children can attend school near where they live.',
    actions: [
      ['Agree the specialist place plan for the next five years with the schools forum', 'School place planning', 150, 'not-started'],
      ['Expand the local special school by 40 places', 'Capital programme', 400, 'on-track'],
    ],
  },
  {
    title: 'Alternative provision that returns children to school',
    description: 'Alternative provision should be a short, planned step with a return to mainstream in view. We will review every placement termly and track returns.',
    actions: [
      ['Introduce termly reviews with a planned return date for every tier 2 placement', 'Alternative provision commissioning', 45, 'on-track'],
      ['Report return rates to the partnership board each term', 'Performance and insight team', 75, 'not-started'],
    ],
  },
];

const SELF_EVALUATION: Record<string, string> = {
  'identification-and-assessment': 'Requests for assessment have risen for four years. Decisions within six weeks are good, but 20-week timeliness fell last year as advice from educational psychology was delayed.\n\nWe have recruited additional assistant psychologists and agreed advice turnaround with health partners; the data pack shows the effect so far.',
  'experiences-of-families': 'Families tell us through the parent carer forum that communication during assessment has improved, but that annual reviews are not always held on time. Disagreements most often concern the school named in section I.',
  'right-help-right-time': 'Therapy waiting times remain the main risk. Health partners now report provision in section G against each plan.',
  'outcomes-and-next-steps': 'Phase transfers were named on time for most children this year. Preparation for adulthood starts in year 9 reviews, and post-16 options for young people with complex needs are being widened.',
  'commissioning-and-provision': 'Our sufficiency work shows growing demand for places for autistic children and those with social, emotional and mental health needs. New resourced provisions are planned; alternative provision is being recommissioned around a return to school.',
  'leadership-and-improvement': 'The partnership board meets every six weeks with the parent carer forum as a full member. This self-evaluation is reviewed at each meeting alongside the data pack.',
};

export async function seedPlanning(adminUrl: string, laCode: string, today: string): Promise<{ priorities: number; actions: number; sections: number }> {
  const { db } = createDb(adminUrl, { max: 2 });
  const day = parseLocalDate(today);
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`select set_config('app.la_codes', ${laCode}, true)`.execute(tx);
      const existing = await tx.selectFrom('planning_priorities').select('id').where('la_code', '=', laCode).limit(1).executeTakeFirst();
      if (existing) return { priorities: 0, actions: 0, sections: 0 };
      const manager = await tx.selectFrom('user_roles as r').innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['u.id', 'u.display_name']).where('r.la_code', '=', laCode).where('r.role', '=', 'send-manager').orderBy('u.email').executeTakeFirst();
      const author = (daysAgo: number): Author => ({
        userId: manager?.id ?? null, name: manager?.display_name ?? 'SEND manager', role: ROLE_NAMES['send-manager'], writtenOn: formatIsoDate(addDays(day, -daysAgo)),
      });
      let actions = 0;
      for (const [i, p] of PRIORITIES.entries()) {
        const id = await createPriority(tx, laCode, { position: i + 1, title: p.title, description: p.description }, author(40 - i));
        for (const [description, lead, dueInDays, status] of p.actions) {
          await createAction(tx, laCode, id, { description, lead, dueOn: formatIsoDate(addDays(day, dueInDays)), status }, author(20 - i));
          actions++;
        }
      }
      for (const [i, [sectionId, body]] of Object.entries(SELF_EVALUATION).entries()) {
        await saveSelfEvaluation(tx, laCode, sectionId, 0, body, author(14 - i));
      }
      return { priorities: PRIORITIES.length, actions, sections: Object.keys(SELF_EVALUATION).length };
    });
  } finally {
    await db.destroy();
  }
}
