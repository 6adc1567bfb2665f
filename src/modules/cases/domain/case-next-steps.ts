import { formatLongDate } from '../../../platform/calendar/index.ts';
import type { CaseDeadline } from './case-deadlines.ts';
import type { CaseState } from './case-state.types.ts';

const byKey = (state: CaseState, key: string): CaseDeadline | undefined => state.deadlines.find((d) => d.key === key);
const on = (d: CaseDeadline): string => formatLongDate(d.due);

/** The family's sentence, honest when we are late or a limit is suspended. */
function forFamily(d: CaseDeadline): string {
  if (d.status === 'overdue') return `${d.familySentence} We are late: this date has passed. Your caseworker can tell you when to expect it.`;
  if (d.status === 'exception' && d.exception) return `${d.familySentence} ${d.exception}`;
  return d.familySentence;
}

/** The caseworker's line, flagged when overdue. */
const forCaseworker = (d: CaseDeadline, text: string): string => (d.status === 'overdue' ? `Overdue: ${text[0]!.toLowerCase()}${text.slice(1)}` : text);

/** What happens next, in plain English: one list for the family, one for the caseworker. */
export function nextSteps(state: CaseState): { family: string[]; caseworker: string[] } {
  const family: string[] = [];
  const caseworker: string[] = [];
  const decision = byKey(state, 'decision-to-assess');
  const finalPlan = byKey(state, 'final-plan');
  const reps = byKey(state, 'draft-representations');
  const latestNotice = state.notices.at(-1);
  const waitingAdvice = state.advice.filter((a) => !a.receivedOn);

  switch (state.stage) {
    case 'awaiting-decision':
      if (decision) {
        family.push(forFamily(decision));
        caseworker.push(forCaseworker(decision, `Decide whether to assess by ${on(decision)}, and send the decision to the family.`));
      } else {
        caseworker.push('Record when the request for an assessment was received, to start the clock.');
      }
      break;
    case 'assessing':
      if (state.advice.length === 0) {
        family.push('We are asking professionals who know your child for advice about their needs.');
        caseworker.push('Request advice: education, health, social care and an educational psychologist (SEND Regulations 2014, reg 6).');
      } else if (waitingAdvice.length > 0) {
        family.push(`We are waiting for advice from ${waitingAdvice.length === 1 ? 'one professional' : `${waitingAdvice.length} professionals`}: ${waitingAdvice.map((a) => a.kindName).join(', ')}.`);
        for (const a of waitingAdvice) {
          if (a.deadline) caseworker.push(`${a.deadline.status === 'overdue' ? 'Chase' : 'Wait for'} the ${a.kindName} advice, due ${on(a.deadline)}.`);
        }
      } else {
        family.push('We have all the advice we asked for and are writing the draft plan.');
        caseworker.push('All advice is in: write the draft plan, or decide not to issue a plan.');
      }
      if (finalPlan) {
        family.push(forFamily(finalPlan));
        caseworker.push(forCaseworker(finalPlan, `Send the draft plan in time to issue the final plan by ${on(finalPlan)}.`));
      }
      break;
    case 'draft':
      if (reps?.open) {
        family.push(`Tell us what you think of the draft plan, and which school or college you would like named in it, by ${on(reps)}.`);
        caseworker.push(`The family can comment on the draft until ${on(reps)}. Consult the setting they ask for.`);
      }
      for (const c of state.consultations.filter((x) => !x.response)) caseworker.push(`Waiting for ${c.settingName ?? 'a setting'} to say whether it can meet the child's needs.`);
      if (finalPlan) {
        family.push(forFamily(finalPlan));
        caseworker.push(forCaseworker(finalPlan, `Issue the final plan, naming a setting, by ${on(finalPlan)}.`));
      }
      break;
    case 'refused':
    case 'not-issuing':
    case 'final-issued': {
      if (state.stage === 'final-issued') {
        family.push('The final plan has been issued. The school or college named in it must make the special educational provision it describes.');
        const review = byKey(state, 'annual-review');
        if (review?.open) {
          family.push(forFamily(review));
          caseworker.push(forCaseworker(review, `Hold the first annual review by ${on(review)}.`));
        }
      } else {
        family.push(state.stage === 'refused' ? 'We decided not to carry out an EHC needs assessment. The decision letter explains why.' : 'We decided not to issue an EHC plan. The decision letter explains why.');
      }
      if (latestNotice?.mediation?.open) {
        family.push(`If you disagree, ${latestNotice.mediation.familySentence.replace(/^If you want to appeal, y/, 'y')}`);
        caseworker.push(`The family can contact a mediation adviser until ${on(latestNotice.mediation)}.`);
      }
      if (latestNotice?.appeal?.open) family.push(latestNotice.appeal.familySentence);
      if (state.stage !== 'final-issued') caseworker.push('No further statutory step unless the family asks for mediation, appeals, or a new request is made.');
      break;
    }
    case 'withdrawn':
      family.push('The request was withdrawn, so the assessment has stopped. You can make a new request at any time.');
      caseworker.push('The request was withdrawn: no statutory deadlines remain.');
      break;
  }
  for (const s of state.suspended) caseworker.push(s.explanation);
  return { family, caseworker };
}
