import { afterAll, describe, it } from 'vitest';
import { createTestDatabase } from '../support/test-database.ts';
import { TEST_APP_PASSWORD } from '../support/test-constants.ts';
import { crashRounds, ROUNDS, SESSION_SECRET } from './crash-rounds.ts';
import { freePort } from './crash-service.ts';

/** Nothing lost on an external PostgreSQL (DATABASE_URL): see crash-rounds.ts for what is checked. */
describe('nothing lost when the service is killed mid-write (external PostgreSQL)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it(`external PostgreSQL: ${ROUNDS} rounds of SIGKILL, every acknowledged write present, nothing half-written`, async () => {
    const t = await createTestDatabase();
    cleanups.push(() => t.drop());
    const port = await freePort();
    await crashRounds('external PostgreSQL', {
      // The app role's password is cluster-wide: keep the one every test uses.
      startEnv: () => ({ PORT: String(port), DATABASE_URL: t.adminUrl, DATABASE_APP_PASSWORD: TEST_APP_PASSWORD, SESSION_SECRET }),
      adminUrl: () => t.adminUrl,
    });
  }, 480_000);
});
