/**
 * Unique Pupil Numbers in the DfE format: check letter, 3-digit LA code, 4-digit establishment
 * number, 2-digit year of allocation, 3-digit serial. The check letter is the weighted sum of
 * characters 2–13 (weights 2..13) modulo 23, mapped to the 23 letters that exclude I, O and S.
 */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function upnCheckLetter(twelveDigits: string): string {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error('A UPN body is 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(twelveDigits[i]) * (i + 2);
  return CHECK_LETTERS[sum % 23]!;
}

export function makeUpn(laCode: string, establishment: number, year: number, serial: number): string {
  const body = `${laCode}${String(establishment % 10_000).padStart(4, '0')}${String(year % 100).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
}

export function isValidUpn(upn: string): boolean {
  if (!/^[A-Z]\d{12}$/.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn[0];
}
