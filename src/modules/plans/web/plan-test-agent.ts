import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Agent } from '../../../../test/support/test-app.ts';

/** The test Agent plus JSON API calls that carry the session, the CSRF token and If-Match. */
export class ApiAgent extends Agent {
  constructor(private readonly fastify: FastifyInstance) {
    super(fastify);
  }

  /** Posts a form as the browser would, repeated names (checkboxes) included. */
  async postFields(url: string, fields: Array<[string, string]>): Promise<LightMyRequestResponse> {
    const token = await this.csrf('/');
    const payload = new URLSearchParams([...fields, ['_csrf', token]]).toString();
    const res = await this.fastify.inject({
      method: 'POST', url, payload,
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    });
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
    return res;
  }

  async put(url: string, json: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const token = await this.csrf('/');
    return this.fastify.inject({
      method: 'PUT', url, payload: typeof json === 'string' ? json : JSON.stringify(json),
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/json', 'x-csrf-token': token, ...headers },
    });
  }
}

const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * What a browser would submit from the first form on a page that posts to `action`: inputs (checked
 * boxes only), textareas and selected options, in document order, repeated names kept.
 */
export function formFields(html: string, action: string): Array<[string, string]> {
  const form = new RegExp(`<form[^>]*action="${action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (form === undefined) throw new Error(`no form posting to ${action}`);
  const fields: Array<[string, string]> = [];
  for (const m of form.matchAll(/<input[^>]*>|<textarea[^>]*>[\s\S]*?<\/textarea>|<select[^>]*>[\s\S]*?<\/select>/g)) {
    const tag = m[0];
    const name = attr(tag, 'name');
    if (!name || name === '_csrf') continue;
    if (tag.startsWith('<input')) {
      const type = attr(tag, 'type') ?? 'text';
      if ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(tag)) continue;
      fields.push([name, decode(attr(tag, 'value') ?? '')]);
    } else if (tag.startsWith('<textarea')) {
      fields.push([name, decode(/>([\s\S]*?)<\/textarea>/.exec(tag)?.[1] ?? '').replace(/^\n/, '')]);
    } else {
      const selected = /<option value="([^"]*)" selected/.exec(tag)?.[1] ?? /<option value="([^"]*)"/.exec(tag)?.[1] ?? '';
      fields.push([name, decode(selected)]);
    }
  }
  return fields;
}

/** The hidden concurrency fields of a section form, as the browser would post them back. */
export function formTokens(html: string): { lockVersion: string; sectionFingerprint: string } {
  const lock = /name="lockVersion" value="(\d+)"/.exec(html)?.[1];
  const print = /name="sectionFingerprint" value="([^"]+)"/.exec(html)?.[1];
  if (!lock || !print) throw new Error('no concurrency fields on the page');
  return { lockVersion: lock, sectionFingerprint: print };
}
