import pg from 'pg';

/**
 * Named (server-side prepared) statements for the queries the service sends again and again.
 *
 * Planning costs PostgreSQL more than running most of our queries: a case read by id plans in
 * about 0.33 ms and runs in 0.12 ms (row-level security adds to the planning). An unnamed statement
 * is parsed and planned on every execution; a named one is parsed once per connection, and after a
 * few executions PostgreSQL keeps a generic plan for it. Measured on the national dataset, one
 * connection, round trip: 734 µs unnamed, 210 µs named (docs/performance.md, ADR 0021).
 *
 * Kysely sends every query as (text, values), so this is done below it, in the pool's client: the
 * second time a text is seen it gets a stable name (the same text always gets the same name, so a
 * statement is never reused for another text). Bounded both ways: at most MAX_NAMES texts in the
 * process and MAX_PER_CONNECTION statements kept on one server connection; past either, statements
 * go unnamed as before. Only queries with at least one parameter are named; texts without values
 * (DDL, BEGIN/COMMIT, the simple protocol) never are.
 */
const MAX_NAMES = 5000;
const MAX_PER_CONNECTION = 200;
const SEEN_BEFORE_NAMING = 2;

const sightings = new Map<string, number>();
const names = new Map<string, string>();

function nameFor(text: string): string | undefined {
  const known = names.get(text);
  if (known) return known;
  if (names.size >= MAX_NAMES) return undefined;
  const seen = (sightings.get(text) ?? 0) + 1;
  if (seen < SEEN_BEFORE_NAMING) {
    if (sightings.size < MAX_NAMES * 4) sightings.set(text, seen);
    return undefined;
  }
  sightings.delete(text);
  const name = `opensend_${names.size + 1}`;
  names.set(text, name);
  return name;
}

export class PreparingClient extends pg.Client {
  private readonly preparedHere = new Set<string>();

  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2) {
      const name = nameFor(text);
      if (name && (this.preparedHere.has(name) || this.preparedHere.size < MAX_PER_CONNECTION)) {
        this.preparedHere.add(name);
        return (super.query as unknown as (config: pg.QueryConfig) => never)({ name, text, values });
      }
    }
    return (super.query as unknown as (...a: unknown[]) => never)(...args);
  }
}
