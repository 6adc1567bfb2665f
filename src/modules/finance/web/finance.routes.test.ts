import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, addCouncils, addUser, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { financialYearOf } from '../domain/financial-year.ts';

const LA = '903', OTHER = '904';
const year = financialYearOf(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()));
let t: TestDatabase, app: FastifyInstance;
let manager: { email: string }, otherManager: { email: string }, coordinator: { email: string }, admin: { email: string };
const signedIn = async (email: string) => { const a = new Agent(app); await a.signIn(email); return a; };

beforeAll(async () => {
  t = await createTestDatabase();
  await addCouncils(t, LA, OTHER);
  await sql`insert into finance_years (la_code, year, allocation_pence, brought_forward_pence) values (${LA}, ${year}, 100000000, -5000000)`.execute(t.adminDb);
  await sql`insert into finance_tariffs (la_code, line, annual_pence, effective_from) values (${LA}, 'maintained-special', 2400000, '2020-04-01')`.execute(t.adminDb);
  manager = await addUser(t, 'send-manager', LA);
  otherManager = await addUser(t, 'send-manager', OTHER);
  coordinator = await addUser(t, 'ehc-coordinator', LA);
  admin = await addUser(t, 'system-admin', null);
  app = await createTestApp(t);
}, 120_000);
afterAll(async () => { await app?.close(); await t?.drop(); });

