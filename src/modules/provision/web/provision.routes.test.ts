import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, addCouncils, addUser, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { PROJECT_ROOT } from '../../../main.ts';
import { seedLocalArea } from '../../demo-area/index.ts';
import { seedLocalOffer, seedProvision } from '../index.ts';
import { financialYearOf } from '../domain/tariff-costing.ts';
import { todayIso } from './web-helpers.ts';

const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;
const LA = '857';
const OTHER = '370';
const TODAY = todayIso();

/** The ORUK UK profile 3.0 schemas: compiled documents for responses, modular ones added by file name. */
const ORUK = path.join(PROJECT_ROOT, 'data/reference/standards/oruk/uk-profile-3.0');
function orukValidators(): { list: ValidateFunction; full: ValidateFunction } {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const read = (f: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ORUK, f), 'utf8')) as Record<string, unknown>;
  for (const f of fs.readdirSync(path.join(ORUK, 'schema')).filter((n) => n.endsWith('.json') && n !== 'openapi.json')) ajv.addSchema(read(`schema/${f}`), f);
  const openapi = read('schema/openapi.json') as { components: { schemas: { Page: object } } };
  const list = ajv.compile({
    allOf: [openapi.components.schemas.Page],
    type: 'object',
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
    properties: { contents: { type: 'array', items: read('schema/compiled/service_list.json') } },
  });
  return { list, full: ajv.compile(read('schema/compiled/service.json')) };
}

let t: TestDatabase;
let app: FastifyInstance;
let manager: { email: string };
let coordinator: { email: string };
let otherManager: { email: string };

const signedIn = async (email: string): Promise<Agent> => {
  const a = new Agent(app);
  await a.signIn(email);
  return a;
};
const one = async <T>(q: ReturnType<typeof sql<T>>): Promise<T[]> => (await q.execute(t.adminDb)).rows;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedLocalArea({ adminUrl: t.adminUrl, laCode: LA, seed: 5, today: TODAY });
  await seedProvision(t.adminUrl, LA, TODAY);
  await seedLocalOffer(t.adminUrl, LA);
  await addCouncils(t, OTHER);
  manager = await addUser(t, 'send-manager', LA);
  coordinator = await addUser(t, 'ehc-coordinator', LA);
  otherManager = await addUser(t, 'send-manager', OTHER);
  app = await createTestApp(t);
}, 180_000);
afterAll(async () => { await app?.close(); await t?.drop(); });

describe('seeding', () => {
  it('seedProvision and seedLocalOffer are idempotent: a second run adds nothing', async () => {
    const count = async () => (await one(sql<{ b: number; a: number; s: number; p: number }>`select
      (select count(*)::int from band_framework where la_code = ${LA}) b, (select count(*)::int from ap_placements where la_code = ${LA}) a,
      (select count(*)::int from oruk_services where la_code = ${LA}) s, (select count(*)::int from postcode_locations) p`))[0]!;
    const before = await count();
    expect(before.b).toBe(12);
    expect(before.a).toBeGreaterThan(0);
    expect(before.s).toBe(8);
    expect(await seedProvision(t.adminUrl, LA, TODAY)).toMatchObject({ bands: 0, apPlacements: 0 });
    expect(await seedLocalOffer(t.adminUrl, LA)).toEqual({ services: 8 });
    expect(await count()).toEqual(before);
  });

  it('gives every current placement a band', async () => {
    const [r] = await one(sql<{ n: number }>`select count(*)::int n from placements where la_code = ${LA} and (ends_on is null or ends_on >= ${TODAY}) and band_code is null`);
    expect(r!.n).toBe(0);
  });
});

