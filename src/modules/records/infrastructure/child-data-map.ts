import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';

/**
 * Where a child's data lives, worked out from the database itself rather than a hand-kept list, so
 * a table a module adds later is deleted and exported without anyone remembering to:
 *
 * - `children` rows of the chosen children;
 * - every table whose foreign key points (directly or through other such tables) at those rows,
 *   e.g. cases → case_events, plans → plan_versions → plan_comments;
 * - every table with a `child_id` or `case_id` column that has no foreign key on it (a loose link);
 * - messages in the outbox that name one of the child's case references.
 *
 * Audit events are the one exception: they are kept (see docs/records.md) and appear in a subject
 * access export as the "who viewed" history. The test `child-data-map.db.test.ts` fails if a table
 * with a child_id or case_id column is neither covered nor listed here as kept.
 */
export const KEPT_TABLES: Readonly<Record<string, string>> = {
  audit_events: 'the audit trail: who viewed or changed a record and when; identifiers only, no personal content; kept so the trail stays verifiable',
};

export interface ChildScope {
  laCode: string;
  childIds: readonly string[];
}

export interface ChildDataTable {
  table: string;
  /** How the table is linked to the child: 'root', 'foreign key → cases', 'column child_id', … */
  via: string[];
  /** A SQL condition selecting the table's rows about the children in scope (unqualified columns). */
  where(scope: ChildScope): string;
}

export interface ChildDataMap {
  /** Parents before children: delete in reverse order. */
  tables: ChildDataTable[];
  kept: Array<{ table: string; where(scope: ChildScope): string }>;
}

interface ForeignKey {
  table: string;
  cols: string[];
  parent: string;
  refCols: string[];
}

const LOOSE_LINK_COLUMNS = ['child_id', 'case_id'];

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Values are checked, then written into SQL: a council code is three digits, ids are UUIDs. */
function literals(scope: ChildScope): { la: string; ids: string } {
  if (!/^\d{3}$/.test(scope.laCode)) throw new Error('A council code is three digits.');
  for (const id of scope.childIds) if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error('A child id is a UUID.');
  return { la: `'${scope.laCode}'`, ids: `array[${scope.childIds.map((i) => `'${i}'`).join(',')}]::uuid[]` };
}

export async function loadChildDataMap(db: Db | Tx): Promise<ChildDataMap> {
  const fks = (
    await sql<{ table: string; cols: string[]; parent: string; ref_cols: string[] }>`
      select c.relname as table, p.relname as parent,
        array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as cols,
        array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as ref_cols
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`.execute(db)
  ).rows.map((r): ForeignKey => ({ table: r.table, cols: r.cols, parent: r.parent, refCols: r.ref_cols }));
  const columns = (
    await sql<{ table: string; column: string }>`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and table_name in (select tablename from pg_tables where schemaname = 'public')`.execute(db)
  ).rows;
  return buildChildDataMap(fks, columns);
}

