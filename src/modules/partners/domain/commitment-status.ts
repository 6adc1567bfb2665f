/**
 * Where a committed piece of provision stands, from what was reported about it (in order).
 * A family's report that it is not happening stands until the partner reports it delivered or
 * started again after it: the board sees the family's word, not only the partner's.
 */
export const COMMITMENT_EVENT_TYPES = ['started', 'delivered', 'not-delivered', 'family-reported'] as const;
export type CommitmentEventType = (typeof COMMITMENT_EVENT_TYPES)[number];
export type CommitmentStatus = 'committed' | CommitmentEventType;

export const COMMITMENT_STATUS_TAGS: Record<CommitmentStatus, { text: string; classes: string }> = {
  committed: { text: 'Not started', classes: 'govuk-tag--grey' },
  started: { text: 'Started', classes: 'govuk-tag--blue' },
  delivered: { text: 'Delivered as specified', classes: 'govuk-tag--green' },
  'not-delivered': { text: 'Not delivered', classes: 'govuk-tag--red' },
  'family-reported': { text: 'Family reports not delivered', classes: 'govuk-tag--red' },
};

export const SECTION_NAMES: Record<string, string> = { G: 'Section G (health)', H1: 'Section H1 (social care, CSDPA 1970 s2)', H2: 'Section H2 (other social care)' };

export function isCommitmentEventType(value: string): value is CommitmentEventType {
  return (COMMITMENT_EVENT_TYPES as readonly string[]).includes(value);
}

export interface CommitmentEvent { type: CommitmentEventType; occurredOn: string }

/** Status as of a day (events after it are not yet known then). */
export function commitmentStatus(events: readonly CommitmentEvent[], asOf?: string): CommitmentStatus {
  let status: CommitmentStatus = 'committed';
  for (const e of events) if (asOf === undefined || e.occurredOn <= asOf) status = e.type;
  return status;
}

export const isNotDelivered = (s: CommitmentStatus): boolean => s === 'not-delivered' || s === 'family-reported';

/** The day provision began, which is when the start duty was met. */
export function startedOn(events: readonly CommitmentEvent[]): string | undefined {
  return events.find((e) => e.type === 'started' || e.type === 'delivered')?.occurredOn;
}
