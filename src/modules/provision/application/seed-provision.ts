import { createDb, type Tx } from '../../../platform/db/connection.ts';
import { daysBetween } from '../domain/ap-outcomes.ts';
import { pick } from '../domain/deterministic-id.ts';
import { DEMO_BANDS, DEMO_ELEMENT_1_PENCE, DEMO_RATES, demoTariffDates, uplifted } from '../domain/demo-tariffs.ts';
import { syntheticCoordinates } from '../domain/geo-distance.ts';
import '../infrastructure/provision.tables.ts';

const addDays = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Provision data for a seeded demonstration council: coordinates for its ZZ99 postcodes, bands
 * (with a tariff change), the rate card, element 1, a band on every current placement and a
 * history of alternative provision. Runs once per council; a second run changes nothing.
 */
export async function seedProvision(adminUrl: string, laCode: string, today: string): Promise<{ bands: number; apPlacements: number; postcodes: number }> {
  const { db } = createDb(adminUrl, { max: 1 });
  try {
    return await db.transaction().execute(async (tx) => {
      const postcodes = await fillPostcodes(tx, laCode);
      const done = await tx.selectFrom('band_framework').select('id').where('la_code', '=', laCode).executeTakeFirst();
      if (done) return { bands: 0, apPlacements: 0, postcodes };
      // AP outcomes need an AP setting: a council whose synthetic directory has none gets one.
      if (await ensureApSetting(tx, laCode)) await fillPostcodes(tx, laCode);
      const dates = demoTariffDates(today);
      for (const b of DEMO_BANDS) {
        const base = { la_code: laCode, band_code: b.bandCode, level_of_need: b.levelOfNeed, provision_type: b.provisionType };
        await tx.insertInto('band_framework').values([
          { ...base, annual_top_up_pence: b.annualTopUpPence, effective_from: dates.from, effective_to: dates.endBefore },
          { ...base, annual_top_up_pence: uplifted(b.annualTopUpPence), effective_from: dates.changeOn, effective_to: null },
        ]).execute();
      }
      await tx.insertInto('rate_card').values(DEMO_RATES.map((r) => ({ la_code: laCode, deliverer_role: r.role, hourly_rate_pence: r.hourlyRatePence, effective_from: dates.from, effective_to: null }))).execute();
      await tx.insertInto('funding_elements').values({ la_code: laCode, element: 1, description: 'Core school funding per pupil (element 1)', annual_amount_pence: DEMO_ELEMENT_1_PENCE, effective_from: dates.from }).execute();
      await bandPlacements(tx, laCode, today);
      const apPlacements = await seedAp(tx, laCode, today);
      return { bands: DEMO_BANDS.length * 2, apPlacements, postcodes };
    });
  } finally {
    await db.destroy();
  }
}

async function fillPostcodes(tx: Tx, laCode: string): Promise<number> {
  const children = await tx.selectFrom('children').select('postcode').where('la_code', '=', laCode).where('postcode', 'is not', null).execute();
  const settings = await tx.selectFrom('settings').select('postcode').where('la_code', '=', laCode).where('postcode', 'is not', null).execute();
  const rows = [...new Set([...children, ...settings].map((r) => r.postcode!))]
    .flatMap((p) => { const c = syntheticCoordinates(p); return c ? [{ postcode: p, ...c, source: 'synthetic ZZ99 grid' }] : []; });
  for (let i = 0; i < rows.length; i += 500) await tx.insertInto('postcode_locations').values(rows.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).execute();
  return rows.length;
}

async function ensureApSetting(tx: Tx, laCode: string): Promise<boolean> {
  const any = await tx.selectFrom('settings').select('id').where('la_code', '=', laCode).where('kind', '=', 'alternative-provision').executeTakeFirst();
  if (any) return false;
  await tx.insertInto('settings').values({
    la_code: laCode, name: 'Demonstration Learning Centre', gias_type_code: '14', kind: 'alternative-provision', phase: 'not-applicable', age_from: 5, age_to: 16,
    needs_designated: [], commissioned_places: 20, in_area: true, place_cost_pence: 2_000_000, postcode: `ZZ99 ${1 + pick(`${laCode}:ap`, 9)}AP`,
  }).execute();
  return true;
}

async function bandPlacements(tx: Tx, laCode: string, today: string): Promise<void> {
  const current = await tx.selectFrom('placements as p').innerJoin('settings as s', (j) => j.onRef('s.la_code', '=', 'p.la_code').onRef('s.id', '=', 'p.setting_id'))
    .select(['p.id', 's.kind']).where('p.la_code', '=', laCode).where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', today)])).execute();
  for (const p of current) {
    const fits = DEMO_BANDS.filter((b) => b.kinds.includes(p.kind));
    const band = fits[pick(p.id, fits.length)];
    if (band) await tx.updateTable('placements').set({ band_code: band.bandCode }).where('la_code', '=', laCode).where('id', '=', p.id).execute();
  }
}

/** Children placed in AP get an open tier 2 placement; a share of others get an ended AP history. */
async function seedAp(tx: Tx, laCode: string, today: string): Promise<number> {
  const ap = await tx.selectFrom('settings').select('id').where('la_code', '=', laCode).where('kind', '=', 'alternative-provision').orderBy('id').execute();
  if (!ap.length) return 0;
  const placed = await tx.selectFrom('placements as p').innerJoin('settings as s', (j) => j.onRef('s.la_code', '=', 'p.la_code').onRef('s.id', '=', 'p.setting_id'))
    .select(['p.child_id', 'p.setting_id', 'p.starts_on', 's.kind']).where('p.la_code', '=', laCode).where('p.ends_on', 'is', null).orderBy('p.child_id').execute();
  let n = 0;
  for (const p of placed) {
    const inAp = p.kind === 'alternative-provision';
    const roll = pick(`${p.child_id}:ap`, 100);
    if (!inAp && (p.kind !== 'mainstream' || roll >= 6)) continue;
    const tier = inAp ? 2 : 1 + pick(`${p.child_id}:tier`, 3);
    const startsOn = inAp ? p.starts_on : addDays(today, -(120 + pick(`${p.child_id}:start`, 500)));
    const settingId = inAp ? p.setting_id : ap[pick(p.child_id, ap.length)]!.id;
    const ref = await tx.insertInto('ap_referrals').values({ la_code: laCode, child_id: p.child_id, tier, referred_on: addDays(startsOn, -14), reason: 'Risk of exclusion; needs assessed by the inclusion panel' }).returning('id').executeTakeFirstOrThrow();
    const length = 60 + pick(`${p.child_id}:len`, 200);
    const ended = !inAp && daysBetween(startsOn, today) > length;
    const outcome = ended ? (['returned-to-mainstream', 'returned-to-mainstream', 'returned-to-mainstream', 'moved-to-special', 'other'] as const)[pick(`${p.child_id}:out`, 5)]! : null;
    await tx.insertInto('ap_placements').values({
      la_code: laCode, referral_id: ref.id, child_id: p.child_id, setting_id: settingId, tier, starts_on: startsOn,
      planned_return_on: tier === 2 ? addDays(startsOn, 84) : null, ends_on: ended ? addDays(startsOn, length) : null, outcome,
    }).execute();
    n += 1;
  }
  return n;
}
