import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/open-database.ts';

/**
 * A database for one benchmark run: BENCH_DATABASE_URL when given, otherwise a throwaway embedded
 * PostgreSQL in a temporary directory (so benchmarks never touch the demo data in .data/).
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export const BENCH_APP_PASSWORD = 'opensend-bench-app-password';

export async function openBenchDatabase(): Promise<DatabaseHandle & { cleanup(): Promise<void> }> {
  const dataDir = process.env.BENCH_DATABASE_URL ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'opensend-bench-'));
  if (dataDir) fs.chmodSync(dataDir, 0o755);
  const handle = await openDatabase({
    databaseUrl: process.env.BENCH_DATABASE_URL,
    dataDir: dataDir ?? '.data-bench',
    embeddedPort: await freePort(),
    appRolePassword: BENCH_APP_PASSWORD,
  });
  return {
    ...handle,
    async cleanup() {
      await handle.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
