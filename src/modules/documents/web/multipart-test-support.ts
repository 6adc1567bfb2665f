import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Agent } from '../../../../test/support/test-app.ts';

/** For tests: a browser-like multipart POST with the agent's cookies. */
export async function postMultipart(
  app: FastifyInstance, agent: Agent, url: string, fields: Record<string, string>, file?: { field: string; fileName: string; data: Buffer; contentType?: string },
): Promise<LightMyRequestResponse> {
  const boundary = `----opensend${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const res = await app.inject({
    method: 'POST', url, payload: Buffer.concat(parts),
    headers: { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  for (const c of res.cookies) agent.cookies.set(c.name, c.value);
  return res;
}

export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const SAMPLE_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1b2d50000000049454e44ae426082', 'hex');
