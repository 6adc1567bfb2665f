import { summariseField, summariseItemAdded, summariseItemChanged, summariseItemRemoved, summariseReorder } from './diff-summary.ts';
import { deepEqual, isItemList, isJsonObject, type JsonObject, type JsonValue } from './json-value.ts';
import type { PlanDocument, SectionKey } from './plan-document.ts';
import type { FieldDelta, PlanChange, PlanDiff } from './plan-diff-types.ts';

/**
 * Values compared as a whole even though they are objects: a change of placement or of who issued
 * or confirmed something reads better as one change than as a list of property edits.
 */
const ATOMIC_KEYS = new Set(['I', 'issuedBy', 'noNeedsIdentified']);

/**
 * Compares two versions section by section and, inside lists, item by item matched on id. The
 * result reproduces `newer` exactly when applied to `older` (see applyDiff), so it can also be
 * stored instead of a full copy.
 */
export function diffPlans(older: PlanDocument, newer: PlanDocument): PlanDiff {
  const changes: PlanChange[] = [];
  walk([], older as unknown as JsonValue, newer as unknown as JsonValue, changes);
  return { planId: newer.planId, fromVersion: older.version, toVersion: newer.version, changes };
}

function sectionOf(path: readonly string[]): SectionKey | null {
  return path[0] === 'sections' && path[1] !== undefined ? (path[1] as SectionKey) : null;
}

function walk(path: string[], before: JsonValue | undefined, after: JsonValue | undefined, out: PlanChange[]): void {
  if (deepEqual(before, after)) return;
  const key = path[path.length - 1];
  const atomic = key !== undefined && ATOMIC_KEYS.has(key) && path.length <= 3;
  if (!atomic && isJsonObject(before) && isJsonObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !Object.hasOwn(after, k))];
    for (const k of keys) walk([...path, k], before[k], after[k], out);
    return;
  }
  if (isItemList(before) && isItemList(after)) {
    diffList(path, before, after, out);
    return;
  }
  const change: PlanChange = { kind: 'field', section: sectionOf(path), path, summary: summariseField(path, before, after) };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  out.push(change);
}

function diffList(list: string[], before: JsonObject[], after: JsonObject[], out: PlanChange[]): void {
  const section = sectionOf(list);
  const afterById = new Map(after.map((item) => [item.id as string, item]));
  const beforeById = new Map(before.map((item) => [item.id as string, item]));

  for (const item of before) {
    const id = item.id as string;
    if (!afterById.has(id)) {
      out.push({ kind: 'item-removed', section, list, id, item, summary: summariseItemRemoved(list, item) });
    }
  }
  for (const item of after) {
    const id = item.id as string;
    const old = beforeById.get(id);
    if (old === undefined || deepEqual(old, item)) continue;
    const fields = fieldDeltas(old, item);
    out.push({ kind: 'item-changed', section, list, id, fields, summary: summariseItemChanged(list, old, item, fields) });
  }
  const keptInOldOrder = before.map((i) => i.id as string).filter((id) => afterById.has(id));
  const keptInNewOrder = after.map((i) => i.id as string).filter((id) => beforeById.has(id));
  if (!deepEqual(keptInOldOrder, keptInNewOrder)) {
    out.push({ kind: 'items-reordered', section, list, order: keptInNewOrder, summary: summariseReorder(list) });
  }
  after.forEach((item, index) => {
    if (!beforeById.has(item.id as string)) {
      out.push({ kind: 'item-added', section, list, index, item, summary: summariseItemAdded(list, item) });
    }
  });
}

function fieldDeltas(before: JsonObject, after: JsonObject): FieldDelta[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !Object.hasOwn(after, k))];
  return keys
    .filter((field) => !deepEqual(before[field], after[field]))
    .map((field) => {
      const delta: FieldDelta = { field };
      if (before[field] !== undefined) delta.before = before[field];
      if (after[field] !== undefined) delta.after = after[field];
      return delta;
    });
}
