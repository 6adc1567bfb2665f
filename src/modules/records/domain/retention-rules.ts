import { addMonths, type LocalDate } from '../../../platform/calendar/index.ts';

/**
 * What a council keeps and for how long. Periods count in whole years from the child's date of birth
 * (a child born on 29 February reaches it on 28 February in a common year). 'child-record' is
 * everything held about the child; 'documents' lets a council remove uploaded files sooner while
 * keeping the rest of the record.
 */
export const RECORD_TYPES = ['child-record', 'documents'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_TYPE_NAMES: Record<RecordType, string> = {
  'child-record': 'The whole record of a child (child, family links, cases, plans, reviews, disputes, placements, documents)',
  documents: 'Uploaded documents (files and their details)',
};

/** Date of birth + 31 years: 25 years from birth (the usual SEN file schedule) plus 6 for claims. */
export const DEFAULT_YEARS_AFTER_BIRTH = 31;

export interface RetentionRule {
  recordType: RecordType;
  yearsAfterBirth: number;
  /** False while the council has not chosen: the default applies. */
  chosen: boolean;
  version: number;
}

export function isRecordType(v: string): v is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(v);
}

/** The council's rules with the default filled in for every type it has not set. */
export function effectiveRules(chosen: Array<{ recordType: string; yearsAfterBirth: number; version: number }>): RetentionRule[] {
  return RECORD_TYPES.map((recordType) => {
    const c = chosen.find((r) => r.recordType === recordType);
    return c ? { recordType, yearsAfterBirth: c.yearsAfterBirth, chosen: true, version: c.version } : { recordType, yearsAfterBirth: DEFAULT_YEARS_AFTER_BIRTH, chosen: false, version: 0 };
  });
}

/** The first day on which the record may be deleted. */
export function deletableFrom(dateOfBirth: LocalDate, yearsAfterBirth: number): LocalDate {
  return addMonths(dateOfBirth, yearsAfterBirth * 12);
}

export function isDue(dateOfBirth: LocalDate, yearsAfterBirth: number, today: LocalDate): boolean {
  return deletableFrom(dateOfBirth, yearsAfterBirth) <= today;
}

/** Validates a period typed by an administrator; returns the error message or the number. */
export function parseYears(text: string): { years: number } | { error: string } {
  const t = text.trim();
  if (t === '') return { error: 'Enter the number of years after the date of birth' };
  if (!/^\d+$/.test(t)) return { error: 'The number of years must be a whole number, like 31' };
  const years = Number(t);
  if (years < 1 || years > 100) return { error: 'The number of years must be between 1 and 100' };
  return { years };
}
