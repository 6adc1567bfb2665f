import type { Tx } from '../../../platform/db/connection.ts';
import type { ActionEntry, ActionInput, ActionStatus, PriorityEntry, PriorityInput, SelfEvaluationEntry } from '../domain/planning-facts.ts';
import './planning.tables.ts';

/** Who wrote an entry and when: from the signed-in user and today's date, never from the form. */
export interface Author {
  userId: string | null;
  name: string;
  role: string;
  writtenOn: string;
}

/** An edit refused because another landed first: `latest` is what is there now. */
export type SaveOutcome<T> = { kind: 'saved'; id: string; version: number } | { kind: 'stale'; latest: T } | { kind: 'not-found' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

const authorColumns = (a: Author) => ({ written_on: a.writtenOn, author_user_id: a.userId, author_name: a.name, author_role: a.role });

interface AttributedRow { version: number; written_on: string; author_name: string; author_role: string }
const attribution = (r: AttributedRow) => ({ version: r.version, writtenOn: r.written_on, authorName: r.author_name, authorRole: r.author_role });

async function revision(tx: Tx, laCode: string, kind: 'priority' | 'action' | 'self-evaluation', id: string, version: number, content: unknown, a: Author): Promise<void> {
  await tx.insertInto('planning_revisions').values({ la_code: laCode, record_kind: kind, record_id: id, version, content: JSON.stringify(content), ...authorColumns(a) }).execute();
}

const priorityColumns = ['id', 'position', 'title', 'description', 'version', 'written_on', 'author_name', 'author_role'] as const;
const actionColumns = ['id', 'priority_id', 'description', 'lead', 'due_on', 'status', 'version', 'written_on', 'author_name', 'author_role'] as const;

type ActionRow = { id: string; priority_id: string; description: string; lead: string; due_on: string; status: string; version: number; written_on: string; author_name: string; author_role: string };
const toAction = (r: ActionRow): ActionEntry => ({
  id: r.id, priorityId: r.priority_id, description: r.description, lead: r.lead, dueOn: r.due_on, status: r.status as ActionStatus, ...attribution(r),
});

/** The council's priorities in order, each with its actions. */
export async function readPriorities(tx: Tx, laCode: string): Promise<PriorityEntry[]> {
  const priorities = await tx.selectFrom('planning_priorities').select(priorityColumns).where('la_code', '=', laCode).orderBy('position').orderBy('title').execute();
  const actions = await tx.selectFrom('planning_actions').select(actionColumns).where('la_code', '=', laCode).orderBy('due_on').orderBy('description').execute();
  return priorities.map((p) => ({
    id: p.id, position: p.position, title: p.title, description: p.description, ...attribution(p),
    actions: actions.filter((a) => a.priority_id === p.id).map(toAction),
  }));
}

export async function findPriority(tx: Tx, laCode: string, id: string): Promise<Omit<PriorityEntry, 'actions'> | undefined> {
  if (!isUuid(id)) return undefined;
  const p = await tx.selectFrom('planning_priorities').select(priorityColumns).where('la_code', '=', laCode).where('id', '=', id).executeTakeFirst();
  return p && { id: p.id, position: p.position, title: p.title, description: p.description, ...attribution(p) };
}

export async function createPriority(tx: Tx, laCode: string, input: PriorityInput, a: Author): Promise<string> {
  const row = await tx.insertInto('planning_priorities')
    .values({ la_code: laCode, position: input.position, title: input.title, description: input.description, ...authorColumns(a) })
    .returning('id').executeTakeFirstOrThrow();
  await revision(tx, laCode, 'priority', row.id, 1, input, a);
  return row.id;
}

/** Saves only if nobody else has saved since `expectedVersion` was read (optimistic concurrency). */
export async function updatePriority(tx: Tx, laCode: string, id: string, expectedVersion: number, input: PriorityInput, a: Author): Promise<SaveOutcome<Omit<PriorityEntry, 'actions'>>> {
  const r = await tx.updateTable('planning_priorities')
    .set((eb) => ({ position: input.position, title: input.title, description: input.description, ...authorColumns(a), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('la_code', '=', laCode).where('id', '=', id).where('version', '=', expectedVersion)
    .returning('version').executeTakeFirst();
  if (r) {
    await revision(tx, laCode, 'priority', id, r.version, input, a);
    return { kind: 'saved', id, version: r.version };
  }
  const latest = await findPriority(tx, laCode, id);
  return latest ? { kind: 'stale', latest } : { kind: 'not-found' };
}

export async function findAction(tx: Tx, laCode: string, id: string): Promise<ActionEntry | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await tx.selectFrom('planning_actions').select(actionColumns).where('la_code', '=', laCode).where('id', '=', id).executeTakeFirst();
  return r && toAction(r);
}

export async function createAction(tx: Tx, laCode: string, priorityId: string, input: ActionInput, a: Author): Promise<string> {
  const row = await tx.insertInto('planning_actions')
    .values({ la_code: laCode, priority_id: priorityId, description: input.description, lead: input.lead, due_on: input.dueOn, status: input.status, ...authorColumns(a) })
    .returning('id').executeTakeFirstOrThrow();
  await revision(tx, laCode, 'action', row.id, 1, { priorityId, ...input }, a);
  return row.id;
}

export async function updateAction(tx: Tx, laCode: string, id: string, expectedVersion: number, input: ActionInput, a: Author): Promise<SaveOutcome<ActionEntry>> {
  const r = await tx.updateTable('planning_actions')
    .set((eb) => ({ description: input.description, lead: input.lead, due_on: input.dueOn, status: input.status, ...authorColumns(a), version: eb('version', '+', 1), updated_at: new Date() }))
    .where('la_code', '=', laCode).where('id', '=', id).where('version', '=', expectedVersion)
    .returning(['version', 'priority_id']).executeTakeFirst();
  if (r) {
    await revision(tx, laCode, 'action', id, r.version, { priorityId: r.priority_id, ...input }, a);
    return { kind: 'saved', id, version: r.version };
  }
  const latest = await findAction(tx, laCode, id);
  return latest ? { kind: 'stale', latest } : { kind: 'not-found' };
}

export async function readSelfEvaluation(tx: Tx, laCode: string): Promise<SelfEvaluationEntry[]> {
  const rows = await tx.selectFrom('planning_self_evaluation').select(['section_id', 'body', 'version', 'written_on', 'author_name', 'author_role']).where('la_code', '=', laCode).execute();
  return rows.map((r) => ({ sectionId: r.section_id, body: r.body, ...attribution(r) }));
}

export async function findSelfEvaluation(tx: Tx, laCode: string, sectionId: string): Promise<SelfEvaluationEntry | undefined> {
  return (await readSelfEvaluation(tx, laCode)).find((e) => e.sectionId === sectionId);
}

/**
 * Commentary for one framework section. `expectedVersion` 0 means "there was none when I started":
 * if someone wrote one meanwhile, this edit is refused as stale like any other.
 */
export async function saveSelfEvaluation(tx: Tx, laCode: string, sectionId: string, expectedVersion: number, body: string, a: Author): Promise<SaveOutcome<SelfEvaluationEntry>> {
  let version: number | undefined;
  if (expectedVersion === 0) {
    const r = await tx.insertInto('planning_self_evaluation').values({ la_code: laCode, section_id: sectionId, body, ...authorColumns(a) })
      .onConflict((oc) => oc.columns(['la_code', 'section_id']).doNothing()).returning('version').executeTakeFirst();
    version = r?.version;
  } else {
    const r = await tx.updateTable('planning_self_evaluation')
      .set((eb) => ({ body, ...authorColumns(a), version: eb('version', '+', 1), updated_at: new Date() }))
      .where('la_code', '=', laCode).where('section_id', '=', sectionId).where('version', '=', expectedVersion)
      .returning('version').executeTakeFirst();
    version = r?.version;
  }
  if (version !== undefined) {
    await revision(tx, laCode, 'self-evaluation', sectionId, version, { body }, a);
    return { kind: 'saved', id: sectionId, version };
  }
  const latest = await findSelfEvaluation(tx, laCode, sectionId);
  return latest ? { kind: 'stale', latest } : { kind: 'not-found' };
}

export async function councilNameOf(tx: Tx, laCode: string): Promise<string> {
  const r = await tx.selectFrom('councils').select('name').where('la_code', '=', laCode).executeTakeFirst();
  return r?.name ?? laCode;
}
