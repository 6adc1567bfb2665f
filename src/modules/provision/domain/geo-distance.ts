/**
 * Travel distance as the crow flies (haversine), from postcode coordinates. It is a guide for a
 * family, not a transport assessment: the tailored list says so.
 */
export interface Coordinates { latitude: number; longitude: number }

const EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(a: Coordinates, b: Coordinates): number {
  const rad = (d: number): number => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
/** The synthetic area's centre: a point in open country, so no real address is suggested. */
const ZZ99_ORIGIN: Coordinates = { latitude: 52.5, longitude: -1.5 };

/**
 * Coordinates for a synthetic ZZ99 postcode, the same every time: the sector digit and the two
 * unit letters lay the postcodes on a grid of about 25 km square around the origin. Real
 * postcodes are never invented: anything else returns undefined.
 */
export function syntheticCoordinates(postcode: string): Coordinates | undefined {
  const m = /^ZZ99 ?(\d)([A-Z])([A-Z])$/.exec(postcode.toUpperCase().trim());
  if (!m) return undefined;
  const sector = Number(m[1]);
  const x = LETTERS.indexOf(m[2]!);
  const y = LETTERS.indexOf(m[3]!);
  if (x < 0 || y < 0) return undefined;
  // ~0.6 km steps per letter; sectors shift the grid so they do not overlap exactly.
  const latitude = ZZ99_ORIGIN.latitude + ((y - 10) * 0.0055) + ((sector % 3) - 1) * 0.03;
  const longitude = ZZ99_ORIGIN.longitude + ((x - 10) * 0.009) + (Math.floor(sector / 3) - 1) * 0.05;
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function normalisePostcode(p: string): string {
  const s = p.toUpperCase().replace(/\s+/g, '');
  return s.length > 3 ? `${s.slice(0, -3)} ${s.slice(-3)}` : s;
}
