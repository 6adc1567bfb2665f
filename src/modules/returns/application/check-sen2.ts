import { collectionPeriod } from '../domain/collection-period.ts';
import { checkSen2Person, type ChildFindings } from '../domain/sen2-check.rules.ts';
import { exportSen2Xml } from './export-sen2.ts';
import type { RunQuery } from '../infrastructure/child-history.cursor.ts';

/** Runs the export's own pass (writing nowhere) and collects the findings, child by child. */
export async function checkSen2Return(query: RunQuery, laCode: string, referenceDate: string): Promise<{ children: ChildFindings[]; persons: number; errors: number; queries: number }> {
  const period = collectionPeriod(referenceDate);
  const children: ChildFindings[] = [];
  const summary = await exportSen2Xml(query, {
    laCode, referenceDate, generatedAt: `${referenceDate}T00:00:00`,
    onPerson: (p) => {
      const findings = checkSen2Person(p, period);
      if (findings.length > 0) children.push({ ...(p.childId ? { childId: p.childId } : {}), name: `${p.forename} ${p.surname}`, findings });
    },
  }, async () => undefined);
  const all = children.flatMap((c) => c.findings);
  return { children, persons: summary.persons, errors: all.filter((f) => f.level === 'error').length, queries: all.filter((f) => f.level === 'query').length };
}
