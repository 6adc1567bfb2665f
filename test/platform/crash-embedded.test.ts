import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { TEST_APP_PASSWORD } from '../support/test-constants.ts';
import { crashRounds, ROUNDS, SESSION_SECRET } from './crash-rounds.ts';
import { freePort, postmasterPid } from './crash-service.ts';

/** Nothing lost on the embedded PostgreSQL (what `npm start` runs): see crash-rounds.ts. */
describe('nothing lost when the service is killed mid-write (embedded PostgreSQL)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });

  it(`embedded PostgreSQL: ${ROUNDS} rounds of SIGKILL (and of its PostgreSQL every other round), recovered on each start`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opensend-crash-'));
    fs.chmodSync(dataDir, 0o755);
    cleanups.push(async () => {
      const pid = postmasterPid(dataDir);
      if (pid) process.kill(pid, 'SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    });
    const port = await freePort();
    const pgPort = await freePort();
    await crashRounds('embedded PostgreSQL', {
      startEnv: () => ({ PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DATABASE_APP_PASSWORD: TEST_APP_PASSWORD, SESSION_SECRET }),
      adminUrl: () => `postgres://postgres:${encodeURIComponent(fs.readFileSync(path.join(dataDir, 'superuser-password'), 'utf8').trim())}@127.0.0.1:${pgPort}/opensend`,
      alsoKillPostgres: (round) => round % 2 === 0,
      dataDir,
    });
  }, 480_000);
});
