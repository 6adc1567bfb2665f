import fc from 'fast-check';
import example from '../schema/examples/ehcp-example.json' with { type: 'json' };
import type {
  AdviceItem, EducationalNeed, Need, Outcome, PersonalBudgetItem, Placement, PlanDocument, ProvisionItem,
} from './plan-document.ts';
import {
  ADVICE_SOURCES, BROAD_AREAS, BUDGET_KINDS, FREQUENCY_PERIODS, FUNDING_SOURCES, PFA_AREAS, SEN2_NEED_CODES,
  SETTING_TYPES,
} from './plan-document.ts';

/** Test support shared by the plans tests: the published example and fast-check arbitraries. */

/** A fresh copy of the published example (a valid final plan), safe to modify in a test. */
export function examplePlan(): PlanDocument {
  return structuredClone(example) as PlanDocument;
}

/** The example as an editable draft. */
export function exampleDraft(): PlanDocument {
  const { issuedOn: _on, issuedBy: _by, ...rest } = examplePlan();
  return { ...rest, status: 'draft' };
}

// Small id pools so two independently generated plans share ids: that exercises changed and
// reordered items, not only added and removed ones.
const id = (prefix: string): fc.Arbitrary<string> => fc.integer({ min: 1, max: 6 }).map((n) => `${prefix}${n}`);
const text = fc.string({ minLength: 1, maxLength: 12 });
const date = fc.date({ min: new Date('2005-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const ids = (prefix: string): fc.Arbitrary<string[]> => fc.array(id(prefix), { maxLength: 3 });
const unique = <T extends { id: string }>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 5 });
const confirmation = fc.option(fc.record({ confirmedBy: text, role: text, date }), { nil: null });

const need: fc.Arbitrary<Need> = fc.record({ id: id('n'), statement: text, evidence: ids('k') });
const educationalNeed: fc.Arbitrary<EducationalNeed> = fc.record({
  id: id('b'), area: fc.constantFrom(...BROAD_AREAS), statement: text, evidence: ids('k'),
});
const outcome: fc.Arbitrary<Outcome> = fc.record({
  id: id('o'), text, successLooksLike: text, byWhen: fc.option(date, { nil: null }),
  preparingForAdulthood: fc.option(fc.constantFrom(...PFA_AREAS), { nil: null }), needIds: ids('b'),
});
const provisionItem: fc.Arbitrary<ProvisionItem> = fc.record(
  {
    id: id('p'), what: text,
    deliveredBy: fc.option(fc.record({ role: text, qualification: text }), { nil: null }),
    frequency: fc.option(fc.record({ times: fc.integer({ min: 1, max: 5 }), per: fc.constantFrom(...FREQUENCY_PERIODS) }), { nil: null }),
    durationMinutes: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
    groupSize: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    startDate: date, endDate: date, reviewBy: date,
    fundedBy: fc.constantFrom(...FUNDING_SOURCES), needIds: ids('b'), outcomeIds: ids('o'),
  },
  { requiredKeys: ['id', 'what', 'deliveredBy', 'frequency', 'durationMinutes', 'groupSize', 'fundedBy', 'needIds', 'outcomeIds'] },
);
const placement: fc.Arbitrary<Placement | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('named' as const), settingName: text, urn: fc.stringMatching(/^[0-9]{6}$/), settingType: fc.constantFrom(...SETTING_TYPES) }, { requiredKeys: ['kind', 'settingName', 'settingType'] }),
  fc.record({ kind: fc.constant('type-only' as const), settingType: fc.constantFrom(...SETTING_TYPES) }),
);
const budget: fc.Arbitrary<PersonalBudgetItem> = fc.record({
  id: id('j'), description: text, amountPence: fc.integer({ min: 0, max: 10_000_000 }),
  kind: fc.constantFrom(...BUDGET_KINDS), section: fc.constantFrom('F' as const, 'G' as const, 'H1' as const, 'H2' as const),
});
const advice: fc.Arbitrary<AdviceItem> = fc.record(
  { id: id('k'), source: fc.constantFrom(...ADVICE_SOURCES), authorRole: text, date, title: text, documentId: text },
  { requiredKeys: ['id', 'source', 'authorRole', 'date', 'title'] },
);