export function buildChildDataMap(fks: ForeignKey[], columns: Array<{ table: string; column: string }>): ChildDataMap {
  const colsOf = new Map<string, Set<string>>();
  for (const c of columns) (colsOf.get(c.table) ?? colsOf.set(c.table, new Set()).get(c.table)!).add(c.column);
  const hasLa = (t: string) => colsOf.get(t)?.has('la_code') ?? false;

  // Tables reached from children through incoming foreign keys.
  const reached = new Set(['children']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const fk of fks) {
      if (reached.has(fk.parent) && !reached.has(fk.table) && !(fk.table in KEPT_TABLES)) {
        reached.add(fk.table);
        grew = true;
      }
    }
  }
  // Loose links: a child_id/case_id column without a foreign key on exactly that column.
  const loose: Array<{ table: string; column: string }> = [];
  for (const c of columns) {
    if (!LOOSE_LINK_COLUMNS.includes(c.column) || c.table in KEPT_TABLES) continue;
    const covered = fks.some((fk) => fk.table === c.table && fk.cols.includes(c.column) && (fk.parent === 'children' || fk.parent === 'cases'));
    if (!covered) loose.push(c);
  }
  for (const l of loose) reached.add(l.table);
  if (colsOf.has('outbox')) reached.add('outbox');

  const preds = new Map<string, { via: string[]; where: (s: ChildScope) => string }>();
  const building = new Set<string>();
  const looseWhere = (table: string, column: string) => (s: ChildScope) => {
    const { la, ids } = literals(s);
    const laCond = hasLa(table) ? `la_code = ${la} and ` : '';
    return column === 'child_id'
      ? `(${laCond}child_id = any(${ids}))`
      : `(${laCond}case_id in (select id from cases where la_code = ${la} and child_id = any(${ids})))`;
  };
  const build = (table: string): { via: string[]; where: (s: ChildScope) => string } => {
    const done = preds.get(table);
    if (done) return done;
    building.add(table);
    const parts: Array<(s: ChildScope) => string> = [];
    const via: string[] = [];
    if (table === 'children') {
      parts.push((s) => {
        const { la, ids } = literals(s);
        return `(la_code = ${la} and id = any(${ids}))`;
      });
      via.push('root');
    }
    for (const fk of fks) {
      if (fk.table !== table || fk.parent === table || !reached.has(fk.parent) || building.has(fk.parent)) continue;
      const parent = build(fk.parent);
      parts.push((s) => `((${fk.cols.map(q).join(', ')}) in (select ${fk.refCols.map(q).join(', ')} from ${q(fk.parent)} where ${parent.where(s)}))`);
      via.push(`foreign key → ${fk.parent}`);
    }
    for (const l of loose.filter((x) => x.table === table)) {
      parts.push(looseWhere(table, l.column));
      via.push(`column ${l.column}`);
    }
    if (table === 'outbox') {
      parts.push((s) => {
        const { la, ids } = literals(s);
        // The reference as a whole word: a message about EHC-10 is not about EHC-1.
        const word = `('(^|[^A-Za-z0-9-])' || regexp_replace(c.reference, '([^A-Za-z0-9])', '\\\\\\1', 'g') || '($|[^A-Za-z0-9-])')`;
        return `(la_code = ${la} and exists (select 1 from cases c where c.la_code = ${la} and c.child_id = any(${ids}) and (outbox.body ~ ${word} or outbox.subject ~ ${word} or outbox.personalisation::text ~ ${word})))`;
      });
      via.push('case reference in the message');
    }
    building.delete(table);
    const entry = { via, where: (s: ChildScope) => parts.map((p) => p(s)).join(' or ') || 'false' };
    preds.set(table, entry);
    return entry;
  };

  // Parents before children, so deleting in reverse order never trips a foreign key.
  // Loose links and the outbox find their rows through cases, so they count as children of cases.
  const deps = [...fks.map((fk) => ({ table: fk.table, parent: fk.parent })), ...loose.map((l) => ({ table: l.table, parent: 'cases' })), { table: 'outbox', parent: 'cases' }];
  const order: string[] = [];
  const placed = new Set<string>();
  const tables = [...reached].sort();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && deps.every((d) => d.table !== t || d.parent === t || !reached.has(d.parent) || placed.has(d.parent)));
    for (const t of ready.length ? ready : tables.filter((t) => !placed.has(t)).slice(0, 1)) {
      placed.add(t);
      order.push(t);
    }
  }
  return {
    tables: order.map((table) => ({ table, ...build(table) })),
    kept: Object.keys(KEPT_TABLES)
      .filter((t) => colsOf.has(t))
      .map((table) => ({
        table,
        where: (s: ChildScope) => {
          const { la, ids } = literals(s);
          return `(la_code = ${la} and child_id = any(${ids}))`;
        },
      })),
  };
}

/** How many rows of each table are about the children in scope. */
export async function countChildData(db: Db | Tx, map: ChildDataMap, scope: ChildScope): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of map.tables) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(q(t.table))} where ${sql.raw(t.where(scope))}`.execute(db);
    counts[t.table] = r.rows[0]!.n;
  }
  return counts;
}

/** Deletes everything about the children in scope, children's children first; returns rows per table. */
export async function deleteChildData(tx: Tx, map: ChildDataMap, scope: ChildScope, only?: ReadonlySet<string>): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const t of [...map.tables].reverse()) {
    if (only && !only.has(t.table)) continue;
    const r = await sql`delete from ${sql.raw(q(t.table))} where ${sql.raw(t.where(scope))}`.execute(tx);
    deleted[t.table] = Number(r.numAffectedRows ?? 0);
  }
  return deleted;
}

/** Every row about the children in scope, table by table (the subject access export). */
export async function readChildData(db: Db | Tx, map: ChildDataMap, scope: ChildScope): Promise<{ tables: Record<string, Array<Record<string, unknown>>>; notReadable: string[] }> {
  const out: Record<string, Array<Record<string, unknown>>> = {};
  const notReadable: string[] = [];
  for (const t of [...map.tables, ...map.kept]) {
    // The application role may be denied a table outright (not just filtered by row-level
    // security); say so in the export rather than fail the whole request.
    const allowed = await sql<{ ok: boolean }>`select has_table_privilege(current_user, ${`public.${q(t.table)}`}, 'SELECT') as ok`.execute(db);
    if (!allowed.rows[0]!.ok) {
      notReadable.push(t.table);
      continue;
    }
    const r = await sql<Record<string, unknown>>`select * from ${sql.raw(q(t.table))} where ${sql.raw(t.where(scope))}`.execute(db);
    out[t.table] = r.rows;
  }
  return { tables: out, notReadable };
}
