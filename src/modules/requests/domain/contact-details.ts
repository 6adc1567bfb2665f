/** Checks on the contact details people type, with GOV.UK's messages. */

/** UK postcode, normalised to upper case with one space before the inward code ("S1 2HH"). */
export function normalisePostcode(input: string): string | undefined {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return undefined;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** A plausible email address: one @, a dot in the domain, no spaces. Delivery proves the rest. */
export function normaliseEmail(input: string): string | undefined {
  const v = input.trim();
  if (v.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return undefined;
  return v;
}

/** UK phone numbers, landline or mobile, with or without +44, spaces, brackets or dashes. */
export function normalisePhone(input: string): string | undefined {
  const v = input.trim();
  if (!/^[\d\s()+-]+$/.test(v)) return undefined;
  const digits = v.replace(/[^\d+]/g, '');
  const national = digits.startsWith('+44') ? `0${digits.slice(3)}` : digits.startsWith('0044') ? `0${digits.slice(4)}` : digits;
  if (!/^0\d{9,10}$/.test(national)) return undefined;
  return v;
}

export const MAX_NAME = 100;
export const MAX_TEXT = 5000;
