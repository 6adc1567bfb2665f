/** GOV.UK tags for deadline states: the words a caseworker sees beside every date. */
const TAGS: Record<string, { text: string; classes: string }> = {
  'on-track': { text: 'On track', classes: 'govuk-tag--green' },
  'due-soon': { text: 'Due within 2 weeks', classes: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  exception: { text: 'Exception applies', classes: 'govuk-tag--purple' },
  met: { text: 'Met', classes: 'govuk-tag--blue' },
  'met-late': { text: 'Met late', classes: 'govuk-tag--orange' },
  ended: { text: 'Period ended', classes: 'govuk-tag--grey' },
  none: { text: 'No deadline running', classes: 'govuk-tag--grey' },
};

export function deadlineTag(status: string): { text: string; classes: string } {
  return TAGS[status] ?? { text: status, classes: 'govuk-tag--grey' };
}
