import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { formatIsoDate, type LocalDate } from '../../../platform/calendar/index.ts';
import type { Db } from '../../../platform/db/connection.ts';
import { countChildData, deleteChildData, loadChildDataMap, type ChildDataMap } from '../infrastructure/child-data-map.ts';
import { findDue, type DueItem } from './retention-due.ts';

export interface RetentionOutcome {
  childId: string;
  recordType: DueItem['recordType'];
  deletableFrom: string;
  /** Rows per table (deleted, or that would be in a dry run). Counts only: nothing personal. */
  rows: Record<string, number>;
}

export interface RetentionReport {
  runId: string;
  laCode: string;
  today: string;
  dryRun: boolean;
  deleted: RetentionOutcome[];
  held: Array<{ childId: string; recordType: DueItem['recordType']; deletableFrom: string }>;
  totals: Record<string, number>;
}

/** The tables a 'documents' deletion touches: documents and anything hanging off them. */
function documentTables(map: ChildDataMap): Set<string> {
  const out = new Set(['documents']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of map.tables) if (!out.has(t.table) && t.via.some((v) => [...out].some((o) => v === `foreign key → ${o}`))) {
        out.add(t.table);
        grew = true;
      }
  }
  return out;
}

/**
 * The deletion job. Runs as the database owner (it must reach every table, including ones the
 * application role cannot list, such as request drafts). Each child is deleted in its own
 * transaction, which first locks the child's row and re-checks for a legal hold, so a hold placed
 * while the job runs wins. Each deletion writes one audit event with the row counts per table.
 */
export async function runRetention(db: Db, input: { laCode: string; today: LocalDate; dryRun: boolean }): Promise<RetentionReport> {
  const runId = randomUUID();
  const map = await loadChildDataMap(db);
  const docTables = documentTables(map);
  const { items } = await findDue(db, input.laCode, input.today);
  const report: RetentionReport = { runId, laCode: input.laCode, today: formatIsoDate(input.today), dryRun: input.dryRun, deleted: [], held: [], totals: {} };
  for (const item of items) {
    const scope = { laCode: input.laCode, childIds: [item.childId] };
    if (item.held) {
      report.held.push({ childId: item.childId, recordType: item.recordType, deletableFrom: item.deletableFrom });
      continue;
    }
    const only = item.recordType === 'documents' ? docTables : undefined;
    const rows = await db.transaction().execute(async (tx) => {
      const child = await sql`select 1 from children where la_code = ${input.laCode} and id = ${item.childId} for update`.execute(tx);
      if (!child.rows.length) return undefined;
      const hold = await sql`select 1 from legal_holds where la_code = ${input.laCode} and child_id = ${item.childId} and lifted_at is null`.execute(tx);
      if (hold.rows.length) return 'held' as const;
      if (input.dryRun) {
        const counts = await countChildData(tx, map, scope);
        return Object.fromEntries(Object.entries(counts).filter(([t]) => !only || only.has(t)));
      }
      const deleted = await deleteChildData(tx, map, scope, only);
      await recordAudit(tx, { principal: undefined, requestId: runId }, {
        laCode: input.laCode, action: 'delete', recordType: item.recordType, recordId: item.childId, childId: item.childId,
        detail: { reason: 'retention', yearsAfterBirth: item.yearsAfterBirth, deletableFrom: item.deletableFrom, rows: nonZero(deleted) },
      });
      return deleted;
    });
    if (rows === undefined) continue;
    if (rows === 'held') {
      report.held.push({ childId: item.childId, recordType: item.recordType, deletableFrom: item.deletableFrom });
      continue;
    }
    report.deleted.push({ childId: item.childId, recordType: item.recordType, deletableFrom: item.deletableFrom, rows: nonZero(rows) });
    for (const [t, n] of Object.entries(rows)) if (n) report.totals[t] = (report.totals[t] ?? 0) + n;
  }
  if (!input.dryRun) {
    await recordAudit(db, { principal: undefined, requestId: runId }, {
      laCode: input.laCode, action: 'retention-run', recordType: 'retention-run', recordId: runId,
      detail: { today: report.today, children: report.deleted.length, heldSkipped: report.held.length, rows: report.totals },
    });
  }
  return report;
}

function nonZero(rows: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(rows).filter(([, n]) => n > 0));
}
