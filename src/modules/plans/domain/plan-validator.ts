import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import ehcpSchemaJson from '../schema/ehcp-v1.schema.json' with { type: 'json' };
import type { PlanDocument } from './plan-document.ts';
import { formatPath, pointerToSegments } from './plan-path.ts';
import type { PlanProblem } from './plan-problem.ts';
import { checkSemanticRules } from './plan-semantic-rules.ts';
import { checkPlanQuality } from './quality-checklist.ts';

// ajv-formats is CommonJS; under NodeNext its default import is the plugin function itself.
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;

/** The published schema as a plain object (what GET /schemas/ehcp/v1.json serves). */
export const ehcpSchema: Readonly<Record<string, unknown>> = ehcpSchemaJson;

// Compiled once per process: compiling is the expensive part, validating is cheap.
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: true });
addFormats(ajv, ['date']);
const validateShape = ajv.compile<PlanDocument>(ehcpSchemaJson);
const branchValidator = (def: string): ValidateFunction => {
  const validate = ajv.getSchema(`${ehcpSchemaJson.$id}#/$defs/${def}`);
  if (validate === undefined) throw new Error(`EHCP schema has no $defs/${def}`);
  return validate;
};
const validateNamed = branchValidator('namedPlacement');
const validateTypeOnly = branchValidator('typeOnlyPlacement');

/**
 * Checks a plan document: the schema first, then the semantic rules (which need the schema's
 * shape to run). A final plan must also pass every blocking quality check, because OpenSEND
 * refuses to issue one that does not, and an imported final plan should meet the same bar.
 * Returns no problems when the document is valid.
 */
export function validatePlanDocument(json: unknown): PlanProblem[] {
  if (!validateShape(json)) return schemaProblems(validateShape.errors ?? [], json);
  const problems = checkSemanticRules(json);
  if (json.status === 'final') {
    // Only blocking checks matter here and none of them depends on the date.
    const today = json.issuedOn ?? json.child.dateOfBirth;
    for (const item of checkPlanQuality(json, { today })) {
      if (item.level === 'block' && !item.passed) {
        problems.push({ path: item.path ?? '', message: `a final plan must pass the check "${item.message}"` });
      }
    }
  }
  return problems;
}

export function isValidPlanDocument(json: unknown): json is PlanDocument {
  return validatePlanDocument(json).length === 0;
}

function schemaProblems(errors: ErrorObject[], json: unknown): PlanProblem[] {
  const seen = new Set<string>();
  const problems: PlanProblem[] = [];
  for (const error of dropPlacementBranchNoise(errors, json)) {
    const p = toProblem(error);
    const key = `${p.path}\u0000${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

/**
 * Section I is "null, a named setting or a type only". For a failing oneOf ajv reports why the
 * value failed every branch, which reads as nonsense; instead re-validate the value against the
 * branch its `kind` chose and report only that branch's errors.
 */
function dropPlacementBranchNoise(errors: ErrorObject[], json: unknown): ErrorObject[] {
  const inPlacement = (e: ErrorObject): boolean =>
    e.instancePath === '/sections/I' || e.instancePath.startsWith('/sections/I/');
  const oneOf = errors.find((e) => e.keyword === 'oneOf' && e.instancePath === '/sections/I');
  if (oneOf === undefined) return errors;
  const rest = errors.filter((e) => !inPlacement(e));
  const placement = (json as { sections: { I: unknown } }).sections.I;
  const kind = typeof placement === 'object' && placement !== null ? (placement as { kind?: unknown }).kind : undefined;
  const branch = kind === 'named' ? validateNamed : kind === 'type-only' ? validateTypeOnly : null;
  if (branch === null || branch(placement)) {
    return [...rest, { ...oneOf, keyword: 'placement', message: 'must be null, a named setting (kind "named") or a type only (kind "type-only")' }];
  }
  return [...rest, ...(branch.errors ?? []).map((e) => ({ ...e, instancePath: `/sections/I${e.instancePath}` }))];
}

const PATTERN_MESSAGES: Record<string, string> = {
  urn: 'must be a 6-digit URN, for example 123456',
  ukprn: 'must be an 8-digit UKPRN, for example 10012345',
  upn: 'must be a 13-character UPN: a letter, 11 digits, then a digit or letter',
  uln: 'must be a 10-digit ULN',
  code: 'must be a three-digit DfE local authority code, for example 886',
  id: 'must start with a letter or digit and use only letters, digits, ".", "_" and "-"',
};

function toProblem(error: ErrorObject): PlanProblem {
  const segments = pointerToSegments(error.instancePath);
  const last = segments[segments.length - 1];
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: formatPath([...segments, String(params.missingProperty)]), message: 'is required but missing' };
    case 'additionalProperties':
      return {
        path: formatPath([...segments, String(params.additionalProperty)]),
        message: 'is not part of the EHCP schema (check the spelling)',
      };
    case 'type':
      return { path: formatPath(segments), message: `must be ${describeType(params.type)}` };
    case 'enum':
      return {
        path: formatPath(segments),
        message: `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { path: formatPath(segments), message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'format':
      return { path: formatPath(segments), message: 'must be a real date written YYYY-MM-DD' };
    case 'pattern':
      return {
        path: formatPath(segments),
        message: (typeof last === 'string' && PATTERN_MESSAGES[last]) || `must match the pattern ${String(params.pattern)}`,
      };
    case 'minLength':
      return { path: formatPath(segments), message: 'must not be empty' };
    case 'maxLength':
      return { path: formatPath(segments), message: `must be at most ${String(params.limit)} characters` };
    case 'minimum':
      return { path: formatPath(segments), message: `must be at least ${String(params.limit)}` };
    case 'uniqueItems':
      return { path: formatPath(segments), message: `must not repeat a value (items ${String(params.j)} and ${String(params.i)} are the same)` };
    default:
      return { path: formatPath(segments), message: error.message ?? `fails the schema rule "${error.keyword}"` };
  }
}

function describeType(type: unknown): string {
  const names: Record<string, string> = {
    string: 'text', integer: 'a whole number', number: 'a number', object: 'an object', array: 'a list',
    boolean: 'true or false', null: 'null',
  };
  const types = Array.isArray(type) ? type : String(type).split(',');
  return types.map((t) => names[String(t)] ?? String(t)).join(' or ');
}
