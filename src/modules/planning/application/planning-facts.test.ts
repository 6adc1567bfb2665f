import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../../platform/calendar/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { buildEvidencePack } from '../domain/evidence-pack.ts';
import { buildInclusionPlan, FINANCE_NOT_AVAILABLE } from '../domain/inclusion-plan.ts';
import { allTables, type PlanningDocument, type TableBlock } from '../domain/planning-document.ts';
import type { PlanningFacts } from '../domain/planning-facts.ts';
import { gatherPlanningFacts } from './gather-planning-facts.ts';
import { insertPlanningWorld, LA, NARRATIVE, TODAY } from './planning-world.fixture.ts';
import { seedFinance } from '../../finance/index.ts';
import { money } from './finance-figures.ts';
import { seedPlanning } from './seed-planning.ts';

/** Every figure below is worked out by hand in planning-world.fixture.ts. */
describe('planning documents built from a known synthetic council', () => {
  let t: TestDatabase;
  let facts: PlanningFacts;
  let plan: PlanningDocument;
  let pack: PlanningDocument;
  const tableOf = (doc: PlanningDocument, caption: RegExp): TableBlock => {
    const found = allTables(doc).find((x) => caption.test(x.caption));
    if (!found) throw new Error(`no table ${caption}`);
    return found;
  };
  const row = (tb: TableBlock, heading: string | RegExp) => tb.rows.find((r) => (typeof heading === 'string' ? r[0] === heading : heading.test(r[0]!)));

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertPlanningWorld(t);
    facts = await gatherPlanningFacts(t.db, { laCode: LA }, parseLocalDate(TODAY));
    plan = buildInclusionPlan(facts);
    pack = buildEvidencePack(facts);
  }, 120_000);
  afterAll(async () => t?.drop());

  it('reads the reporting year and the headline counts of the council alone (council 371 is not counted)', () => {
    expect(facts.period).toEqual({ label: '2025', from: '2025-01-01', to: '2025-12-31' });
    expect(facts.indicators['requests']).toMatchObject({ numerator: 13 });
    expect(facts.indicators['new-plans']).toMatchObject({ numerator: 11 });
    expect(facts.indicators['plans-in-place']).toMatchObject({ numerator: 11 });
    expect(facts.indicators['refusal-rate']).toMatchObject({ numerator: 2, denominator: 13 });
    expect(facts.indicators['decisions-within-6-weeks']).toMatchObject({ numerator: 8, denominator: 13 });
    expect(facts.indicators['plans-within-20-weeks']).toMatchObject({ numerator: 6, denominator: 11 });
  });

  it('needs: plans by age, need and setting with totals, as printed in the plan', () => {
    expect(row(tableOf(plan, /by age$/), 'Aged 5 to 10')).toEqual(['Aged 5 to 10', '6']);
    expect(row(tableOf(plan, /by age$/), 'Aged 11 to 15')).toEqual(['Aged 11 to 15', '5']);
    expect(row(tableOf(plan, /by age$/), 'Total')).toEqual(['Total', '11']);
    expect(tableOf(plan, /by primary need$/).rows).toEqual([['Autistic spectrum disorder', '6'], ['Social, emotional and mental health', '5'], ['Total', '11']]);
    expect(row(tableOf(plan, /type of setting/), 'Total')).toEqual(['Total', '11']);
    const needs = plan.sections.find((s) => s.id === 'needs')!;
    expect(needs.blocks[0]).toEqual({ kind: 'paragraph', text: expect.stringContaining('maintained 11 education, health and care (EHC) plans. In 2025 it received 13 requests') });
  });

  it('provision: settings, places and children placed today; AP with the open placement suppressed', () => {
    const settings = tableOf(plan, /^Settings, commissioned places/);
    expect(settings.rows).toEqual([
      ['Mainstream school', '1', '0', '6'],
      ['Special school (maintained or academy)', '1', '20', '5'],
      ['Alternative provision', '1', '8', '0'],
    ]);
    const provision = plan.sections.find((s) => s.id === 'provision')!;
    expect(provision.blocks.at(-1)).toEqual({ kind: 'paragraph', text: 'Alternative provision: 7 placements recorded, c open today; of 6 that have ended, 5 returned to mainstream (83.3%).' });
  });

  it('says plainly that finance is not available when the council has no high-needs budget, and invents nothing', () => {
    expect(facts.finance).toBeNull();
    const suff = plan.sections.find((s) => s.id === 'sufficiency')!;
    expect(suff.blocks).toContainEqual({ kind: 'notice', text: FINANCE_NOT_AVAILABLE });
    const fin = pack.sections.find((s) => s.id === 'data-pack')!.subsections.find((s) => s.id === 'data-finance')!;
    expect(fin.blocks).toEqual([{ kind: 'notice', text: FINANCE_NOT_AVAILABLE }]);
  });

  it('evidence pack: timeliness and requests with small numbers suppressed, and the narrative beside its figure', () => {
    const timeliness = tableOf(pack, /^Timeliness of EHC plans/);
    expect(row(timeliness, /including exceptions/)).toEqual(['New plans issued within 20 weeks, including exceptions', '54.5%', '6', '11']);
    expect(row(timeliness, /6 weeks/)).toEqual(['Decisions whether to assess made within 6 weeks', '61.5%', '8', '13']);
    const requests = tableOf(pack, /^Requests and refusals/);
    expect(row(requests, /refused/)).toEqual(['Requests refused (decided not to assess)', 'c', 'c', '13']);
    expect(row(requests, /^Requests for/)).toEqual(['Requests for an EHC needs assessment', '13', '–', '–']);
    const group = pack.sections[1]!.subsections.find((s) => s.id === 'data-timeliness')!;
    expect(group.blocks).toContainEqual({ kind: 'paragraph', text: `Context for “New plans issued within 20 weeks, including exceptions”: ${NARRATIVE}` });
    expect(group.blocks).toContainEqual({ kind: 'attribution', text: 'Written on 10 February 2026 by Synthetic Analyst (SEND manager).' });
    const ap = tableOf(pack, /^Alternative provision placements/);
    expect(ap.rows).toContainEqual(['Return rate (of placements ended)', '83.3%']);
    expect(ap.rows).toContainEqual(['Open today', 'c']);
  });

  it('no count of children from 1 to 4 appears anywhere in either document (settings and places are not children)', () => {
    for (const doc of [plan, pack]) {
      for (const tb of allTables(doc)) {
        for (const r of tb.rows) {
          r.forEach((cell, i) => {
            if (i === 0 || /^(Settings|Commissioned places)$/.test(tb.head[i]!)) return;
            expect(cell, `${tb.caption}: ${r.join(' | ')}`).not.toMatch(/^[1-4]$/);
          });
        }
      }
    }
  });

  it('self-evaluation: every framework heading, "not yet written" until the partnership writes; the seed fills them', async () => {
    const se = pack.sections.find((s) => s.id === 'self-evaluation')!;
    expect(se.subsections).toHaveLength(6);
    expect(se.subsections[0]!.blocks[0]).toEqual({ kind: 'notice', text: 'The partnership has not yet written its evaluation of this area.' });
    expect(plan.sections.find((s) => s.id === 'priorities')!.blocks).toEqual([{ kind: 'notice', text: 'The partnership has not yet recorded its priorities.' }]);

    expect(await seedPlanning(t.adminUrl, LA, TODAY)).toEqual({ priorities: 4, actions: 10, sections: 6 });
    expect(await seedPlanning(t.adminUrl, LA, TODAY)).toEqual({ priorities: 0, actions: 0, sections: 0 });
    const seeded = await gatherPlanningFacts(t.db, { laCode: LA }, parseLocalDate(TODAY));
    const seededPlan = buildInclusionPlan(seeded);
    const priorities = seededPlan.sections.find((s) => s.id === 'priorities')!;
    expect(priorities.subsections.map((s) => s.heading)).toEqual([
      'Priority 1: Meet more children’s needs in mainstream schools', 'Priority 2: Issue EHC plans on time and of good quality',
      'Priority 3: Enough specialist places, close to home', 'Priority 4: Alternative provision that returns children to school',
    ]);
    expect(tableOf(seededPlan, /^Actions for priority 1$/).rows).toHaveLength(3);
    const seededPack = buildEvidencePack(seeded);
    const first = seededPack.sections[0]!.subsections[0]!;
    expect(first.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(3);
    expect(first.blocks.find((b) => b.kind === 'attribution')).toMatchObject({ text: expect.stringMatching(/^Written on \d+ June 2026 by SEND manager \(SEND manager\)\.$/) });
  });

  it('once the finance module holds a budget, both documents carry its position and the place gap', async () => {
    await seedFinance(t.adminUrl, LA, TODAY);
    const row = await t.adminDb.selectFrom('finance_years').select(['year', 'allocation_pence']).where('la_code', '=', LA).executeTakeFirstOrThrow();
    expect(row.year).toBe(2026);
    const withFinance = await gatherPlanningFacts(t.db, { laCode: LA }, parseLocalDate(TODAY));
    expect(withFinance.finance?.headline[0]).toEqual({ label: 'High-needs allocation, 2026-27', value: money(Number(row.allocation_pence)) });
    const financed = buildInclusionPlan(withFinance);
    expect(tableOf(financed, /^Finance position$/).rows[0]).toEqual(['High-needs allocation, 2026-27', money(Number(row.allocation_pence))]);
    const packFinance = buildEvidencePack(withFinance).sections[1]!.subsections.find((s) => s.id === 'data-finance')!;
    expect(packFinance.blocks.some((b) => b.kind === 'notice')).toBe(false);
  });
});
