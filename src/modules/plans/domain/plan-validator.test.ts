import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ehcpSchema, validatePlanDocument } from './plan-validator.ts';
import { normalisePlan, serialisePlan } from './plan-normaliser.ts';
import { examplePlan, exampleDraft } from './plan-test-fixtures.ts';
import type { PlanDocument } from './plan-document.ts';

// These tests break the document on purpose, so they edit it without the plan types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
const paths = (json: unknown): string[] => validatePlanDocument(json).map((p) => p.path);
const exampleFile = new URL('../schema/examples/ehcp-example.json', import.meta.url);

describe('the published example', () => {
  it('validates', () => {
    expect(validatePlanDocument(examplePlan())).toEqual([]);
  });

  it('round trips: export → import → export gives the same text', () => {
    const text = readFileSync(exampleFile, 'utf8');
    const imported: unknown = JSON.parse(text);
    expect(validatePlanDocument(imported)).toEqual([]);
    const exported = serialisePlan(imported as PlanDocument);
    expect(exported).toBe(text);
    expect(serialisePlan(JSON.parse(exported) as PlanDocument)).toBe(exported);
  });

  it('normalising restores schema order and drops undefined properties', () => {
    const plan = examplePlan();
    const { sections, child, issuedBy: _issuedBy, ...rest } = plan;
    const shuffled = { sections, child, ...rest, issuedOn: undefined, status: 'draft' as const };
    const keys = Object.keys(normalisePlan(shuffled));
    expect(keys.slice(0, 4)).toEqual(['schemaVersion', 'planId', 'version', 'status']);
    expect(keys).not.toContain('issuedOn');
  });
});

describe('schema errors name the exact path', () => {
  it.each<[string, (p: Loose) => void, string, RegExp]>([
    ['missing frequency', (p) => { delete p.sections.F.provision[2].frequency; }, 'sections.F.provision[2].frequency', /required/],
    ['bad frequency period', (p) => { p.sections.F.provision[2].frequency.per = 'fortnight'; }, 'sections.F.provision[2].frequency.per', /one of/],
    ['zero duration', (p) => { p.sections.F.provision[0].durationMinutes = 0; }, 'sections.F.provision[0].durationMinutes', /at least 1/],
    ['fractional group size', (p) => { p.sections.F.provision[1].groupSize = 1.5; }, 'sections.F.provision[1].groupSize', /whole number/],
    ['URN of 5 digits', (p) => { p.sections.I.urn = '14999'; }, 'sections.I.urn', /6-digit URN/],
    ['UKPRN of 7 digits', (p) => { p.sections.I.ukprn = '1001234'; }, 'sections.I.ukprn', /8-digit UKPRN/],
    ['impossible date', (p) => { p.child.dateOfBirth = '2011-02-30'; }, 'child.dateOfBirth', /real date/],
    ['unknown property', (p) => { p.sections.B.needs[0].colour = 'red'; }, 'sections.B.needs[0].colour', /not part of the EHCP schema/],
    ['unknown need code', (p) => { p.primaryNeed = 'DYS'; }, 'primaryNeed', /one of/],
    ['wrong schema version', (p) => { p.schemaVersion = '2.0'; }, 'schemaVersion', /"1.0"/],
    ['empty statement', (p) => { p.sections.B.needs[1].statement = ''; }, 'sections.B.needs[1].statement', /empty/],
    ['bad LA code', (p) => { p.la.code = '88'; }, 'la.code', /three-digit/],
    ['repeated secondary need', (p) => { p.secondaryNeeds = ['SEMH', 'SEMH']; }, 'secondaryNeeds', /repeat/],
    ['unknown placement kind', (p) => { p.sections.I = { kind: 'school' }; }, 'sections.I', /named setting/],
    ['type-only with a name', (p) => { p.sections.I = { kind: 'type-only', settingType: 'special-school', settingName: 'X' }; }, 'sections.I.settingName', /not part/],
    ['id with a space', (p) => { p.sections.K.advice[0].id = 'adv parent'; }, 'sections.K.advice[0].id', /letters, digits/],
  ])('%s', (_name, edit, path, message) => {
    const plan = examplePlan() as unknown as Loose;
    edit(plan);
    const problems = validatePlanDocument(plan);
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports only the chosen placement branch, not every branch of the oneOf', () => {
    const plan = examplePlan() as unknown as Loose;
    plan.sections.I.urn = '1';
    expect(validatePlanDocument(plan)).toEqual([{ path: 'sections.I.urn', message: 'must be a 6-digit URN, for example 123456' }]);
  });

  it('rejects things that are not plan documents at all', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths([])).toEqual(['']);
    expect(paths({})).toContain('schemaVersion');
  });
});

