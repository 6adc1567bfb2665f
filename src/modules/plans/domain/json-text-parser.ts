/**
 * JSON.parse with a usable error: the line and column of the first syntax error and what was
 * expected there. Node's own messages name a position only sometimes, so on failure a small
 * scanner walks the text to find the spot. Used by the CLI validator and the JSON import.
 */
export type JsonParseResult =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; message: string };

export function parseJsonText(text: string): JsonParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a byte-order mark
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const found = locateSyntaxError(source);
    const offset = found?.offset ?? source.length;
    const { line, column } = lineAndColumn(source, offset);
    return { ok: false, line, column, message: found?.message ?? (error as Error).message };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

class Stop {
  constructor(readonly offset: number, readonly message: string) {}
}

/** Returns where the text stops being JSON, or null if the scanner finds nothing wrong. */
export function locateSyntaxError(text: string): { offset: number; message: string } | null {
  let i = 0;
  const describe = (): string => (i >= text.length ? 'the end of the file' : JSON.stringify(text[i]));
  const fail = (expected: string): never => {
    throw new Stop(i, `expected ${expected} but found ${describe()}`);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`"${word}"`);
      i++;
    }
  };
  const string = (): void => {
    if (text[i] !== '"') fail('a double-quoted string');
    i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('a closing double quote');
      else if (ch === '"') { i++; return; }
      else if (ch === '\\') {
        i++;
        const esc = text[i];
        if (esc === 'u') {
          i++;
          for (let k = 0; k < 4; k++) { if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('four hex digits after \\u'); i++; }
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i++;
        else fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)');
      } else if (ch.charCodeAt(0) < 0x20) fail('no control characters inside a string (use \\n for a new line)');
      else i++;
    }
  };
  const number = (): void => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (match === null || match[0] === '' || match[0] === '-') fail('a value');
    i += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else number();
    space();
  };
  const object = (): void => {
    i++;
    space();
    if (text[i] === '}') { i++; return; }
    for (;;) {
      space();
      string();
      space();
      if (text[i] !== ':') fail('":" after the property name');
      i++;
      value();
      if (text[i] === ',') { i++; space(); if (text[i] === '}') fail('another property after ","'); continue; }
      if (text[i] === '}') { i++; return; }
      fail('"," or "}"');
    }
  };
  const array = (): void => {
    i++;
    space();
    if (text[i] === ']') { i++; return; }
    for (;;) {
      value();
      if (text[i] === ',') { i++; space(); if (text[i] === ']') fail('another value after ","'); continue; }
      if (text[i] === ']') { i++; return; }
      fail('"," or "]"');
    }
  };
  try {
    value();
    if (i < text.length) fail('the end of the file');
    return null;
  } catch (stop) {
    if (stop instanceof Stop) return { offset: stop.offset, message: stop.message };
    throw stop;
  }
}
