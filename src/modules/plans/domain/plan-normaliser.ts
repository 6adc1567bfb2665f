import ehcpSchemaJson from '../schema/ehcp-v1.schema.json' with { type: 'json' };
import { isJsonObject, type JsonObject, type JsonValue } from './json-value.ts';
import type { PlanDocument } from './plan-document.ts';

/**
 * Puts a plan's properties in the schema's order and drops undefined ones, so that exporting the
 * same plan always gives the same text (stable files, clean diffs in git, export → import → export
 * identical). Properties the schema does not know are kept, after the known ones, for the
 * validator to report.
 */
export function normalisePlan(plan: PlanDocument): PlanDocument {
  return order(plan as unknown as JsonValue, ehcpSchemaJson as unknown as SchemaNode) as unknown as PlanDocument;
}

/** The canonical export text: normalised, two-space indented, with a final newline. */
export function serialisePlan(plan: PlanDocument): string {
  return `${JSON.stringify(normalisePlan(plan), null, 2)}\n`;
}

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
}

const defs = (ehcpSchemaJson as unknown as { $defs: Record<string, SchemaNode> }).$defs;

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace('#/$defs/', '');
  const target = defs[name];
  if (target === undefined) throw new Error(`EHCP schema: unresolved ${node.$ref}`);
  return resolve(target);
}

function order(value: JsonValue, rawNode: SchemaNode | undefined): JsonValue {
  if (rawNode === undefined) return value;
  let node = resolve(rawNode);
  if (node.oneOf !== undefined && isJsonObject(value)) {
    // Pick the branch whose `kind` constant the value carries (Section I).
    const branch = node.oneOf.map(resolve).find((b) => (b.properties?.kind as { const?: unknown } | undefined)?.const === value.kind);
    if (branch === undefined) return value;
    node = branch;
  }
  if (Array.isArray(value)) return value.map((item) => order(item, node.items));
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  const known = node.properties ?? {};
  for (const [key, child] of Object.entries(known)) {
    const v = value[key];
    if (v !== undefined) out[key] = order(v, child);
  }
  for (const [key, v] of Object.entries(value)) {
    if (!Object.hasOwn(known, key) && v !== undefined) out[key] = v;
  }
  return out;
}
