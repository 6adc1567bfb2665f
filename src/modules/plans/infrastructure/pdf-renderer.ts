import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Plan PDFs are printed by Chromium: it keeps headings, tables and reading order as tags in the
 * PDF (`tagged`) and the headings as bookmarks (`outline`), which screen-reader users of the PDF
 * need. The browser is started on the first download, not at start-up, and shared by every
 * request after that; each PDF gets its own short-lived page.
 */
export class PdfUnavailableError extends Error {
  constructor(reason: string) {
    super(`PDFs cannot be made at the moment: ${reason}`);
    this.name = 'PdfUnavailableError';
  }
}

export class PdfRenderer {
  private browser: Promise<Browser> | undefined;

  constructor(private readonly executablePath: string = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') {}

  private launch(): Promise<Browser> {
    if (!this.browser) {
      if (!fs.existsSync(this.executablePath)) return Promise.reject(new PdfUnavailableError(`no Chromium at ${this.executablePath}`));
      // Imported on first use: the CLI and pages that never print do not load the driver at all.
      this.browser = import('playwright-core')
        .then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] }))
        .then((browser) => {
          // If Chromium dies, start a fresh one on the next request rather than failing for ever.
          browser.on('disconnected', () => { this.browser = undefined; });
          return browser;
        })
        .catch((e: Error) => {
          this.browser = undefined;
          throw new PdfUnavailableError(e.message.split('\n')[0] ?? 'Chromium did not start');
        });
    }
    return this.browser;
  }

  /** Prints a complete, self-contained HTML document (styles inline, no external requests). */
  async render(html: string, title: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4', printBackground: true, tagged: true, outline: true, displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8pt;width:100%;text-align:center;font-family:Arial,sans-serif">${escapeHtml(title)} – page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
