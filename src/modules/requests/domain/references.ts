/**
 * References people quote on the phone: REQ-370-7KD4QX for a request, EHC-370-000123 for the case.
 * The request alphabet leaves out 0/O, 1/I/L and U so a reference read aloud is not misheard.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

export function requestReference(laCode: string, randomBytes: Uint8Array): string {
  if (randomBytes.length < 6) throw new Error('requestReference needs 6 random bytes');
  let code = '';
  for (let i = 0; i < 6; i += 1) code += ALPHABET[randomBytes[i]! % ALPHABET.length];
  return `REQ-${laCode}-${code}`;
}

export function caseReference(laCode: string, sequence: number): string {
  return `EHC-${laCode}-${String(sequence).padStart(6, '0')}`;
}

/** The number in an EHC-<la>-NNNNNN reference, or undefined for any other shape. */
export function caseReferenceNumber(reference: string): number | undefined {
  const m = /^EHC-\d{3}-(\d{6,})$/.exec(reference);
  return m ? Number(m[1]) : undefined;
}
