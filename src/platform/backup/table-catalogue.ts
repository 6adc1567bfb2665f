import type pg from 'pg';

/**
 * The tables a backup holds, read from the live catalogue rather than listed by hand, so a table a
 * module adds tomorrow is backed up without anyone remembering to. Ordered so that every table comes
 * after the tables its foreign keys point to: a restore then loads parents before children and the
 * foreign-key checks pass without being switched off.
 */
export interface TableInfo {
  name: string;
  /** Columns a COPY may write (generated columns are computed, never loaded). */
  columns: string[];
  /** Identity or serial columns whose sequence must be moved past the restored values. */
  sequenced: string[];
}

/** Bookkeeping the restore rebuilds itself by applying the migrations. */
const NOT_BACKED_UP = new Set(['schema_migrations']);

export async function listTables(client: pg.Client | pg.PoolClient): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  const cols = await client.query<{ table: string; column: string; generated: string; sequenced: boolean }>(
    `select c.relname as table, a.attname as column, a.attgenerated as generated,
            (a.attidentity <> '' or pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null) as sequenced
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
  );
  const deps = await client.query<{ child: string; parent: string }>(
    `select distinct c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const info = new Map<string, TableInfo>();
  for (const { name } of tables.rows) if (!NOT_BACKED_UP.has(name)) info.set(name, { name, columns: [], sequenced: [] });
  for (const c of cols.rows) {
    const t = info.get(c.table);
    if (!t) continue;
    if (c.generated === '') t.columns.push(c.column);
    if (c.sequenced) t.sequenced.push(c.column);
  }
  return topologicalOrder([...info.values()], deps.rows);
}

/** Parents before children; a cycle (none today) falls back to name order for the tables in it. */
export function topologicalOrder(tables: TableInfo[], deps: Array<{ child: string; parent: string }>): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const d of deps) if (byName.has(d.child) && byName.has(d.parent)) parents.get(d.child)!.add(d.parent);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && [...parents.get(t.name)!].every((p) => placed.has(p)));
    const next = ready.length ? ready : tables.filter((t) => !placed.has(t.name)).slice(0, 1);
    for (const t of next) {
      placed.add(t.name);
      ordered.push(t);
    }
  }
  return ordered;
}
