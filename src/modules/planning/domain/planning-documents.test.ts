import { describe, expect, it } from 'vitest';
import { buildEvidencePack } from './evidence-pack.ts';
import { buildInclusionPlan } from './inclusion-plan.ts';
import { allTables, type PlanningDocument } from './planning-document.ts';
import { sampleFacts } from './sample-facts.fixture.ts';

const tableOf = (doc: PlanningDocument, caption: RegExp) => allTables(doc).find((t) => caption.test(t.caption))!;

describe('the inclusion plan from known facts', () => {
  const plan = buildInclusionPlan(sampleFacts());

  it('suppresses a small age band and the figure that would reveal it', () => {
    // 3 children aged 0-4 is small; with the total shown, 3 = 3000 - 1200 - 1797 could be worked
    // out, so the next smallest cell (1200) is suppressed too.
    expect(tableOf(plan, /by age$/).rows).toEqual([['Aged 0 to 4', 'c'], ['Aged 5 to 10', 'c'], ['Aged 11 to 15', '1,797'], ['Total', '3,000']]);
  });

  it('puts priorities in their order and actions by due date, each dated and attributed', () => {
    const priorities = plan.sections.find((s) => s.id === 'priorities')!;
    expect(priorities.subsections.map((s) => s.heading)).toEqual(['Priority 1: Inclusion in mainstream', 'Priority 2: Places close to home']);
    expect(priorities.subsections[0]!.blocks[1]).toEqual({ kind: 'attribution', text: 'Written on 1 October 2026 by Sam Synthetic (SEND manager), version 3.' });
    expect(tableOf(plan, /^Actions for priority 1$/).rows).toEqual([
      ['Sooner action', 'Place planning', '31 January 2027', 'At risk', '4 October 2026 by Alex Example'],
      ['Later action', 'Inclusion team', '1 September 2027', 'On track', '5 October 2026 by Sam Synthetic'],
    ]);
    expect(priorities.subsections[1]!.blocks).toContainEqual({ kind: 'paragraph', text: 'No actions recorded yet.' });
  });

  it('shows the finance position and the place gap when finance has them', () => {
    expect(tableOf(plan, /^Finance position$/).rows).toEqual([['High-needs allocation, 2026-27', '£61.2m'], ['In-year high-needs position (allocation less outturn)', '−£4.1m']]);
    expect(tableOf(plan, /^Specialist places/).rows).toEqual([['2027-28, Primary (5 to 10)', '410', '380', '30']]);
  });
});

describe('the evidence pack from known facts', () => {
  const pack = buildEvidencePack(sampleFacts());

  it('splits the commentary into paragraphs with its attribution, and names the evidence for each heading', () => {
    const first = pack.sections[0]!.subsections[0]!;
    expect(first.heading).toBe('Identification and assessment of need');
    expect(first.blocks).toEqual([
      { kind: 'paragraph', text: 'First paragraph.' },
      { kind: 'paragraph', text: 'Second paragraph.' },
      { kind: 'attribution', text: 'Written on 1 November 2026 by Sam Synthetic (SEND manager), version 2.' },
      { kind: 'paragraph', text: 'Evidence in the data pack: Requests and refusals; Timeliness of EHC plans; Advice from partners.' },
    ]);
  });

  it('words rates per 100 decisions as such, suppresses small rates and leaves out measures insight does not compute', () => {
    expect(tableOf(pack, /^Disagreements, mediation and appeals, 2025$/).rows[0]).toEqual(['Appeals per 100 appealable decisions', '1.1 per 100', '40', '3,500']);
    expect(tableOf(pack, /^Annual reviews/).rows).toEqual([['Annual reviews held on time', 'c', 'c', 'c']]);
    expect(tableOf(pack, /^Advice from partners/)).toBeUndefined();
  });

  it('suppresses appeal grounds by section with their totals', () => {
    // F has 3 decided and 2 succeeded (small): hidden, and I's partners in the same columns with them.
    expect(tableOf(pack, /^Appeal grounds by section/).rows).toEqual([
      ['Section I', '30', 'c', 'c'],
      ['Section F', '12', 'c', 'c'],
      ['Total', '42', '23', '17'],
    ]);
  });
});