describe('semantic rules', () => {
  it.each<[string, (p: PlanDocument) => void, string, RegExp]>([
    ['duplicate id across sections', (p) => { p.sections.E.outcomes[1]!.id = 'need-language'; }, 'sections.E.outcomes[1].id', /already used by sections\.B\.needs\[0\]/],
    ['evidence that is not advice', (p) => { p.sections.B.needs[0]!.evidence[1] = 'adv-missing'; }, 'sections.B.needs[0].evidence[1]', /"adv-missing", which is not an advice item in Section K/],
    ['outcome for an unknown need', (p) => { p.sections.E.outcomes[2]!.needIds = ['need-x']; }, 'sections.E.outcomes[2].needIds[0]', /"need-x", which is not a need/],
    ['provision for an unknown need', (p) => { p.sections.F.provision[3]!.needIds.push('nope'); }, 'sections.F.provision[3].needIds[2]', /"nope", which is not a need/],
    ['provision for an unknown outcome', (p) => { p.sections.F.provision[2]!.outcomeIds = ['out-gone']; }, 'sections.F.provision[2].outcomeIds[0]', /"out-gone", which is not an outcome in Section E/],
    ['final without issue date', (p) => { delete p.issuedOn; }, 'issuedOn', /final plan must say the date/],
    ['final without issuer', (p) => { delete p.issuedBy; }, 'issuedBy', /who issued/],
    ['draft with issue date', (p) => { p.status = 'draft'; }, 'issuedOn', /draft has not been issued/],
    ['issued before birth', (p) => { p.issuedOn = '2010-01-01'; }, 'issuedOn', /before the child's date of birth/],
    ['outcome due before birth', (p) => { p.sections.E.outcomes[0]!.byWhen = '2011-01-01'; }, 'sections.E.outcomes[0].byWhen', /after the child's date of birth/],
    ['outcome due before issue', (p) => { p.sections.E.outcomes[3]!.byWhen = '2025-01-01'; }, 'sections.E.outcomes[3].byWhen', /before the plan was issued/],
    ['provision ends before it starts', (p) => { p.sections.F.provision[2]!.endDate = '2025-04-01'; }, 'sections.F.provision[2].endDate', /before the start date/],
    ['review before start', (p) => { p.sections.F.provision[2]!.reviewBy = '2025-04-01'; }, 'sections.F.provision[2].reviewBy', /before the start date/],
    ['advice after issue', (p) => { p.sections.K.advice[3]!.date = '2025-04-01'; }, 'sections.K.advice[3].date', /after the plan was issued/],
    ['advice before birth', (p) => { p.sections.K.advice[0]!.date = '2010-04-01'; }, 'sections.K.advice[0].date', /before the child's date of birth/],
    ['confirmation after issue', (p) => { p.sections.G.noNeedsIdentified!.date = '2025-05-01'; }, 'sections.G.noNeedsIdentified.date', /after the plan was issued/],
    ['secondary need repeats primary', (p) => { p.secondaryNeeds = ['SEMH', 'SLCN']; }, 'secondaryNeeds[1]', /repeats the primary need SLCN/],
    ['confirmed "no needs" yet lists needs', (p) => { p.sections.C.needs.push({ id: 'c1', statement: 'Epilepsy', evidence: [] }); }, 'sections.C.noNeedsIdentified', /lists 1 item/],
    ['budget for an empty section', (p) => { p.sections.J.items[0]!.section = 'G'; }, 'sections.J.items[0].section', /Section G, which has none/],
  ])('%s', (_name, edit, path, message) => {
    const plan = examplePlan();
    edit(plan);
    expect(validatePlanDocument(plan)).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('holds a final plan to the blocking quality checks but not a draft', () => {
    const final = examplePlan();
    final.sections.F.provision[1]!.deliveredBy = null;
    expect(validatePlanDocument(final)).toEqual([
      { path: 'sections.F.provision[1].deliveredBy', message: expect.stringMatching(/final plan must pass the check/) },
    ]);
    const draft = exampleDraft();
    draft.sections.F.provision[1]!.deliveredBy = null;
    expect(validatePlanDocument(draft)).toEqual([]);
  });
});

describe('the schema as documentation', () => {
  it('has the published $id and draft 2020-12', () => {
    expect(ehcpSchema.$id).toBe('https://opensend.org.uk/schemas/ehcp/v1.json');
    expect(ehcpSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('gives every property a title and a description (directly or through its $ref)', () => {
    const defs = ehcpSchema.$defs as Record<string, Record<string, unknown>>;
    const missing: string[] = [];
    const visit = (node: Record<string, unknown>, where: string): void => {
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [name, child] of Object.entries(properties)) {
        const target = typeof child.$ref === 'string' ? { ...defs[child.$ref.replace('#/$defs/', '')], ...child } : child;
        if (typeof target.title !== 'string' || typeof target.description !== 'string') missing.push(`${where}.${name}`);
        visit(child, `${where}.${name}`);
      }
    };
    visit(ehcpSchema as Record<string, unknown>, '$');
    for (const [name, def] of Object.entries(defs)) visit(def, `$defs.${name}`);
    expect(missing).toEqual([]);
  });
});
