import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES, type Role } from '../../src/platform/identity/roles.ts';

/**
 * The authorisation matrix's file format (see README.md beside this file). The expectations are
 * written by hand from the policy (who should see what), never computed from the code under test:
 * this file only reads, checks and expands them.
 */

/** Everyone the matrix is written for: every role, plus a visitor who has not signed in. */
export const ACTORS = ['signed-out', ...ROLES] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * own           the record is in the signed-in person's council, and (for a family) about their child
 * other-child   same council, a child the signed-in family is not linked to
 * other-council a record of another council: must be indistinguishable from one that does not exist
 * any           the route names no record
 */
export const CONTEXTS = ['own', 'other-child', 'other-council'] as const;
export type Context = (typeof CONTEXTS)[number] | 'any';

/**
 * A status code, or:
 *   "sign-in"  pages redirect (303) to /sign-in, /api/ routes answer 401
 *   "reached"  got past authorisation and found the record: 2xx, a 3xx not to /sign-in, 400/409/422
 *              (a write is sent with an empty form, so validation may answer) or 503 (a dependency
 *              such as the PDF renderer is unavailable after the checks passed)
 */
export type Outcome = number | 'sign-in' | 'reached';
export type Expectation = Outcome | Partial<Record<Context, Outcome>>;

export interface MatrixRow {
  /** "METHOD /path/:param" exactly as registered (see declaredRoutes). */
  route: string;
  /** Path parameters: "@record.field" takes the value from the test world per context; anything else is literal. */
  params?: Record<string, string>;
  /** For a write: the form sent (besides the CSRF token). Without it the form is empty. */
  form?: Record<string, string>;
  /** Query string appended as is (no leading "?"). */
  query?: string;
  /** Why the row looks as it does, when it is not obvious. */
  note?: string;
  expect: Record<Actor, Expectation>;
}

export interface MatrixFile {
  module: string;
  description?: string;
  routes: MatrixRow[];
}

export const MATRIX_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'matrix');

export interface LoadedRow extends MatrixRow {
  file: string;
  method: string;
  url: string;
}

/** Reads every matrix/*.json file and checks its shape; throws with every problem at once. */
export function loadMatrix(dir = MATRIX_DIR): LoadedRow[] {
  const problems: string[] = [];
  const rows: LoadedRow[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let parsed: MatrixFile;
    try {
      parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as MatrixFile;
    } catch (e) {
      problems.push(`${file}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    if (!Array.isArray(parsed.routes)) {
      problems.push(`${file}: needs a "routes" array`);
      continue;
    }
    for (const row of parsed.routes) {
      const m = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(row.route ?? '');
      if (!m) {
        problems.push(`${file}: route "${row.route}" must look like "GET /path/:param"`);
        continue;
      }
      const [, method, url] = m as unknown as [string, string, string];
      const where = `${file}: ${row.route}`;
      const names = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((x) => x[1]!);
      for (const n of names) if (row.params?.[n] === undefined) problems.push(`${where}: no value for :${n} in "params"`);
      for (const n of Object.keys(row.params ?? {})) if (!names.includes(n)) problems.push(`${where}: "params" names :${n}, which the path does not have`);
      for (const actor of ACTORS) {
        const e = row.expect?.[actor];
        if (e === undefined) problems.push(`${where}: no expectation for "${actor}"`);
        else checkExpectation(e, `${where} (${actor})`, problems);
      }
      for (const k of Object.keys(row.expect ?? {})) if (!(ACTORS as readonly string[]).includes(k)) problems.push(`${where}: "${k}" is not a role (see src/platform/identity/roles.ts)`);
      rows.push({ ...row, file, method, url });
    }
  }
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.route)) problems.push(`${r.file}: ${r.route} appears more than once in the matrix`);
    seen.add(r.route);
  }
  if (problems.length) throw new Error(`The authorisation matrix has problems:\n  ${problems.join('\n  ')}`);
  return rows;
}

function checkOutcome(o: unknown, where: string, problems: string[]): void {
  if (o === 'sign-in' || o === 'reached') return;
  // 500 is never an acceptable answer; 503 is (a dependency such as the PDF renderer is down).
  if (typeof o === 'number' && Number.isInteger(o) && o >= 200 && o < 600 && o !== 500) return;
  problems.push(`${where}: outcome ${JSON.stringify(o)} must be a status code (200-599 but not 500), "sign-in" or "reached"`);
}

function checkExpectation(e: Expectation, where: string, problems: string[]): void {
  if (typeof e !== 'object') return checkOutcome(e, where, problems);
  for (const [k, o] of Object.entries(e)) {
    if (!['any', ...CONTEXTS].includes(k)) problems.push(`${where}: "${k}" is not a context (own, other-child, other-council, any)`);
    checkOutcome(o, `${where} ${k}`, problems);
  }
}

/** The outcome expected of one actor in one context; undefined when the file does not say. */
export function expectedOutcome(e: Expectation, context: Context): Outcome | undefined {
  if (typeof e !== 'object') return e;
  return e[context];
}

export function isActor(value: string): value is Actor {
  return (ACTORS as readonly string[]).includes(value);
}

export type { Role };
