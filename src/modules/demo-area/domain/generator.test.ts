import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_DIR } from '../infrastructure/reference-data.loader.ts';
import { readCalibrationSources, readCouncils } from '../infrastructure/reference-files.ts';
import { NEED_CODES, readCalibration, type Calibration } from './calibration.ts';
import { findCouncil, type Council } from './council.ts';
import type { CaseEventRow, DemoArea } from './demo-area-rows.ts';
import { generateDemoArea } from './generator.ts';
import { isValidUpn } from './upn.ts';
import { ROLES } from '../../../platform/identity/roles.ts';

const TODAY = '2026-03-02';
let calibration: Calibration;
let council: Council;
let area: DemoArea;
const byCase = new Map<string, CaseEventRow[]>();

beforeAll(async () => {
  const dir = DEFAULT_REFERENCE_DIR;
  calibration = readCalibration(await readCalibrationSources(dir), '370');
  council = findCouncil(await readCouncils(dir), '370');
  area = generateDemoArea({ calibration, council, today: TODAY, seed: 42 });
  for (const e of area.caseEvents) {
    const list = byCase.get(e.case_id) ?? [];
    list.push(e);
    byCase.set(e.case_id, list);
  }
});

const days = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const finals = (): { event: CaseEventRow; request: CaseEventRow; all: CaseEventRow[] }[] =>
  [...byCase.values()].flatMap((all) => {
    const event = all.find((e) => e.type === 'final-plan-issued');
    return event ? [{ event, request: all[0]!, all }] : [];
  });

describe('demo area generator (Barnsley, 370)', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const again = generateDemoArea({ calibration, council, today: TODAY, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(area));
    const other = generateDemoArea({ calibration, council, today: TODAY, seed: 43 });
    expect(other.children[0]!.id).not.toBe(area.children[0]!.id);
    expect(JSON.stringify(other.caseEvents.slice(0, 50))).not.toBe(JSON.stringify(area.caseEvents.slice(0, 50)));
  });

  it('has exactly the calibrated number of plans in place, one per child', () => {
    const issued = finals();
    expect(issued).toHaveLength(calibration.plansInPlace);
    expect(new Set(issued.map((f) => area.cases.find((c) => c.id === f.event.case_id)!.child_id)).size).toBe(calibration.plansInPlace);
  });

  it('matches the primary need mix within 2 percentage points, and every need occurs', () => {
    const issued = finals();
    const seen = new Map<string, number>();
    for (const f of issued) seen.set(String(f.event.data.primaryNeed), (seen.get(String(f.event.data.primaryNeed)) ?? 0) + 1);
    for (const need of NEED_CODES) {
      const expected = calibration.needs[need] / calibration.plansInPlace;
      expect(Math.abs((seen.get(need) ?? 0) / issued.length - expected)).toBeLessThanOrEqual(0.02);
      expect(seen.get(need) ?? 0).toBeGreaterThan(0);
    }
  });

  it('matches the 20-week timeliness within 3 percentage points', () => {
    const issued = finals();
    const within = issued.filter((f) => days(f.request.occurred_on, f.event.occurred_on) <= 140).length / issued.length;
    const expected = calibration.timeliness.within20Weeks / calibration.timeliness.issued;
    expect(Math.abs(within - expected)).toBeLessThanOrEqual(0.03);
    expect(area.caseEvents.some((e) => e.type === 'exception-recorded')).toBe(true);
  });

  it('opens one case for each request received in the last 12 months', () => {
    const recent = area.cases.filter((c) => days(c.opened_on, TODAY) < 365);
    expect(recent.length).toBeGreaterThanOrEqual(calibration.requests.received);
    const refused = [...byCase.values()].filter((all) => all.some((e) => e.type === 'decision-to-assess' && e.data.decision === 'not-assess'));
    expect(refused.length).toBeGreaterThan(0);
    expect(area.caseEvents.some((e) => e.type === 'advice-requested')).toBe(true);
    expect(area.caseEvents.some((e) => e.type === 'annual-review-held')).toBe(true);
  });

  it('never dates an event after today and keeps each case in order, seq 1..n', () => {
    for (const all of byCase.values()) {
      all.forEach((e, i) => {
        expect(e.seq).toBe(i + 1);
        expect(e.occurred_on <= TODAY).toBe(true);
        if (i > 0) expect(e.occurred_on >= all[i - 1]!.occurred_on).toBe(true);
      });
      expect(all[0]!.type).toBe('request-received');
    }
  });

  it('gives every child a valid UPN and a synthetic postcode', () => {
    for (const c of area.children) {
      expect(isValidUpn(c.upn!)).toBe(true);
      expect(c.postcode).toMatch(/^ZZ99 \d[A-Z]{2}$/);
    }
  });

  it('places special school pupils in special settings suitable for their age', () => {
    const settings = new Map(area.settings.map((s) => [s.id, s]));
    const children = new Map(area.children.map((c) => [c.id, c]));
    for (const p of area.placements) {
      const s = settings.get(p.setting_id)!;
      const age = Math.floor(days(children.get(p.child_id)!.date_of_birth, TODAY) / 365.25);
      expect(age).toBeGreaterThanOrEqual(s.age_from - 1);
      expect(age).toBeLessThanOrEqual(s.age_to + 1);
      expect(s.urn).toMatch(/^9\d{5}$/);
    }
    const special = area.placements.filter((p) => ['special', 'independent-special'].includes(settings.get(p.setting_id)!.kind));
    const share = special.length / calibration.plansInPlace;
    const expected = (calibration.settingMix.special + calibration.settingMix['independent-special']) / calibration.plansInPlace;
    expect(Math.abs(share - expected)).toBeLessThanOrEqual(0.02);
  });

  it('creates one demo sign-in per role, and the demo coordinator holds about 40 open cases', () => {
    expect(area.demoAccounts.map((a) => a.role)).toEqual([...ROLES]);
    const coordinator = area.users.find((u) => u.email === 'coordinator@370.demo.opensend.test')!;
    const mine = area.cases.filter((c) => c.caseworker_user_id === coordinator.id);
    expect(mine.length).toBeGreaterThanOrEqual(38);
    expect(mine.length).toBeLessThanOrEqual(42);
    expect(area.users.filter((u) => !u.demo_password)).toHaveLength(6);
    const young = area.familyMembers.find((f) => f.relationship === 'young-person')!;
    const age = days(area.children.find((c) => c.id === young.child_id)!.date_of_birth, TODAY) / 365.25;
    expect(age).toBeGreaterThanOrEqual(17);
    expect(age).toBeLessThan(20);
  });
});
