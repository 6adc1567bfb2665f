import type { CaseView } from '../application/case-view.ts';
import type { DecisionNotice } from '../domain/case-state.ts';

const TITLES: Record<DecisionNotice['kind'], string> = {
  'not-assess': 'Decision not to carry out an EHC needs assessment',
  'not-to-issue': 'Decision not to issue an EHC plan',
  'final-plan': 'Final EHC plan issued',
};

const WHAT: Record<DecisionNotice['kind'], string> = {
  'not-assess': 'We have decided not to carry out an education, health and care (EHC) needs assessment.',
  'not-to-issue': 'We have finished the EHC needs assessment and decided not to issue an EHC plan.',
  'final-plan': 'We have issued the final EHC plan.',
};

/** The decision notice: the decision, its reasons, and the family's rights with their dates from the clock. */
export function noticeModel(view: CaseView, notice: DecisionNotice, mediation: { name: string } | undefined, names: Map<string, string>) {
  const final = notice.kind === 'final-plan' ? view.events.find((e) => e.seq === notice.seq) : undefined;
  const settingId = (final?.data as { settingId?: string } | undefined)?.settingId;
  return {
    title: TITLES[notice.kind],
    record: view.record,
    notice,
    what: WHAT[notice.kind],
    settingName: settingId ? names.get(settingId) : undefined,
    mediationName: mediation?.name,
    appealWhat:
      notice.kind === 'final-plan'
        ? 'You can appeal about the special educational needs described in the plan, the special educational provision, or the school or college named (or that none is named).'
        : notice.kind === 'not-assess'
          ? 'You can appeal against the decision not to carry out an assessment.'
          : 'You can appeal against the decision not to issue an EHC plan.',
  };
}
