import type { Calibration, NeedCode, SettingGroup } from './calibration.ts';

/**
 * A council's calibration shrunk (or grown) by `scale`, for the national dataset at a tenth or a
 * hundredth of England's size: every published count is multiplied, so shares (needs, settings,
 * ages, timeliness) stay as the DfE published them. A floor keeps the smallest councils able to
 * have the demo accounts' cases (a plan, an open assessment, a secondary school).
 */
export const MIN_SCALED_PLANS = 12;
export const MIN_SCALED_REQUESTS = 6;

const times = (n: number, scale: number): number => Math.round(n * scale);

function scaleRecord<K extends string>(record: Record<K, number>, scale: number): Record<K, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, times(v as number, scale)])) as Record<K, number>;
}

export function scaleCalibration(calibration: Calibration, scale: number): Calibration {
  if (!(scale > 0)) throw new RangeError(`scale must be above 0, not ${scale}`);
  if (scale === 1) return calibration;
  // Below the floor, scale this council up to the floor instead (shares are unchanged).
  const plans = calibration.plansInPlace;
  const planScale = plans > 0 && times(plans, scale) < MIN_SCALED_PLANS ? MIN_SCALED_PLANS / plans : scale;
  const req = calibration.requests.received;
  const requestScale = req > 0 && times(req, scale) < MIN_SCALED_REQUESTS ? MIN_SCALED_REQUESTS / req : scale;
  return {
    ...calibration,
    plansInPlace: times(plans, planScale),
    needs: scaleRecord<NeedCode>(calibration.needs, planScale),
    needUnknown: times(calibration.needUnknown, planScale),
    settingMix: scaleRecord<SettingGroup>(calibration.settingMix, planScale),
    ages: calibration.ages.map((a) => ({ age: a.age, count: times(a.count, planScale) })),
    yearsInPlace: calibration.yearsInPlace.map((y) => ({ years: y.years, count: times(y.count, planScale) })),
    requests: scaleRecord(calibration.requests, requestScale),
    timeliness: scaleRecord(calibration.timeliness, requestScale),
  };
}
