import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { UploadedFile } from '../domain/upload-rules.ts';

/**
 * Multipart forms for the plugin scope that calls this (never globally). Fields arrive as plain
 * strings, as with an ordinary form, so the CSRF check and validators read them the same way; a file
 * arrives as an UploadedFile. An oversized file is cut at the limit and flagged, not thrown, so the
 * page can say what is wrong and keep everything else that was typed.
 */
export async function registerUploadParsing(scope: FastifyInstance, options: { maxBytes: number }): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: options.maxBytes, files: 1, fields: 40, fieldSize: 64 * 1024, parts: 50 },
    async onFile(part) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      const file: UploadedFile = { fileName: part.filename, data: Buffer.concat(chunks), truncated: part.file.truncated };
      (part as unknown as { value: UploadedFile }).value = file;
    },
  });
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}

/** The text fields of a form body (urlencoded or multipart); files and repeated fields are left out. */
export function textFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function fileField(body: unknown, name: string): UploadedFile | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const v = (body as Record<string, unknown>)[name];
  return isUploadedFile(v) ? v : undefined;
}
