import type { FastifyRequest } from 'fastify';
import { todayIsoInEngland } from '../../../platform/calendar/index.ts';
import type { TenantScope } from '../../../platform/db/connection.ts';

/** Today's date in England as 'YYYY-MM-DD', read once per request at the edge. */
export function todayIso(now = new Date()): string {
  return todayIsoInEngland(now);
}

export function scopeOf(req: FastifyRequest): TenantScope {
  const p = req.principal!;
  return { laCodes: p.laCodes, userId: p.userId };
}

export function pounds(pence: number | null): string {
  if (pence === null) return 'Not set';
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string): boolean => UUID.test(v);
export const isIsoDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A GOV.UK date input's three fields as 'YYYY-MM-DD', or null when it is not a real date. */
export function dateFromParts(body: Record<string, unknown>, name: string): string | null {
  const part = (k: string): string => String(body[`${name}-${k}`] ?? '').trim();
  const [d, m, y] = [part('day'), part('month'), part('year')];
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
