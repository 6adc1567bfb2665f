import { addMonths, formatIsoDate, parseLocalDate, type LocalDate } from '../../../platform/calendar/index.ts';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import { deletableFrom, isDue, type RecordType, type RetentionRule } from '../domain/retention-rules.ts';
import { childrenBornBy, childrenWithDocuments, heldChildIds, loadRules } from '../infrastructure/retention.repository.ts';

export interface DueItem {
  childId: string;
  childName: string;
  dateOfBirth: string;
  recordType: RecordType;
  yearsAfterBirth: number;
  deletableFrom: string;
  held: boolean;
}

/**
 * What the council's rules make due for deletion on a day: the whole record of a child past the
 * 'child-record' period, else the uploaded documents of a child past the 'documents' period. Held
 * children are listed too, marked held: the job skips and reports them.
 */
export async function findDue(tx: Tx | Db, laCode: string, today: LocalDate): Promise<{ rules: RetentionRule[]; items: DueItem[] }> {
  const rules = await loadRules(tx, laCode);
  const years = (t: RecordType) => rules.find((r) => r.recordType === t)!.yearsAfterBirth;
  const shortest = Math.min(...rules.map((r) => r.yearsAfterBirth));
  const candidates = await childrenBornBy(tx, laCode, formatIsoDate(addMonths(today, -12 * shortest)));
  const held = await heldChildIds(tx, laCode);
  const withDocs = await childrenWithDocuments(tx, laCode, candidates.map((c) => c.id));
  const items: DueItem[] = [];
  for (const c of candidates) {
    const dob = parseLocalDate(c.dateOfBirth);
    const type: RecordType | undefined = isDue(dob, years('child-record'), today)
      ? 'child-record'
      : isDue(dob, years('documents'), today) && withDocs.has(c.id)
        ? 'documents'
        : undefined;
    if (!type) continue;
    items.push({
      childId: c.id,
      childName: `${c.givenName} ${c.familyName}`,
      dateOfBirth: c.dateOfBirth,
      recordType: type,
      yearsAfterBirth: years(type),
      deletableFrom: formatIsoDate(deletableFrom(dob, years(type))),
      held: held.has(c.id),
    });
  }
  return { rules, items };
}
