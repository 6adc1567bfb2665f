import { describe, expect, it } from 'vitest';
import { isValidUpn, makeUpn, upnCheckLetter } from './upn.ts';

describe('UPN check letter (DfE algorithm: weights 2..13, modulo 23, no I, O or S)', () => {
  it('computes the letter by hand-checked example', () => {
    // 3·2+7·3+0·4+2·5+2·6+4·7+7·8+1·9+3·10+2·11+9·12+8·13 = 406; 406 mod 23 = 15 → R
    expect(upnCheckLetter('370224713298')).toBe('R');
    expect(upnCheckLetter('000000000000')).toBe('A');
  });

  it('builds valid UPNs and rejects altered ones', () => {
    const upn = makeUpn('886', 4123, 2016, 57);
    expect(upn).toMatch(/^[A-HJ-NP-RT-Z]886412316057$/);
    expect(isValidUpn(upn)).toBe(true);
    expect(isValidUpn(`${upn[0] === 'A' ? 'B' : 'A'}${upn.slice(1)}`)).toBe(false);
    expect(isValidUpn('Z12345678901')).toBe(false);
  });
});
