import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/main.ts';

/**
 * Test helpers for the crash tests: the real service as a child process (exactly `npm start`), and a
 * small cookie-keeping HTTP client that signs in and submits forms like a browser without JavaScript.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export class Service {
  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly exited: Promise<void>,
  ) {}

  /** Starts `node bin/opensend.js serve` and waits until it says it is running. */
  static async start(env: Record<string, string>, timeoutMs = 120_000): Promise<Service> {
    const port = Number(env.PORT);
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'opensend.js'), 'serve'], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_ON_START: 'false', NODE_ENV: 'development', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-5000)));
    child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-5000)));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const until = Date.now() + timeoutMs;
    while (!/OpenSEND is running/.test(output)) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the service exited while starting:\n${output}`);
      if (Date.now() > until) {
        child.kill('SIGKILL');
        throw new Error(`the service did not start within ${timeoutMs / 1000} s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return new Service(child, `http://127.0.0.1:${port}`, exited);
  }

  /** The crash: no signal handler runs, no connection is closed, no transaction is finished. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A clean stop (SIGTERM): closes the web server, then the database. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** The pid of the embedded PostgreSQL postmaster running on a data directory, if any. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  private async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<{ status: number; body: string; location: string | null }> {
    const res = await fetch(this.base + url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return { status: res.status, body: await res.text(), location: res.headers.get('location') };
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, form: Record<string, string>) {
    return this.request('POST', url, form);
  }

  static hidden(body: string, name: string): string {
    const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(body);
    if (!m) throw new Error(`no hidden field ${name} on the page`);
    return m[1]!;
  }

  async signIn(email: string, password: string): Promise<void> {
    const page = await this.get('/sign-in');
    const res = await this.post('/sign-in', { email, password, _csrf: Client.hidden(page.body, '_csrf') });
    if (res.status !== 303 || res.location?.includes('sign-in') || res.location?.includes('two-factor')) throw new Error(`sign-in failed: ${res.status} → ${res.location}`);
  }
}
