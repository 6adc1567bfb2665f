import type { Tx } from '../../../platform/db/connection.ts';
import { costPlacement, costSectionF, type ItemCost } from '../domain/plan-costing.ts';
import type { Period } from '../domain/tariff-costing.ts';
import { loadBands, loadRates, placementsIn } from '../infrastructure/costs.repository.ts';
import { issuedPlans, latestIssuedEvents } from '../infrastructure/placements.repository.ts';

export interface ChildCost {
  childId: string; childName: string; settingName: string; settingKind: string; bandCode: string | null;
  placePence: number; topUpPence: number; sectionFPence: number; totalPence: number; basis: 'plan' | 'placement'; problems: string[]; items: ItemCost[];
}

/**
 * Every plan's cost for a period: each child with an issued plan (a stored plan, or a
 * final-plan-issued event) and a placement in the period. Section F is costed only where the plan
 * document is stored; otherwise the cost is the placement and its band, and the page says so.
 */
export async function councilCosts(tx: Tx, period: Period): Promise<{ children: ChildCost[]; byKind: Array<{ kind: string; children: number; totalPence: number }>; totalPence: number }> {
  const [bands, rates, placements, plans, events] = await Promise.all([loadBands(tx), loadRates(tx), placementsIn(tx, period.from, period.to), issuedPlans(tx), latestIssuedEvents(tx)]);
  const children: ChildCost[] = [];
  for (const p of placements) {
    const plan = plans.get(p.childId);
    if (!plan && !events.has(p.childId)) continue;
    const place = costPlacement(p, bands, period);
    const items = plan ? costSectionF(plan.sections.F.provision, rates, period) : [];
    const sectionFPence = items.reduce((a, i) => a + i.pence, 0);
    const problems = [place.problem, ...items.map((i) => i.problem && `${i.what}: ${i.problem}`)].filter((x): x is string => !!x);
    children.push({
      childId: p.childId, childName: p.childName, settingName: p.settingName, settingKind: p.settingKind, bandCode: p.bandCode,
      placePence: place.placePence, topUpPence: place.topUpPence, sectionFPence, totalPence: place.placePence + place.topUpPence + sectionFPence,
      basis: plan ? 'plan' : 'placement', problems, items,
    });
  }
  const kinds = new Map<string, { kind: string; children: number; totalPence: number }>();
  for (const c of children) {
    const k = kinds.get(c.settingKind) ?? { kind: c.settingKind, children: 0, totalPence: 0 };
    k.children += 1; k.totalPence += c.totalPence;
    kinds.set(c.settingKind, k);
  }
  return { children, byKind: [...kinds.values()].sort((a, b) => b.totalPence - a.totalPence), totalPence: children.reduce((a, c) => a + c.totalPence, 0) };
}
