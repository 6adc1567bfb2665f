import fc from 'fast-check';

/**
 * Hostile input for the route fuzzer. Every string meant to show up in HTML carries MARKER, so a
 * page that echoes it unescaped is caught by looking for the marker's raw angle bracket.
 */
export const MARKER = '<x-fuzz>';

const nasty = [
  `${MARKER}<script>alert(1)</script>`,
  `"'>${MARKER}<img src=x onerror=alert(1)>`,
  `</textarea>${MARKER}<svg onload=alert(1)>`,
  `javascript:alert(1)//${MARKER}`,
  "' OR '1'='1' --",
  "1; drop table cases; --",
  "'); select pg_sleep(5); --",
  '{{7*7}}${7*7}<%= 7*7 %>',
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '\u0000',
  '\u0000\u0001\u0002\u001b[31m\u007f',
  '\r\nSet-Cookie: injected=1',
  '\u202e\u200b\u200f\ufeff',
  '\ud800', // a lone surrogate: not valid UTF-16, not encodable as UTF-8
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z̸̢̛̘̳̗͓̱͇̯̳̅̆̽͒̈́a̷̢̺̝̯͍͇͚͊ĺ̵̬̫̝̗̦͙̓̈́g̸͖̙̃̈́o',
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  '2026-02-30',
  '0000-00-00',
  'true',
  '',
  ' ',
];

/** One hostile string: the fixed nasties, random full-unicode text, or something very long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nasty) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map((s) => `${MARKER}${s}`) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((n) => `${MARKER}${'A'.repeat(n)}`) },
);

/** Field names the app's forms use (a guide, not a contract: the random keys cover the rest). */
export const COMMON_FIELDS = [
  'email', 'password', 'returnTo', 'role', 'primaryNeed', 'version', 'lockVersion', 'sectionFingerprint', 'body', 'section',
  'parentId', 'decision', 'reasons', 'date-day', 'date-month', 'date-year', 'action', 'providedSupport', 'summary', 'narrative',
  'laCode', 'settingId', 'kind', 'outcome', 'notes', 'text', 'name', 'value', 'confirm', 'json', 'document', 'file', 'code',
  'title', 'description', 'reason', 'key', 'take', 'amount', 'date', 'status', 'lead', 'comment',
] as const;

/** Field names the app's forms use, plus names that try to reach the prototype or nest. */
const fieldName = fc.oneof(
  fc.constantFrom(...COMMON_FIELDS),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '__proto__[polluted]', 'constructor[prototype][polluted]', 'a[b][c]', 'x.y', '_csrf[]'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** An urlencoded form: hostile values, sometimes repeated keys (which arrive as arrays). */
export const hostileForm: fc.Arbitrary<Array<[string, string]>> = fc.array(fc.tuple(fieldName, hostileString), { minLength: 0, maxLength: 8 });

/** JSON: prototype keys, nesting, arrays and numbers where strings are expected, and the reverse. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    { __proto__: { polluted: 'yes' } },
    { constructor: { prototype: { polluted: 'yes' } } },
    [{ a: 1 }],
    'just a string',
    null,
    123,
    { document: [] },
    { schemaVersion: { $gt: '' }, sections: 'A' },
  ),
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fieldName, fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), fc.object({ maxDepth: 2 }), fc.integer())),
);

/** A body sent with a content type that does not match it, or with bytes that are not UTF-8. */
export const oddBody: fc.Arbitrary<{ contentType: string | undefined; payload: Buffer }> = fc.constantFrom(
  { contentType: 'application/json', payload: Buffer.from('{"unterminated": ') },
  { contentType: 'application/json', payload: Buffer.from('{"__proto__": {"polluted": "yes"}}') },
  { contentType: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { contentType: 'application/x-www-form-urlencoded', payload: Buffer.from('a=%E0%A4%A&b=%ff%fe&c=%') },
  { contentType: 'application/x-www-form-urlencoded', payload: Buffer.from([0x61, 0x3d, 0xc3, 0x28, 0xa0, 0xa1]) },
  { contentType: 'application/x-www-form-urlencoded; charset=utf-16', payload: Buffer.from('a=b', 'utf16le') },
  { contentType: 'text/plain', payload: Buffer.from('hello') },
  { contentType: 'application/xml', payload: Buffer.from('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>') },
  { contentType: 'multipart/form-data; boundary=nope', payload: Buffer.from('--nope\r\nContent-Disposition: form-data; name="a"\r\n\r\n') },
  { contentType: 'multipart/form-data', payload: Buffer.from('no boundary at all') },
  { contentType: undefined, payload: Buffer.from('a=b') },
);

/** Path parameter values: hostile strings, invalid percent-encoding (sent raw), and near-misses of ids. */
export const hostileParam: fc.Arbitrary<{ raw: boolean; value: string }> = fc.oneof(
  hostileString.map((value) => ({ raw: false, value })),
  fc.constantFrom(
    { raw: true, value: '%E0%A4%A' },
    { raw: true, value: '%ff%fe' },
    { raw: true, value: '%' },
    { raw: true, value: '%00' },
    { raw: false, value: '00000000-0000-0000-0000-000000000000' },
    { raw: false, value: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
    { raw: false, value: '99999999999999999999' },
  ),
);
