import type { Db, Tx } from '../../../platform/db/connection.ts';
import { loadChildDataMap, readChildData } from '../infrastructure/child-data-map.ts';

/**
 * A subject access request: everything held about one child, table by table, as one JSON document.
 * Uploaded files are included in full (base64), so the bundle is complete on its own. The audit
 * trail appears as `audit_events`: who viewed or changed the record, and when.
 */
export interface SubjectAccessBundle {
  format: 'opensend-subject-access';
  version: 1;
  generatedAt: string;
  laCode: string;
  childId: string;
  /** Rows per table, for the covering letter. */
  counts: Record<string, number>;
  /** Tables the exporting connection may not read at all (run `opensend sar export` as the owner). */
  notReadable: string[];
  tables: Record<string, Array<Record<string, unknown>>>;
}

function plain(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Undefined when the child does not exist (or row-level security hides it). */
export async function subjectAccessBundle(tx: Tx | Db, laCode: string, childId: string, now: Date): Promise<SubjectAccessBundle | undefined> {
  const child = await tx.selectFrom('children').select('id').where('la_code', '=', laCode).where('id', '=', childId).executeTakeFirst();
  if (!child) return undefined;
  const map = await loadChildDataMap(tx);
  const { tables: raw, notReadable } = await readChildData(tx, map, { laCode, childIds: [childId] });
  const tables: SubjectAccessBundle['tables'] = {};
  const counts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(raw)) {
    tables[table] = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
    counts[table] = rows.length;
  }
  return { format: 'opensend-subject-access', version: 1, generatedAt: now.toISOString(), laCode, childId, counts, notReadable, tables };
}
