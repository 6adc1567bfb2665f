/**
 * How much a request may carry, set explicitly rather than left to library defaults, so an attacker
 * cannot tie up memory with a huge body and a reviewer can see the numbers in one place.
 *
 * - JSON (the API) and anything else Fastify parses: 1 MiB. An EHC plan document is a few tens of KB.
 * - Ordinary HTML forms (urlencoded): 256 KiB. The longest form field (a plan section) is far smaller.
 * - Multipart uploads: one file of at most MAX_UPLOAD_BYTES (config.ts, default 10 MB), limited in the
 *   documents module's upload parsing (file count, field count, field size and part count too).
 * Anything larger is refused with 413 and a GOV.UK message page (or a JSON reason on the API).
 */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
export const FORM_BODY_LIMIT_BYTES = 256 * 1024;

export function describeLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10}MB` : `${Math.ceil(bytes / 1024)}KB`;
}
