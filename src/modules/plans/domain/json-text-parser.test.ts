import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateSyntaxError, parseJsonText } from './json-text-parser.ts';

describe('parseJsonText', () => {
  it('parses valid JSON, tolerating a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it.each([
    ['{\n  "a": 1,\n}', 3, 1, /another property/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /"," or "}"/],
    ['{"a" 1}', 1, 6, /":"/],
    ['[1, 2', 1, 6, /end of the file/],
    ['{"a": tru}', 1, 10, /"true"/],
    ['{"a": "x\ny"}', 1, 9, /control characters/],
    ['', 1, 1, /a value/],
    ['{} {}', 1, 4, /the end of the file but found "{"/],
    ["{'a': 1}", 1, 2, /double-quoted/],
  ])('%j fails at line %i column %i', (text, line, column, message) => {
    expect(parseJsonText(text)).toEqual({ ok: false, line, column, message: expect.stringMatching(message) });
  });

  it('finds an error exactly when JSON.parse does (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 20 }), fc.json().map((j) => j.slice(0, -1))), (text) => {
        let parses = true;
        try { JSON.parse(text); } catch { parses = false; }
        expect(locateSyntaxError(text) === null).toBe(parses);
      }),
      { numRuns: 500 },
    );
  });
});