describe('finance pages', () => {
  it('show the budget, forecast, scenarios and places to a SEND manager, each with a CSV download', async () => {
    const a = await signedIn(manager.email);
    const budget = await a.get('/finance');
    expect(budget.statusCode).toBe(200);
    expect(budget.body).toContain('£1,000,000');
    expect(budget.body).toContain('−£50,000');
    for (const page of ['/finance/forecast', '/finance/scenarios', '/finance/places']) expect((await a.get(page)).statusCode).toBe(200);
    for (const file of ['/finance/budget.csv', '/finance/forecast.csv', '/finance/scenarios.csv', '/finance/places.csv']) {
      const r = await a.get(file);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('text/csv');
    }
    expect((await a.get('/finance/budget.csv')).body).toMatch(/^financial_year,line,line_name,budget,committed/);
  });

  it('refuse people without the permission, and show a council only its own money', async () => {
    expect((await (await signedIn(coordinator.email)).get('/finance')).statusCode).toBe(403);
    const other = await (await signedIn(otherManager.email)).get('/finance');
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('£1,000,000');
    expect(other.body).toContain('No allocation or budget is recorded');
    expect((await (await signedIn(admin.email)).get('/finance')).statusCode).toBe(403);
  });

  it('edit the budget with an optimistic version: bad figures re-render with errors; a stale form is refused', async () => {
    const a = await signedIn(manager.email);
    const form = await a.get('/finance/budget/edit');
    expect(form.body).toContain('name="version" value="1"');
    const base = { version: '1', allocation: '1,200,000.00', broughtForward: '-50000', inflation: '3', allocationGrowth: '2.5', 'line-maintained-special': '500000' };
    const bad = await a.post('/finance/budget/edit', { ...base, allocation: 'lots', inflation: '300' }, { csrf: await a.csrf('/finance/budget/edit') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Enter the high-needs allocation in pounds');
    expect(bad.body).toContain('value="lots"');
    const ok = await a.post('/finance/budget/edit', base, { csrf: await a.csrf('/finance/budget/edit') });
    expect(ok.statusCode).toBe(303);
    const stale = await a.post('/finance/budget/edit', { ...base, allocation: '1' }, { csrf: await a.csrf('/finance/budget/edit') });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else saved this budget');
    expect(stale.body).toContain('name="version" value="2"');
    const row = await t.adminDb.selectFrom('finance_years').selectAll().where('la_code', '=', LA).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ allocation_pence: 120_000_000, version: 2, allocation_growth_bp: 250 });
    const audit = await t.adminDb.selectFrom('audit_events').select('record_type').where('la_code', '=', LA).where('record_type', '=', 'high-needs-budget').execute();
    expect(audit).toHaveLength(1);
  });

  it('imports a pasted ledger, and refuses a bad one whole with the line of each problem', async () => {
    const a = await signedIn(manager.email);
    const bad = await a.post('/finance/ledger', { csv: `date,line,amount,reference\n${year}-05-01,maintained-special,100,R1\n${year}-05-01,special,100,R2\n` }, { csrf: await a.csrf('/finance/ledger') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Line 3: Line &quot;special&quot; is not a budget line');
    expect(await t.adminDb.selectFrom('finance_ledger_entries').select('reference').execute()).toEqual([]);
    const good = await a.post('/finance/ledger', { csv: `date,line,amount,reference\n${year}-05-01,maintained-special,100.50,R1\n` }, { csrf: await a.csrf('/finance/ledger') });
    expect(good.statusCode).toBe(200);
    expect(good.body).toContain('1 payments added');
    expect((await a.get('/finance')).body).toContain('£101');
  });

  it('adds and removes a scenario, and a capital project, with errors shown on the form', async () => {
    const a = await signedIn(manager.email);
    const bad = await a.post('/finance/scenarios', { name: '', kind: 'new-special-school', places: '0', 'opensOn-day': '31', 'opensOn-month': '2', 'opensOn-year': '2027' }, { csrf: await a.csrf('/finance/scenarios') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a name for the scenario');
    expect(bad.body).toContain('Enter the date the school opens');
    const ok = await a.post('/finance/scenarios', { name: 'Shorter AP', kind: 'faster-ap-returns', apPercent: '20' }, { csrf: await a.csrf('/finance/scenarios') });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/finance/scenarios');
    const [s] = await t.adminDb.selectFrom('finance_scenarios').select(['id', 'change']).where('la_code', '=', LA).execute();
    expect(s!.change).toEqual({ kind: 'faster-ap-returns', percent: 20 });
    expect((await (await signedIn(otherManager.email)).post(`/finance/scenarios/${s!.id}/delete`, {}, { csrf: await a.csrf('/finance/scenarios') })).statusCode).toBe(403);
    expect((await a.post(`/finance/scenarios/${s!.id}/delete`, {}, { csrf: await a.csrf('/finance/scenarios') })).statusCode).toBe(303);
    const badProject = await a.post('/finance/places/projects', { projectName: 'Unit', projectKind: 'unit', projectPlaces: '12', ageFrom: '11', ageTo: '5', needs: 'ASD XYZ' }, { csrf: await a.csrf('/finance/places') });
    expect(badProject.statusCode).toBe(400);
    expect(badProject.body).toContain('Oldest age must be the same as or more than the youngest');
    expect(badProject.body).toContain('not XYZ');
    const project = await a.post('/finance/places/projects', { projectName: 'Unit', projectKind: 'unit', projectPlaces: '12', ageFrom: '5', ageTo: '11', needs: 'ASD', 'projectOpensOn-day': '1', 'projectOpensOn-month': '9', 'projectOpensOn-year': String(year + 1) }, { csrf: await a.csrf('/finance/places') });
    expect(project.statusCode).toBe(303);
    expect((await a.get('/finance/places')).body).toContain('Unit');
  });
});

describe('tariffs', () => {
  it('a new tariff ends the one before it the day before, and refuses bad input with errors on the form', async () => {
    const a = await signedIn(manager.email);
    const bad = await a.post('/finance/tariffs', { tariffLine: 'personal-budgets', tariffAmount: 'x' }, { csrf: await a.csrf('/finance') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Select the line the tariff is for');
    expect(bad.body).toContain('Enter the date the tariff starts');
    const ok = await a.post('/finance/tariffs', { tariffLine: 'maintained-special', tariffAmount: '25,000', 'tariffFrom-day': '1', 'tariffFrom-month': '1', 'tariffFrom-year': String(year + 1) }, { csrf: await a.csrf('/finance') });
    expect(ok.statusCode).toBe(303);
    const rows = await t.adminDb.selectFrom('finance_tariffs').select(['annual_pence', 'effective_from', 'effective_to']).where('la_code', '=', LA).where('line', '=', 'maintained-special').orderBy('effective_from').execute();
    expect(rows).toEqual([
      { annual_pence: 2_400_000, effective_from: '2020-04-01', effective_to: `${year}-12-31` },
      { annual_pence: 2_500_000, effective_from: `${year + 1}-01-01`, effective_to: null },
    ]);
  });
});
