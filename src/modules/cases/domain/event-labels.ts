/** What each case event is called on timelines: professionals' wording and families' wording. */
const LABELS: Record<string, { staff: string; family: string }> = {
  'request-received': { staff: 'Request for EHC needs assessment received', family: 'We received the request for an assessment' },
  'decision-to-assess': { staff: 'Decision whether to assess', family: 'We decided whether to assess' },
  'advice-requested': { staff: 'Advice requested', family: 'We asked a professional for advice' },
  'advice-received': { staff: 'Advice received', family: 'A professional sent us their advice' },
  'exception-recorded': { staff: 'Exception to the time limit recorded', family: 'Something means a time limit cannot be met' },
  'decision-not-to-issue': { staff: 'Decision not to issue a plan', family: 'We decided not to issue a plan' },
  'draft-served': { staff: 'Draft plan sent to the family', family: 'We sent you the draft plan' },
  'final-plan-issued': { staff: 'Final plan issued', family: 'We issued the final plan' },
  'annual-review-held': { staff: 'Annual review meeting held', family: 'The annual review meeting took place' },
  'request-withdrawn': { staff: 'Request withdrawn', family: 'The request was withdrawn' },
  'draft-representations-received': { staff: "Family's comments on the draft received", family: 'We received your comments on the draft plan' },
  'setting-consulted': { staff: 'School or college consulted', family: 'We asked a school or college whether it can meet your child’s needs' },
  'consultation-response-received': { staff: 'Consultation response received', family: 'A school or college replied to us' },
  'caseworker-assigned': { staff: 'Caseworker assigned', family: 'A caseworker was given your case' },
};

export function eventLabel(type: string, audience: 'staff' | 'family'): string {
  return LABELS[type]?.[audience] ?? type.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