describe('Local Offer API (Open Referral UK 3.0)', () => {
  const v = orukValidators();

  it('the published example validates and a copy without status is rejected (the validator bites)', () => {
    const example = JSON.parse(fs.readFileSync(path.join(ORUK, 'examples/service_full.json'), 'utf8')) as Record<string, unknown>;
    expect(v.full(example), JSON.stringify(v.full.errors)).toBe(true);
    const { status: _s, ...bad } = example;
    expect(v.full(bad)).toBe(false);
    expect(v.full.errors!.some((e) => e.params && (e.params as { missingProperty?: string }).missingProperty === 'status')).toBe(true);
  });

  it('the list validates against the Page envelope and service_list, with paging', async () => {
    const res = await app.inject(`/api/oruk/${LA}/services?per_page=5`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ total_items: number; total_pages: number; contents: Array<{ id: string; status?: string }> }>();
    expect(v.list(body), JSON.stringify(v.list.errors)).toBe(true);
    expect([body.total_items, body.total_pages, body.contents.length]).toEqual([8, 2, 5]);
    const page2 = res.json<{ contents: unknown[] }>() && (await app.inject(`/api/oruk/${LA}/services?per_page=5&page=2`)).json<{ contents: unknown[]; last_page: boolean }>();
    expect([page2.contents.length, page2.last_page]).toEqual([3, true]);
    const { status: _s, ...bad } = body.contents[0]!;
    expect(v.list({ ...body, contents: [bad] })).toBe(false);
  });

  it('every service in full validates against compiled/service.json', async () => {
    const list = (await app.inject(`/api/oruk/${LA}/services?per_page=100`)).json<{ contents: Array<{ id: string }> }>();
    for (const s of list.contents) {
      const res = await app.inject(`/api/oruk/${LA}/services/${s.id}`);
      expect(res.statusCode).toBe(200);
      const full = res.json<{ service_at_locations: Array<{ location: { addresses?: unknown[] } }> }>();
      expect(v.full(full), JSON.stringify(v.full.errors)).toBe(true);
      expect(full.service_at_locations[0]!.location.addresses).toHaveLength(1);
    }
  });

  it('keeps each council to its own offer: another council’s service is 404 under this code', async () => {
    const [s] = (await app.inject(`/api/oruk/${LA}/services`)).json<{ contents: Array<{ id: string }> }>().contents;
    expect((await app.inject(`/api/oruk/${OTHER}/services/${s!.id}`)).statusCode).toBe(404);
    expect((await app.inject(`/api/oruk/${OTHER}/services`)).json<{ total_items: number }>().total_items).toBe(0);
    expect((await app.inject('/api/oruk/abc/services')).statusCode).toBe(404);
  });

  it('imports a feed: a bad one (a service without status) is refused whole; a good one round-trips and validates', async () => {
    const a = await signedIn(otherManager.email);
    const token = await a.csrf('/provision/ap');
    const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/provision/local-offer/import', payload: payload as object,
      headers: { cookie: [...a.cookies].map(([k, x]) => `${k}=${x}`).join('; '), 'x-csrf-token': token, 'content-type': 'application/json' } });
    const feed = (await app.inject(`/api/oruk/${LA}/services/${(await app.inject(`/api/oruk/${LA}/services`)).json<{ contents: Array<{ id: string }> }>().contents[0]!.id}`)).json<Record<string, unknown>>();
    const { status: _s, ...noStatus } = feed;
    const bad = await post([feed, noStatus]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ problems: string[] }>().problems).toEqual([expect.stringMatching(/^Service 2 .*needs an id, name, status/)]);
    expect((await app.inject(`/api/oruk/${OTHER}/services`)).json<{ total_items: number }>().total_items).toBe(0);
    const good = await post({ contents: [feed] });
    expect(good.json()).toEqual({ imported: 1 });
    const mine = await app.inject(`/api/oruk/${OTHER}/services/${feed.id as string}`);
    expect(v.full(mine.json()), JSON.stringify(v.full.errors)).toBe(true);
    expect(mine.json<{ name: string }>().name).toBe(feed.name);
  });

  it('refuses import to a coordinator (403)', async () => {
    const a = await signedIn(coordinator.email);
    const token = await a.csrf('/provision/ap');
    const res = await app.inject({ method: 'POST', url: '/api/provision/local-offer/import', payload: [], headers: { cookie: [...a.cookies].map(([k, x]) => `${k}=${x}`).join('; '), 'x-csrf-token': token } });
    expect(res.statusCode).toBe(403);
  });
});

