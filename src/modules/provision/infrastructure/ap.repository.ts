import type { Tx } from '../../../platform/db/connection.ts';
import type { ApOutcome, ApPlacementFacts, ApTier } from '../domain/ap-outcomes.ts';
import './provision.tables.ts';

export interface ApPlacementView extends ApPlacementFacts {
  id: string; childId: string; childName: string; settingId: string; settingName: string; reason: string; referredOn: string; reviews: number;
}

export async function listApPlacements(tx: Tx): Promise<ApPlacementView[]> {
  const rows = await tx.selectFrom('ap_placements as a')
    .innerJoin('ap_referrals as r', (j) => j.onRef('r.la_code', '=', 'a.la_code').onRef('r.id', '=', 'a.referral_id'))
    .innerJoin('children as c', (j) => j.onRef('c.la_code', '=', 'a.la_code').onRef('c.id', '=', 'a.child_id'))
    .innerJoin('settings as s', (j) => j.onRef('s.la_code', '=', 'a.la_code').onRef('s.id', '=', 'a.setting_id'))
    .select((eb) => ['a.id', 'a.child_id', 'c.given_name', 'c.family_name', 'a.setting_id', 's.name', 'a.tier', 'a.starts_on', 'a.planned_return_on', 'a.ends_on', 'a.outcome', 'r.reason', 'r.referred_on',
      eb.selectFrom('ap_reviews as v').select((e) => e.fn.countAll<number>().as('n')).whereRef('v.la_code', '=', 'a.la_code').whereRef('v.ap_placement_id', '=', 'a.id').as('reviews')])
    .orderBy('a.starts_on', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, childId: r.child_id, childName: `${r.given_name} ${r.family_name}`, settingId: r.setting_id, settingName: r.name, tier: r.tier as ApTier, startsOn: r.starts_on,
    plannedReturnOn: r.planned_return_on, endsOn: r.ends_on, outcome: r.outcome as ApOutcome | null, reason: r.reason, referredOn: r.referred_on, reviews: Number(r.reviews ?? 0),
  }));
}

export interface NewApPlacement {
  laCode: string; childId: string; tier: ApTier; referredOn: string; reason: string; settingId: string; startsOn: string; plannedReturnOn: string | null;
}

/** A referral and the placement it leads to, written together: a placement never lacks its referral. */
export async function recordApPlacement(tx: Tx, p: NewApPlacement): Promise<string> {
  const ref = await tx.insertInto('ap_referrals').values({ la_code: p.laCode, child_id: p.childId, tier: p.tier, referred_on: p.referredOn, reason: p.reason }).returning('id').executeTakeFirstOrThrow();
  const row = await tx.insertInto('ap_placements').values({
    la_code: p.laCode, referral_id: ref.id, child_id: p.childId, setting_id: p.settingId, tier: p.tier, starts_on: p.startsOn, planned_return_on: p.plannedReturnOn,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function recordApReview(tx: Tx, laCode: string, placementId: string, reviewedOn: string, note: string): Promise<void> {
  await tx.insertInto('ap_reviews').values({ la_code: laCode, ap_placement_id: placementId, reviewed_on: reviewedOn, note }).execute();
}

export async function recordApOutcome(tx: Tx, placementId: string, endsOn: string, outcome: ApOutcome, note: string | null): Promise<number> {
  const r = await tx.updateTable('ap_placements').set({ ends_on: endsOn, outcome, outcome_note: note }).where('id', '=', placementId).where('ends_on', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findApPlacement(tx: Tx, id: string): Promise<{ laCode: string; childId: string; startsOn: string; endsOn: string | null } | undefined> {
  const r = await tx.selectFrom('ap_placements').select(['la_code', 'child_id', 'starts_on', 'ends_on']).where('id', '=', id).executeTakeFirst();
  return r && { laCode: r.la_code, childId: r.child_id, startsOn: r.starts_on, endsOn: r.ends_on };
}
