import { createHash } from 'node:crypto';

/** A UUID (version 5 layout) from a name: the same seed gives the same ids on every run. */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(`opensend:${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A whole number 0..n-1 from a name, for deterministic choices in seeds. */
export function pick(name: string, n: number): number {
  return parseInt(createHash('sha1').update(name).digest('hex').slice(0, 8), 16) % n;
}