describe('settings directory', () => {
  it('lists places and occupancy, and the totals agree with a count of current placements', async () => {
    const res = await (await signedIn(manager.email)).get('/provision/settings');
    expect(res.statusCode).toBe(200);
    const [r] = await one(sql<{ places: number; pupils: number; settings: number }>`select
      (select sum(commissioned_places)::int from settings where la_code = ${LA}) places, (select count(*)::int from settings where la_code = ${LA}) settings,
      (select count(*)::int from placements where la_code = ${LA} and starts_on <= ${TODAY} and (ends_on is null or ends_on >= ${TODAY})) pupils`);
    expect(res.body).toContain(`${r!.settings} settings. ${r!.pupils} pupils placed in ${r!.places} commissioned places.`);
    expect(res.body).toContain('Import settings from a CSV file');
  });

  it('a setting of another council is a 404, for its page and its edit form', async () => {
    const [s] = await one(sql<{ id: string }>`select id from settings where la_code = ${LA} limit 1`);
    const other = await signedIn(otherManager.email);
    expect((await other.get(`/provision/settings/${s!.id}`)).statusCode).toBe(404);
    expect((await other.get(`/provision/settings/${s!.id}/edit`)).statusCode).toBe(404);
    expect((await other.post(`/provision/settings/${s!.id}/edit`, { name: 'Taken over' }, { csrf: await other.csrf('/provision/ap') })).statusCode).toBe(404);
    expect((await (await signedIn(manager.email)).get(`/provision/settings/${s!.id}`)).statusCode).toBe(200);
  });

  it('a coordinator can look but not change or import (403), and is not offered the links', async () => {
    const [s] = await one(sql<{ id: string }>`select id from settings where la_code = ${LA} limit 1`);
    const a = await signedIn(coordinator.email);
    expect((await a.get(`/provision/settings/${s!.id}`)).body).not.toContain('Change setting details');
    expect((await a.get('/provision/settings')).body).not.toContain('Import settings from a CSV file');
    expect((await a.get(`/provision/settings/${s!.id}/edit`)).statusCode).toBe(403);
    const token = await a.csrf('/provision/settings');
    expect((await a.post(`/provision/settings/${s!.id}/edit`, { name: 'x' }, { csrf: token })).statusCode).toBe(403);
    expect((await a.get('/provision/settings/import')).statusCode).toBe(403);
    expect((await a.post('/provision/settings/import', { csv: 'name' }, { csrf: token })).statusCode).toBe(403);
    expect((await a.get('/provision/ap')).body).not.toContain('Record a referral and placement');
  });

  it('a CSV import with errors says what is wrong on which line, keeps the text and imports nothing', async () => {
    const a = await signedIn(manager.email);
    const [before] = await one(sql<{ n: number }>`select count(*)::int n from settings where la_code = ${LA}`);
    const header = 'name,urn,ukprn,gias_type_code,kind,phase,age_from,age_to,needs_designated,commissioned_places,in_area,place_cost_pounds,postcode,trust_name';
    const csv = [header, 'Fine School,990001,,1,mainstream,primary,4,11,,0,yes,,ZZ99 1AB,', 'Bad School,12,,1,mainstream,primary,11,4,,0,yes,,,'].join('\n');
    const res = await a.post('/provision/settings/import', { csv }, { csrf: await a.csrf('/provision/settings/import') });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Nothing was imported: fix these problems and try again');
    expect(res.body).toMatch(/Line 3[^<]*URN must be 6 digits/);
    expect(res.body).toContain('Fine School,990001');
    const [after] = await one(sql<{ n: number }>`select count(*)::int n from settings where la_code = ${LA}`);
    expect(after!.n).toBe(before!.n);
    const ok = await a.post('/provision/settings/import', { csv: [header, 'Fine School,990001,,1,mainstream,primary,4,11,,0,yes,,ZZ99 1AB,'].join('\n') }, { csrf: await a.csrf('/provision/settings/import') });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toMatch(/1 added/);
  });
});

