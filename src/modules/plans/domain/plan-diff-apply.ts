import { deepEqual, isJsonObject, type JsonObject, type JsonValue } from './json-value.ts';
import type { PlanDocument } from './plan-document.ts';
import { PlanDiffConflictError, type ItemAdded, type ItemChanged, type ItemRemoved, type ItemsReordered, type PlanDiff } from './plan-diff-types.ts';

type ListChange = ItemAdded | ItemRemoved | ItemChanged | ItemsReordered;

/**
 * Applies a diff made by diffPlans to the version it was made from, returning the newer version
 * (a new object; `older` is not touched). Every change checks its `before` against the document
 * first, so applying a diff to the wrong version fails loudly instead of producing a blend.
 */
export function applyDiff(older: PlanDocument, diff: PlanDiff): PlanDocument {
  const root = structuredClone(older) as unknown as JsonObject;
  const lists = new Map<string, { path: string[]; changes: ListChange[] }>();
  for (const change of diff.changes) {
    if (change.kind === 'field') {
      const parent = containerAt(root, change.path.slice(0, -1));
      const key = change.path[change.path.length - 1] ?? '';
      expectValue(parent[key], change.before, change.path.join('.'));
      setOrDelete(parent, key, change.after);
    } else {
      const key = JSON.stringify(change.list);
      const entry = lists.get(key) ?? { path: change.list, changes: [] };
      entry.changes.push(change);
      lists.set(key, entry);
    }
  }
  for (const { path, changes } of lists.values()) applyListChanges(root, path, changes);
  return root as unknown as PlanDocument;
}

/**
 * Order matters and is fixed here, whatever order the changes came in: drop removed items, edit
 * the kept ones, put the kept ones in the newer order, then insert additions at their newer
 * positions from first to last (each lands where it belongs because all before it are in place).
 */
function applyListChanges(root: JsonObject, path: string[], changes: ListChange[]): void {
  const parent = containerAt(root, path.slice(0, -1));
  const key = path[path.length - 1] ?? '';
  const current = parent[key];
  if (!Array.isArray(current)) throw new PlanDiffConflictError(`${path.join('.')} is not a list`);
  let items = current as JsonObject[];
  const where = path.join('.');

  const removed = new Set<string>();
  for (const change of changes) {
    if (change.kind !== 'item-removed') continue;
    if (!items.some((i) => i.id === change.id)) throw new PlanDiffConflictError(`${where} has no item "${change.id}" to remove`);
    removed.add(change.id);
  }
  items = items.filter((i) => !removed.has(i.id as string));

  for (const change of changes) {
    if (change.kind !== 'item-changed') continue;
    const item = items.find((i) => i.id === change.id);
    if (item === undefined) throw new PlanDiffConflictError(`${where} has no item "${change.id}" to change`);
    for (const delta of change.fields) {
      expectValue(item[delta.field], delta.before, `${where}[${change.id}].${delta.field}`);
      setOrDelete(item, delta.field, structuredClone(delta.after));
    }
  }

  const reorder = changes.find((c): c is ItemsReordered => c.kind === 'items-reordered');
  if (reorder !== undefined) {
    const byId = new Map(items.map((i) => [i.id as string, i]));
    if (reorder.order.length !== items.length || reorder.order.some((id) => !byId.has(id))) {
      throw new PlanDiffConflictError(`${where} cannot be put in the order ${reorder.order.join(', ')}`);
    }
    items = reorder.order.map((id) => byId.get(id) as JsonObject);
  }

  const additions = changes.filter((c): c is ItemAdded => c.kind === 'item-added').sort((a, b) => a.index - b.index);
  for (const added of additions) {
    if (added.index > items.length) throw new PlanDiffConflictError(`${where} is too short to add "${String(added.item.id)}" at ${added.index}`);
    items.splice(added.index, 0, structuredClone(added.item));
  }
  parent[key] = items;
}

function containerAt(root: JsonObject, path: string[]): JsonObject {
  let node: JsonValue = root;
  for (const key of path) {
    const next: JsonValue | undefined = isJsonObject(node) ? node[key] : undefined;
    if (!isJsonObject(next)) throw new PlanDiffConflictError(`${path.join('.')} is not in the document`);
    node = next;
  }
  return node as JsonObject;
}

function expectValue(actual: JsonValue | undefined, expected: JsonValue | undefined, where: string): void {
  if (!deepEqual(actual, expected)) throw new PlanDiffConflictError(`${where} is not what the diff expects; it was made from another version`);
}

function setOrDelete(target: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = structuredClone(value);
}
