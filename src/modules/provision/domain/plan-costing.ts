import type { Placement, ProvisionItem } from '../../plans/index.ts';
import { overlap, proRataCost, type CostSegment, type Dated, type Period } from './tariff-costing.ts';

/**
 * The cost of a plan for a period: Section F provision (hours × the rate card's hourly rate for
 * whoever delivers it) plus the Section I placement (the setting's place cost and the band's
 * top-up). The funding elements explain who pays: in mainstream, element 1 (core) and the first
 * £6,000 of additional support (element 2) come from the school's own budget; the council pays the
 * top-up (element 3) above that.
 */
export interface Band extends Dated { laCode: string | null; bandCode: string; annualTopUpPence: number; levelOfNeed: string; provisionType: string }
export interface Rate extends Dated { laCode: string | null; delivererRole: string; hourlyRatePence: number }

/** Sessions in a school year for each frequency period: 39 weeks, 190 days, 3 terms (6 half terms counted as 3 terms). */
export const SESSIONS_PER_YEAR: Record<string, number> = { day: 190, week: 39, month: 12, term: 3, year: 1 };

export interface ItemCost { itemId: string; what: string; role: string | null; hoursPerYear: number; pence: number; fundedBy: string; problem: string | null }

/** Hours a year of one item for one child: a group session is shared between the children in it. */
export function hoursPerYear(item: ProvisionItem): number | null {
  if (!item.frequency || item.durationMinutes === null) return null;
  const sessions = item.frequency.times * (SESSIONS_PER_YEAR[item.frequency.per] ?? 0);
  return (sessions * item.durationMinutes) / 60 / Math.max(1, item.groupSize ?? 1);
}

export function costSectionF(items: readonly ProvisionItem[], rates: readonly Rate[], period: Period): ItemCost[] {
  return items.map((item) => {
    const hours = hoursPerYear(item);
    const role = item.deliveredBy?.role ?? null;
    if (hours === null) return { itemId: item.id, what: item.what, role, hoursPerYear: 0, pence: 0, fundedBy: item.fundedBy, problem: 'Not quantified' };
    const ofRole = rates.filter((r) => role !== null && r.delivererRole.toLowerCase() === role.toLowerCase());
    if (!ofRole.length) return { itemId: item.id, what: item.what, role, hoursPerYear: hours, pence: 0, fundedBy: item.fundedBy, problem: `No rate for ${role ?? 'an unnamed deliverer'}` };
    const span = overlap(period, { from: item.startDate ?? period.from, to: item.endDate ?? null }) ?? null;
    const pence = span ? proRataCost(ofRole, (r) => Math.round(r.hourlyRatePence * hours), span).pence : 0;
    return { itemId: item.id, what: item.what, role, hoursPerYear: Math.round(hours * 10) / 10, pence, fundedBy: item.fundedBy, problem: null };
  });
}

export interface PlacementCostInput {
  startsOn: string;
  endsOn: string | null;
  placeCostPence: number | null;
  bandCode: string | null;
  settingKind: string;
}

export interface PlacementCost { placePence: number; topUpPence: number; segments: CostSegment[]; problem: string | null }

/** Place cost (elements 1 and 2 in specialist settings, charged per place) and the band's top-up. */
export function costPlacement(p: PlacementCostInput, bands: readonly Band[], period: Period): PlacementCost {
  const span = overlap(period, { from: p.startsOn, to: p.endsOn });
  if (!span) return { placePence: 0, topUpPence: 0, segments: [], problem: null };
  const place = p.placeCostPence === null ? 0 : proRataCost([{ laCode: null, effectiveFrom: span.from, effectiveTo: null }], () => p.placeCostPence!, span).pence;
  if (p.bandCode === null) return { placePence: place, topUpPence: 0, segments: [], problem: null };
  const ofBand = bands.filter((b) => b.bandCode === p.bandCode);
  if (!ofBand.length) return { placePence: place, topUpPence: 0, segments: [], problem: `Band ${p.bandCode} is not in the band framework` };
  const topUp = proRataCost(ofBand, (b) => b.annualTopUpPence, span);
  return { placePence: place, topUpPence: topUp.pence, segments: topUp.segments, problem: null };
}

/** Section I names a setting by URN/UKPRN or name; this finds it in the directory. */
export function settingNamedIn(placement: Placement | null, settings: ReadonlyArray<{ id: string; name: string; urn: string | null; ukprn: string | null }>): string | null {
  if (!placement || placement.kind !== 'named') return null;
  const hit = settings.find((s) => (placement.urn && s.urn === placement.urn) || (placement.ukprn && s.ukprn === placement.ukprn))
    ?? settings.find((s) => s.name.toLowerCase() === placement.settingName.toLowerCase());
  return hit?.id ?? null;
}