describe('tailored list', () => {
  it('shows a caseworker the suitable settings for a case, mainstream first, with reasons, and audits the view', async () => {
    const [c] = await one(sql<{ id: string; child_id: string; need: string }>`select c.id, c.child_id, e.data->>'primaryNeed' need from cases c
      join case_events e on e.la_code = c.la_code and e.case_id = c.id where c.la_code = ${LA} and e.type = 'final-plan-issued' order by c.id limit 1`);
    const a = await signedIn(coordinator.email);
    const res = await a.get(`/cases/${c!.id}/tailored-list`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('The family can still ask for any school or setting');
    expect(res.body).toContain(`Primary need: ${c!.need}`);
    const kinds = [...res.body.matchAll(/<p class="govuk-body govuk-!-margin-bottom-1">([^<·]+)/g)].map((m) => m[1]!.trim());
    expect(kinds.length).toBeGreaterThan(0);
    // Mainstream first, then mainstream schools with a specialist base, then specialist settings; never AP.
    const rank = (k: string): number => (/^Resourced provision|^SEN unit/.test(k) ? 1 : /^(Mainstream school|Early years|Post-16)$/.test(k) ? 0 : 2);
    const ranks = kinds.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
    expect(kinds).not.toContain('Alternative provision');
    expect(res.body).toContain('Mainstream school: the law presumes a mainstream education first');
    expect(res.body).toMatch(/Takes children aged \d+ to \d+ \(the child is \d+\)/);
    const [audit] = await one(sql<{ n: number }>`select count(*)::int n from audit_events where la_code = ${LA} and record_type = 'tailored-list' and record_id = ${c!.id} and child_id = ${c!.child_id}`);
    expect(audit!.n).toBe(1);
  });

  it('is a 404 for another council’s case, and audits nothing', async () => {
    const [c] = await one(sql<{ id: string }>`select id from cases where la_code = ${LA} order by id desc limit 1`);
    expect((await (await signedIn(otherManager.email)).get(`/cases/${c!.id}/tailored-list`)).statusCode).toBe(404);
    const [audit] = await one(sql<{ n: number }>`select count(*)::int n from audit_events where record_type = 'tailored-list' and record_id = ${c!.id}`);
    expect(audit!.n).toBe(0);
  });

  it('placements of another council’s child are a 404; its own are audited', async () => {
    const [c] = await one(sql<{ child_id: string }>`select child_id from placements where la_code = ${LA} limit 1`);
    expect((await (await signedIn(otherManager.email)).get(`/provision/children/${c!.child_id}/placements`)).statusCode).toBe(404);
    expect((await (await signedIn(coordinator.email)).get(`/provision/children/${c!.child_id}/placements`)).statusCode).toBe(200);
    const [audit] = await one(sql<{ n: number }>`select count(*)::int n from audit_events where record_type = 'placements' and child_id = ${c!.child_id}`);
    expect(audit!.n).toBe(1);
  });
});

describe('alternative provision', () => {
  const allTiersRow = (html: string): number[] => {
    const row = /<th scope="row" class="govuk-table__header">All tiers<\/th>([\s\S]*?)<\/tr>/.exec(html)![1]!;
    return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => Number.parseInt(m[1]!, 10));
  };

  it('counts outcomes as a hand count of the rows does, and shows the forms to a manager', async () => {
    const res = await (await signedIn(manager.email)).get('/provision/ap');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Record a referral and placement');
    const [h] = await one(sql<{ open: number; ended: number; rtm: number; special: number; other: number }>`select
      count(*) filter (where ends_on is null)::int open, count(*) filter (where ends_on is not null)::int ended,
      count(*) filter (where outcome = 'returned-to-mainstream')::int rtm, count(*) filter (where outcome = 'moved-to-special')::int special,
      count(*) filter (where outcome = 'other')::int other from ap_placements where la_code = ${LA}`);
    const rate = h!.ended ? Math.round((h!.rtm * 100) / h!.ended) : Number.NaN;
    expect(allTiersRow(res.body).slice(0, 6)).toEqual([h!.open, h!.ended, h!.rtm, h!.special, h!.other, rate]);
  });

  it('a setting’s page counts the AP placements at that setting (by id, not name)', async () => {
    const [s] = await one(sql<{ setting_id: string; n: number; ended: number }>`select setting_id, count(*)::int n, count(ends_on)::int ended from ap_placements where la_code = ${LA} group by setting_id order by count(*) desc limit 1`);
    // A second setting with the same name must not be counted with it.
    await sql`insert into settings (la_code, name, gias_type_code, kind, phase, age_from, age_to)
      select la_code, name, gias_type_code, kind, phase, age_from, age_to from settings where la_code = ${LA} and id = ${s!.setting_id}`.execute(t.adminDb);
    const res = await (await signedIn(manager.email)).get(`/provision/settings/${s!.setting_id}`);
    expect(res.body).toContain(`${s!.n} placements, ${s!.ended} ended`);
  });

  it('records a placement and its outcome, and then the counts move by one', async () => {
    const a = await signedIn(manager.email);
    const [c] = await one(sql<{ child_id: string; setting_id: string }>`select p.child_id, s.id setting_id from placements p, settings s
      where p.la_code = ${LA} and s.la_code = ${LA} and s.kind = 'alternative-provision' limit 1`);
    const before = allTiersRow((await a.get('/provision/ap')).body);
    const missing = await a.post('/provision/ap/placements', { childId: c!.child_id, tier: '2', settingId: c!.setting_id, reason: 'x', 'startsOn-day': '1', 'startsOn-month': '9', 'startsOn-year': '2025' }, { csrf: await a.csrf('/provision/ap') });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the planned return date: a tier 2 placement is time-limited');
    const made = await a.post('/provision/ap/placements', { childId: c!.child_id, tier: '2', settingId: c!.setting_id, reason: 'Panel decision', 'startsOn-day': '1', 'startsOn-month': '9', 'startsOn-year': '2025', 'plannedReturnOn-day': '1', 'plannedReturnOn-month': '12', 'plannedReturnOn-year': '2025' }, { csrf: await a.csrf('/provision/ap') });
    expect(made.statusCode).toBe(303);
    expect(allTiersRow((await a.get('/provision/ap')).body)[0]).toBe(before[0]! + 1);
    const [p] = await one(sql<{ id: string }>`select id from ap_placements where la_code = ${LA} and child_id = ${c!.child_id} and ends_on is null order by starts_on desc limit 1`);
    const done = await a.post(`/provision/ap/placements/${p!.id}/review`, { outcome: 'returned-to-mainstream', note: 'Back full time', 'reviewedOn-day': '10', 'reviewedOn-month': '11', 'reviewedOn-year': '2025' }, { csrf: await a.csrf('/provision/ap') });
    expect(done.statusCode).toBe(303);
    const after = allTiersRow((await a.get('/provision/ap')).body);
    expect([after[0], after[1], after[2]]).toEqual([before[0], before[1]! + 1, before[2]! + 1]);
    const other = await signedIn(otherManager.email);
    expect((await other.post(`/provision/ap/placements/${p!.id}/review`, { note: 'x' }, { csrf: await other.csrf('/provision/ap') })).statusCode).toBe(404);
  });
});

