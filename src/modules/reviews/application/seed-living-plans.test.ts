import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIsoDate, todayInEngland } from '../../../platform/calendar/index.ts';
import { Agent, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { DEMO_PASSWORD, demoEmail, seedLocalArea } from '../../demo-area/index.ts';
import { seedLivingPlans } from './seed-living-plans.ts';

const today = todayInEngland(new Date());

describe('the demo council’s living plans', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedLocalArea({ adminUrl: t.adminUrl, laCode: '370', seed: 3, today: formatIsoDate(today) });
    app = await createTestApp(t);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('shows reviews, amendments, phase transfers, moves in and out and ceasing, once', async () => {
    const first = await seedLivingPlans(t.adminUrl, '370', today);
    expect(first.cases).toBeGreaterThanOrEqual(12);
    const count = async (type: string) => Number((await t.adminDb.selectFrom('case_events').select((e) => e.fn.countAll<string>().as('n')).where('la_code', '=', '370').where('type', '=', type).executeTakeFirstOrThrow()).n);
    expect(await count('review-meeting-arranged')).toBe(8);
    expect(await count('review-decision')).toBe(5);
    expect(await count('amendments-proposed')).toBe(3);
    expect(await count('amended-plan-issued')).toBe(1);
    expect(await count('plan-ceased')).toBe(2);
    expect(await count('phase-transfer-named')).toBeGreaterThan(0);
    expect(await count('plan-transferred-out')).toBe(1);
    const moves = await t.adminDb.selectFrom('plan_transfers').select(['la_code', 'direction']).orderBy('la_code').orderBy('direction').execute();
    expect(moves.filter((m) => m.la_code === '370').map((m) => m.direction).sort()).toEqual(['in', 'out']);

    const again = await seedLivingPlans(t.adminUrl, '370', today);
    expect(again).toEqual({ cases: 0, events: 0, transfersIn: 0 });

    const agent = new Agent(app);
    await agent.signIn(demoEmail('coordinator', '370'), DEMO_PASSWORD);
    const transfers = await agent.get('/transfers');
    expect(transfers.statusCode).toBe(200);
    expect(transfers.body).toContain('Rowan Ashdown');
    expect(transfers.body).toMatch(/Moving away \(1\)/);
    const inProgress = await agent.get('/reviews?show=in-progress');
    expect(inProgress.statusCode).toBe(200);
  }, 120_000);
});
