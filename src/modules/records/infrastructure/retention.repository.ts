import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';
import { effectiveRules, type RecordType, type RetentionRule } from '../domain/retention-rules.ts';
import './records.tables.ts';

export async function loadRules(tx: Tx | Db, laCode: string): Promise<RetentionRule[]> {
  const rows = await tx.selectFrom('retention_rules').select(['record_type', 'years_after_birth', 'version']).where('la_code', '=', laCode).execute();
  return effectiveRules(rows.map((r) => ({ recordType: r.record_type, yearsAfterBirth: r.years_after_birth, version: r.version })));
}

export class StaleRuleError extends Error {}

/**
 * Sets one rule. `expectedVersion` is the version the administrator's form was drawn from (0 while
 * the default applied): if someone changed the rule since, nothing is written.
 */
export async function saveRule(tx: Tx, input: { laCode: string; recordType: RecordType; years: number; expectedVersion: number; userId: string }): Promise<number> {
  if (input.expectedVersion === 0) {
    const inserted = await tx
      .insertInto('retention_rules')
      .values({ la_code: input.laCode, record_type: input.recordType, years_after_birth: input.years, updated_by: input.userId })
      .onConflict((oc) => oc.columns(['la_code', 'record_type']).doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!inserted) throw new StaleRuleError();
    return inserted.version;
  }
  const updated = await tx
    .updateTable('retention_rules')
    .set({ years_after_birth: input.years, updated_by: input.userId, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('la_code', '=', input.laCode)
    .where('record_type', '=', input.recordType)
    .where('version', '=', input.expectedVersion)
    .returning('version')
    .executeTakeFirst();
  if (!updated) throw new StaleRuleError();
  return updated.version;
}

export interface HoldRow {
  id: string;
  childId: string;
  childName: string;
  reason: string;
  placedBy: string | null;
  placedAt: Date;
}

export async function activeHolds(tx: Tx | Db, laCode: string): Promise<HoldRow[]> {
  const rows = await tx
    .selectFrom('legal_holds as h')
    .innerJoin('children as c', (j) => j.onRef('c.la_code', '=', 'h.la_code').onRef('c.id', '=', 'h.child_id'))
    .leftJoin('users as u', 'u.id', 'h.placed_by')
    .select(['h.id', 'h.child_id', 'c.given_name', 'c.family_name', 'h.reason', 'u.display_name', 'h.placed_at'])
    .where('h.la_code', '=', laCode)
    .where('h.lifted_at', 'is', null)
    .orderBy('h.placed_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, childId: r.child_id, childName: `${r.given_name} ${r.family_name}`, reason: r.reason, placedBy: r.display_name, placedAt: r.placed_at }));
}

export async function placeHold(tx: Tx, input: { laCode: string; childId: string; reason: string; userId: string | null }): Promise<string> {
  const row = await tx.insertInto('legal_holds').values({ la_code: input.laCode, child_id: input.childId, reason: input.reason, placed_by: input.userId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Lifts a hold; false if there is no such active hold in the council. */
export async function liftHold(tx: Tx, input: { laCode: string; holdId: string; reason: string; userId: string | null }): Promise<{ childId: string } | undefined> {
  return tx
    .updateTable('legal_holds')
    .set({ lifted_at: sql<Date>`now()`, lifted_by: input.userId, lift_reason: input.reason })
    .where('la_code', '=', input.laCode)
    .where('id', '=', input.holdId)
    .where('lifted_at', 'is', null)
    .returning('child_id as childId')
    .executeTakeFirst();
}

/** Children with at least one active hold. */
export async function heldChildIds(tx: Tx | Db, laCode: string): Promise<Set<string>> {
  const rows = await tx.selectFrom('legal_holds').select('child_id').distinct().where('la_code', '=', laCode).where('lifted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.child_id));
}

export interface ChildDates {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}

/** Children born on or before a date (a coarse filter; the exact rule is applied in the domain). */
export async function childrenBornBy(tx: Tx | Db, laCode: string, latestBirth: string): Promise<ChildDates[]> {
  const rows = await tx
    .selectFrom('children')
    .select(['id', 'given_name', 'family_name', 'date_of_birth'])
    .where('la_code', '=', laCode)
    .where('date_of_birth', '<=', latestBirth)
    .orderBy('date_of_birth')
    .execute();
  return rows.map((r) => ({ id: r.id, givenName: r.given_name, familyName: r.family_name, dateOfBirth: String(r.date_of_birth) }));
}

/** Children who still have uploaded documents (for the documents rule). */
export async function childrenWithDocuments(tx: Tx | Db, laCode: string, childIds: string[]): Promise<Set<string>> {
  if (!childIds.length) return new Set();
  const rows = await tx
    .selectFrom('documents as d')
    .innerJoin('cases as c', (j) => j.onRef('c.la_code', '=', 'd.la_code').onRef('c.id', '=', 'd.case_id'))
    .select('c.child_id')
    .distinct()
    .where('d.la_code', '=', laCode)
    .where('c.child_id', 'in', childIds)
    .execute();
  return new Set(rows.map((r) => r.child_id));
}