describe('cost of plans', () => {
  it('every child with an issued plan has a cost line, with the tariff change inside the year', async () => {
    const a = await signedIn(manager.email);
    const res = await a.get('/provision/costs');
    expect(res.statusCode).toBe(200);
    const [h] = await one(sql<{ n: number }>`select count(distinct c.child_id)::int n from cases c join case_events e on e.la_code = c.la_code and e.case_id = c.id
      where c.la_code = ${LA} and e.type = 'final-plan-issued'`);
    expect(h!.n).toBeGreaterThan(0);
    expect(res.body).toContain(`for ${h!.n} plans.`);
    expect(res.body).toContain('No end date');
    // Every page of the table of plans: one row per plan, all of them.
    const rows: string[] = [];
    for (let page = 1; page <= Math.ceil(h!.n / 50); page += 1) {
      const body = (await a.get(`/provision/costs?page=${page}`)).body.split('Each plan')[1]!.split('<tbody')[1]!.split('</tbody>')[0]!;
      rows.push(...[...body.matchAll(/<tr class="govuk-table__row">((?:(?!<tr).)*?)<\/tr>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')));
    }
    expect(rows).toHaveLength(h!.n);
    const zero = rows.filter((r) => r.trim().endsWith('£0.00'));
    // A plan with nothing to cost keeps its line, at £0 with the reason: here, only children with no placement in the year.
    const [u] = await one(sql<{ n: number }>`select count(distinct c.child_id)::int n from cases c join case_events e on e.la_code = c.la_code and e.case_id = c.id
      where c.la_code = ${LA} and e.type = 'final-plan-issued' and not exists (select 1 from placements p where p.la_code = c.la_code and p.child_id = c.child_id
      and p.starts_on <= ${financialYearOf(TODAY).to} and (p.ends_on is null or p.ends_on >= ${financialYearOf(TODAY).from}))`);
    expect(zero.length).toBe(u!.n);
    for (const z of zero) expect(z).toContain('No placement recorded in the period');
    expect(res.body).toContain('No end date');
  });
});
