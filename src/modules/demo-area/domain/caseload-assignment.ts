import type { GeneratedChild } from './children-generator.ts';
import type { OpenStage, TimelineStep } from './case-timelines.ts';
import type { Coordinator } from './demo-accounts.ts';
import type { Random } from './prng.ts';

export interface DraftCase {
  child: GeneratedChild;
  steps: TimelineStep[];
  stage: OpenStage;
  overdue: boolean;
  forDemoParent?: boolean;
}

/** How many open cases the demo coordinator holds: a realistic, readable caseload. */
export const DEMO_COORDINATOR_OPEN_CASES = 40;

const isOpen = (d: DraftCase): boolean => d.stage === 'awaiting-decision' || d.stage === 'assessing' || d.stage === 'draft-served';

/**
 * Gives every case a caseworker. The demo coordinator (team North) gets the overdue cases, the demo
 * parent's case and open cases up to 40; post-16 cases go to the Post-16 team; the rest are shared
 * between the other North and South coordinators.
 */
export function assignCaseworkers(drafts: DraftCase[], coordinators: Coordinator[], random: Random): Coordinator[] {
  const demo = coordinators.find((c) => c.demo);
  if (!demo) throw new Error('No demo coordinator');
  const post16 = coordinators.filter((c) => c.team === 'Post-16');
  const others = coordinators.filter((c) => !c.demo && c.team !== 'Post-16');
  const result: (Coordinator | undefined)[] = drafts.map(() => undefined);
  let demoCount = 0;
  drafts.forEach((d, i) => {
    if (d.overdue || d.forDemoParent) {
      result[i] = demo;
      demoCount += 1;
    }
  });
  const candidates = random.shuffle(drafts.map((_, i) => i).filter((i) => !result[i] && isOpen(drafts[i]!) && drafts[i]!.child.age < 16));
  for (const i of candidates) {
    if (demoCount >= DEMO_COORDINATOR_OPEN_CASES) break;
    result[i] = demo;
    demoCount += 1;
  }
  return drafts.map((d, i) => result[i] ?? (d.child.age >= 16 && post16.length > 0 ? random.pick(post16) : random.pick(others)));
}