/** Random plans with the schema's shape; cross-references need not resolve (the diff does not care). */
export const planArbitrary: fc.Arbitrary<PlanDocument> = fc.record(
  {
    schemaVersion: fc.constant('1.0' as const),
    planId: fc.constant('plan-1'),
    version: fc.integer({ min: 1, max: 20 }),
    status: fc.constantFrom('draft' as const, 'final' as const),
    issuedOn: date,
    issuedBy: fc.record({ name: text, role: text }),
    child: fc.record({ givenName: text, familyName: text, dateOfBirth: date, upn: fc.constant('A886123456789') }, { requiredKeys: ['givenName', 'familyName', 'dateOfBirth'] }),
    la: fc.record({ code: fc.constantFrom('886', '202', '330'), name: text }),
    primaryNeed: fc.constantFrom(...SEN2_NEED_CODES),
    secondaryNeeds: fc.uniqueArray(fc.constantFrom(...SEN2_NEED_CODES), { maxLength: 3 }),
    sections: fc.record({
      A: fc.record({
        writtenBy: fc.constantFrom('child' as const, 'young-person' as const, 'parent-carer' as const),
        aboutMe: fc.record({ aspirations: text, interests: text, whatPeopleLikeAndAdmire: text, whatIsImportant: text, howBestToSupport: text }),
        parentsViews: fc.option(text, { nil: null }),
      }),
      B: fc.record({ needs: unique(educationalNeed) }),
      C: fc.record({ needs: unique(need), noNeedsIdentified: confirmation }),
      D: fc.record({ needs: unique(need.map((n) => ({ ...n, id: n.id.replace('n', 'd') }))), noNeedsIdentified: confirmation }),
      E: fc.record({ outcomes: unique(outcome) }),
      F: fc.record({ provision: unique(provisionItem) }),
      G: fc.record({ provision: unique(provisionItem.map((p) => ({ ...p, id: p.id.replace('p', 'g') }))), noNeedsIdentified: confirmation }),
      H1: fc.record({ provision: unique(provisionItem.map((p) => ({ ...p, id: p.id.replace('p', 'h') }))), noNeedsIdentified: confirmation }),
      H2: fc.record({ provision: unique(provisionItem.map((p) => ({ ...p, id: p.id.replace('p', 'x') }))), noNeedsIdentified: confirmation }),
      I: placement,
      J: fc.record({ items: unique(budget) }),
      K: fc.record({ advice: unique(advice) }),
    }),
  },
  { requiredKeys: ['schemaVersion', 'planId', 'version', 'status', 'child', 'la', 'primaryNeed', 'secondaryNeeds', 'sections'] },
);

/** An edit to a plan: the kinds of change a caseworker makes between versions. */
export type PlanEdit = (plan: PlanDocument) => void;

export const editArbitrary: fc.Arbitrary<PlanEdit> = fc.oneof(
  fc.tuple(text).map(([t]): PlanEdit => (p) => { p.sections.A.aboutMe.interests = t; }),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom(...FREQUENCY_PERIODS)).map(([times, per]): PlanEdit => (p) => {
    const item = p.sections.F.provision[0];
    if (item) item.frequency = { times, per };
  }),
  fc.constant<PlanEdit>((p) => { p.sections.F.provision.pop(); }),
  fc.constant<PlanEdit>((p) => { p.sections.E.outcomes.reverse(); }),
  fc.constant<PlanEdit>((p) => { delete p.sections.F.provision[0]?.startDate; }),
  fc.tuple(provisionItem).map(([item]): PlanEdit => (p) => {
    const list = p.sections.F.provision;
    const fresh = { ...item, id: `new-${list.length}` };
    list.splice(Math.floor(list.length / 2), 0, fresh);
  }),
  placement.map((i): PlanEdit => (p) => { p.sections.I = i; }),
  fc.constant<PlanEdit>((p) => { p.secondaryNeeds = []; }),
  confirmation.map((c): PlanEdit => (p) => { p.sections.G.noNeedsIdentified = c; }),
  fc.constant<PlanEdit>((p) => { delete p.issuedBy; delete p.issuedOn; p.status = 'draft'; }),
);
