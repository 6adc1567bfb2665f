import type { JsonObject, JsonValue } from './json-value.ts';
import type { SectionKey } from './plan-document.ts';

/**
 * A diff between two versions of a plan, made of changes a person can read one by one. It is plain
 * JSON so it can be stored and served. `before`/`after` are absent when the field was absent.
 */
export interface PlanDiff {
  planId: string;
  fromVersion: number;
  toVersion: number;
  changes: PlanChange[];
}

interface ChangeBase {
  /** The plan section the change is in, or null for the plan's own details (child, LA, status…). */
  section: SectionKey | null;
  /** One sentence for families and caseworkers, e.g. "Section F: … changed from … to …". */
  summary: string;
}

/** A value replaced as a whole: a text in Section A, the placement, a list of codes. */
export interface FieldChange extends ChangeBase {
  kind: 'field';
  path: string[];
  before?: JsonValue;
  after?: JsonValue;
}

export interface FieldDelta {
  field: string;
  before?: JsonValue;
  after?: JsonValue;
}

/** Changes to a list of items with ids (needs, outcomes, provision, budget items, advice). */
export interface ItemAdded extends ChangeBase {
  kind: 'item-added';
  list: string[];
  /** Position in the newer list. */
  index: number;
  item: JsonObject;
}

export interface ItemRemoved extends ChangeBase {
  kind: 'item-removed';
  list: string[];
  id: string;
  item: JsonObject;
}

export interface ItemChanged extends ChangeBase {
  kind: 'item-changed';
  list: string[];
  id: string;
  fields: FieldDelta[];
}

/** The items both versions have now appear in a different order; `order` is the newer order. */
export interface ItemsReordered extends ChangeBase {
  kind: 'items-reordered';
  list: string[];
  order: string[];
}

export type PlanChange = FieldChange | ItemAdded | ItemRemoved | ItemChanged | ItemsReordered;

/** Thrown when a diff is applied to a document that is not the one it was made from. */
export class PlanDiffConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanDiffConflictError';
  }
}
