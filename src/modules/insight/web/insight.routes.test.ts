import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, addUser, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { AREA_370, insertArea } from '../application/synthetic-area.fixture.ts';

describe('insight routes', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const users: Record<string, { email: string }> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertArea(t, '370', AREA_370);
    await insertArea(t, '371', AREA_370.slice(0, 2));
    app = await createTestApp(t);
    users.manager = await addUser(t, 'send-manager', '370');
    users.coordinator = await addUser(t, 'ehc-coordinator', '370');
    users.analyst = await addUser(t, 'national-analyst', null);
    users.parent = await addUser(t, 'parent-carer', '370');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const agentFor = async (who: string): Promise<Agent> => {
    const a = new Agent(app);
    await a.signIn(users[who]!.email);
    return a;
  };

  it('shows the council dashboard with benchmarks, charts with titles, and tables', async () => {
    const a = await agentFor('coordinator');
    const res = await a.get('/insight');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('How the local area is doing');
    expect(res.body).toContain('EHC plans in place');
    expect(res.body).toContain('England');
    expect(res.body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-plans-in-place-title chart-plans-in-place-desc"/);
    expect(res.body).toContain('<title id="chart-plans-in-place-title">');
    expect((res.body.match(/<svg/g) ?? []).length).toBe((res.body.match(/Figures in the chart/g) ?? []).length);
    // No tariffs in this council: cost per plan says why it is not shown, rather than £0.
    expect(res.body).toContain('Committed high-needs spend per EHC plan');
    expect(res.body).toContain('has not recorded its placement tariffs');
    expect(res.body).not.toMatch(/£0 in/);
  });

  it('lets the SEND manager add a narrative, shown with the figure on the page, in the CSV and the API', async () => {
    const a = await agentFor('manager');
    const csrf = await a.csrf('/insight/refusal-rate');
    const empty = await a.post('/insight/refusal-rate/narrative', { narrative: '  ' }, { csrf });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter what lies behind this figure and what is being done');
    const saved = await a.post('/insight/refusal-rate/narrative', { narrative: 'Refusals rose after the new panel; we are auditing them.' }, { csrf });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/insight/refusal-rate#narrative');
    const page = await a.get('/insight');
    expect(page.body).toContain('Refusals rose after the new panel; we are auditing them.');
    expect(page.body).toContain('Written by Test send-manager (SEND manager)');
    const csv = await a.get('/insight/download.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('narrative,narrative_written_on,narrative_author');
    expect(csv.body).toMatch(/refusal-rate,.*Refusals rose after the new panel/);
    const api = await a.get('/api/insight/indicators?from=2024-01-01&to=2024-12-31');
    const body = api.json() as { indicators: Array<{ indicator: string; narrative: { body: string } | null; numerator: number | null }> };
    expect(body.indicators.find((i) => i.indicator === 'refusal-rate')?.narrative?.body).toContain('Refusals rose');
  });

  it('refuses narratives from anyone but the SEND manager', async () => {
    const a = await agentFor('coordinator');
    const csrf = await a.csrf('/insight/refusal-rate');
    const res = await a.post('/insight/refusal-rate/narrative', { narrative: 'Not mine to write' }, { csrf });
    expect(res.statusCode).toBe(403);
  });

  it('suppresses small numbers in the council CSV and API (the synthetic council is tiny)', async () => {
    const a = await agentFor('coordinator');
    const api = await a.get('/api/insight/indicators?from=2024-01-01&to=2024-12-31');
    const body = api.json() as { indicators: Array<{ indicator: string; numerator: number | null; value: number | null }> };
    for (const i of body.indicators) expect(i.numerator === null || i.numerator === 0 || i.numerator >= 5).toBe(true);
    // 5 requests is released; 1 refusal of 5 is not, nor is the rate made from it.
    expect(body.indicators.find((i) => i.indicator === 'requests')?.numerator).toBe(5);
    expect(body.indicators.find((i) => i.indicator === 'refusal-rate')?.value).toBeNull();
    const csv = await a.get('/insight/download.csv');
    expect(csv.body).toMatch(/,c,/);
  });

  it('shows an indicator over time by month, quarter or year, and 404s an unknown one', async () => {
    const a = await agentFor('coordinator');
    for (const g of ['month', 'quarter', 'year']) {
      const res = await a.get(`/insight/plans-in-place?granularity=${g}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`value="${g}" checked`);
    }
    expect((await a.get('/insight/plans-in-place?granularity=month')).body).toContain('By primary need');
    expect((await a.get('/insight/no-such-thing')).statusCode).toBe(404);
    expect((await a.get('/api/insight/indicators?from=2024-13-01')).statusCode).toBe(400);
  });

  it('keeps national analysts to aggregates, and council staff out of the national view', async () => {
    const analyst = await agentFor('analyst');
    const page = await analyst.get('/national?year=2024');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Council 370');
    expect(page.body).toContain('[c]');
    expect(page.body).not.toMatch(/Test\b.*\bA\b/);
    expect((await analyst.get('/insight')).statusCode).toBe(403);
    const api = (await analyst.get('/api/insight/indicators?from=2024-01-01&to=2024-12-31')).json() as { councils: Array<Record<string, unknown>> };
    expect(Object.keys(api.councils[0]!)).not.toContain('childId');
    const csv = await analyst.get('/national/download.csv?year=2024');
    expect(csv.body).toMatch(/^la_code,council,region,/);
    expect(csv.body).toContain(',c,');
    const staff = await agentFor('coordinator');
    expect((await staff.get('/national')).statusCode).toBe(403);
    const parent = await agentFor('parent');
    expect((await parent.get('/api/insight/indicators')).statusCode).toBe(403);
    expect((await parent.get('/insight')).statusCode).toBe(403);
  });
});
