import type { Tx } from '../../../platform/db/connection.ts';
import { costPlacement, costSectionF, type ItemCost } from '../domain/plan-costing.ts';
import type { Period } from '../domain/tariff-costing.ts';
import { childNames, loadBands, loadRates, placementsIn, type PlacementForCost } from '../infrastructure/costs.repository.ts';
import { issuedPlans, latestIssuedEvents } from '../infrastructure/placements.repository.ts';

export interface ChildCost {
  childId: string; childName: string; settingName: string; settingKind: string | null; bandCode: string | null;
  placePence: number; topUpPence: number; sectionFPence: number; totalPence: number; basis: 'plan' | 'placement'; problems: string[]; items: ItemCost[];
}

/**
 * Every plan's cost for a period: one line for each child with an issued plan (a stored plan, or a
 * final-plan-issued event), whatever their placements. Each placement that overlaps the period is
 * charged for its days in it (a child who moved school has both); Section F is costed only where
 * the plan document is stored. A plan with nothing to cost still has its line, at £0 with the
 * reason, so no plan drops out of the total unseen.
 */
export async function councilCosts(tx: Tx, period: Period): Promise<{ children: ChildCost[]; byKind: Array<{ kind: string; children: number; totalPence: number }>; totalPence: number }> {
  const [bands, rates, placements, plans, events] = await Promise.all([loadBands(tx), loadRates(tx), placementsIn(tx, period.from, period.to), issuedPlans(tx), latestIssuedEvents(tx)]);
  const byChild = new Map<string, PlacementForCost[]>();
  for (const p of placements) byChild.set(p.childId, [...(byChild.get(p.childId) ?? []), p]);
  const planned = [...new Set([...plans.keys(), ...events.keys()])];
  const unplaced = planned.filter((id) => !byChild.has(id));
  const names = unplaced.length ? await childNames(tx, unplaced) : new Map<string, { name: string; sortKey: string }>();
  const children: Array<ChildCost & { sortKey: string }> = [];
  for (const childId of planned) {
    const plan = plans.get(childId);
    const own = (byChild.get(childId) ?? []).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const latest = own.at(-1);
    const costs = own.map((p) => costPlacement(p, bands, period));
    const items = plan ? costSectionF(plan.sections.F.provision, rates, period) : [];
    const placePence = costs.reduce((a, c) => a + c.placePence, 0);
    const topUpPence = costs.reduce((a, c) => a + c.topUpPence, 0);
    const sectionFPence = items.reduce((a, i) => a + i.pence, 0);
    const problems = [
      ...(own.length ? [] : ['No placement recorded in the period']),
      ...costs.map((c) => c.problem),
      ...items.map((i) => i.problem && `${i.what}: ${i.problem}`),
    ].filter((x): x is string => !!x);
    children.push({
      childId, childName: latest?.childName ?? names.get(childId)?.name ?? 'Unknown child', sortKey: latest?.sortKey ?? names.get(childId)?.sortKey ?? '',
      settingName: own.length ? own.map((p) => p.settingName).join(', then ') : 'No placement recorded', settingKind: latest?.settingKind ?? null,
      bandCode: latest?.bandCode ?? null, placePence, topUpPence, sectionFPence, totalPence: placePence + topUpPence + sectionFPence,
      basis: plan ? 'plan' : 'placement', problems, items,
    });
  }
  children.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.childId.localeCompare(b.childId));
  const kinds = new Map<string, { kind: string; children: number; totalPence: number }>();
  for (const c of children) {
    const key = c.settingKind ?? 'none';
    const k = kinds.get(key) ?? { kind: key, children: 0, totalPence: 0 };
    k.children += 1; k.totalPence += c.totalPence;
    kinds.set(key, k);
  }
  return {
    children: children.map(({ sortKey: _s, ...c }) => c),
    byKind: [...kinds.values()].sort((a, b) => b.totalPence - a.totalPence),
    totalPence: children.reduce((a, c) => a + c.totalPence, 0),
  };
}
