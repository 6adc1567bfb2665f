/**
 * Paths into a plan document, written the way people read them in error lists and checklists:
 * `sections.F.provision[2].frequency`. One format everywhere (schema errors, semantic rules,
 * checklist items, diff) so a UI can link any message to the field it is about.
 */

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Turns a JSON Pointer (RFC 6901, as ajv reports `instancePath`) into segments. All-digit
 * segments are array indices: the EHCP schema has no object keys made of digits.
 */
export function pointerToSegments(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

export function pointerToPath(pointer: string): string {
  return formatPath(pointerToSegments(pointer));
}
