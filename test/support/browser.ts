import { createHash } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Browser journeys drive Debian's Chromium through playwright-core. Every page a journey lands on is
 * scanned with axe (WCAG 2.2 A/AA): an accessibility failure fails the journey that found it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Markup already scanned in this test file, normalised so per-request values (CSP nonces, CSRF
 * tokens) do not make an identical page look new. axe's verdict depends only on the rendered page,
 * so a page whose markup was scanned once is not scanned again: every distinct page still is.
 */
const scanned = new Set<string>();
let scans = 0;
let repeats = 0;

export function fingerprint(html: string, javaScript: boolean): string {
  const normalised = html.replace(/ nonce="[^"]*"/g, '').replace(/(name="_csrf" value=")[^"]*"/g, '$1"');
  return createHash('sha256').update(`${javaScript}|${normalised}`).digest('hex');
}

/** How many scans ran and how many identical pages were not scanned twice (for the test's log). */
export function scanCounts(): { scans: number; repeats: number } {
  return { scans, repeats };
}

async function alreadyScanned(page: Page, javaScript: boolean): Promise<boolean> {
  const key = fingerprint(await page.content(), javaScript);
  if (scanned.has(key)) {
    repeats += 1;
    return true;
  }
  scanned.add(key);
  scans += 1;
  return false;
}

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A person using the service: each navigation is followed by an axe scan of where they landed. */
export class Visitor {
  readonly visited: string[] = [];
  private scanner: Page | undefined;
  private constructor(
    readonly page: Page,
    private context: BrowserContext,
    private base: string,
    private browser: Browser,
    private javaScript: boolean,
  ) {}

  static async start(browser: Browser, base: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Visitor> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1024, height: 900 } });
    const page = await context.newPage();
    // Fail fast: a missing element should fail in seconds, not at the test timeout.
    page.setDefaultTimeout(8_000);
    return new Visitor(page, context, base, browser, options.javaScript ?? true);
  }

  private async landed(): Promise<void> {
    await this.page.waitForLoadState('load');
    this.visited.push(new URL(this.page.url()).pathname);
    if (this.javaScript) {
      if (await alreadyScanned(this.page, true)) return;
      return expectAccessible(this.page);
    }
    // axe needs JavaScript to run. For a visitor without it, scan exactly the HTML they were given,
    // served at the same address in a JavaScript-enabled page so styles and relative links resolve.
    const url = this.page.url();
    const html = await this.page.content();
    if (await alreadyScanned(this.page, false)) return;
    if (!this.scanner) {
      const ctx = await this.browser.newContext({ javaScriptEnabled: true, viewport: this.page.viewportSize() ?? undefined });
      this.scanner = await ctx.newPage();
    }
    await this.scanner.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }), { times: 1 });
    await this.scanner.goto(url);
    await expectAccessible(this.scanner);
  }

  async open(path: string): Promise<void> {
    await this.page.goto(this.base + path);
    await this.landed();
  }

  async clickLink(name: string | RegExp): Promise<void> {
    await Promise.all([this.page.waitForNavigation(), this.page.getByRole('link', { name }).first().click()]);
    await this.landed();
  }

  async clickButton(name: string | RegExp): Promise<void> {
    await Promise.all([this.page.waitForNavigation(), this.page.getByRole('button', { name }).first().click()]);
    await this.landed();
  }

  async fill(label: string | RegExp, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: typeof label === 'string' }).fill(value);
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.open('/sign-in');
    await this.fill('Email address', email);
    await this.fill('Password', password);
    await this.clickButton('Sign in');
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }

  heading(): Promise<string> {
    return this.page.locator('h1').first().innerText();
  }

  async close(): Promise<void> {
    await this.scanner?.context().close();
    await this.context.close();
  }
}
