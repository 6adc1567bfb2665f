import type { FastifyRequest } from 'fastify';
import { recordAudit, recordViewAudit } from '../../../platform/audit/audit-log.ts';
import { formatIsoDate } from '../../../platform/calendar/local-date.ts';
import { todayInEngland } from '../../../platform/calendar/today.ts';
import type { Db, TenantScope, Tx } from '../../../platform/db/connection.ts';
import type { Principal } from '../../../platform/identity/principal.ts';
import { ROLE_NAMES } from '../../../platform/identity/roles.ts';
import type { Person, SectionKey } from '../domain/plan-document.ts';
import { SECTION_KEYS } from '../domain/plan-document.ts';

/** Small pieces every plan route needs; kept here so each route reads as its story. */
export const scopeOf = (principal: Principal): TenantScope => ({ laCodes: principal.laCodes, userId: principal.userId });

export const principalOf = (req: FastifyRequest): Principal => {
  // Access control runs before every handler of a non-public route, so a principal is present.
  if (!req.principal) throw new Error('plan routes are never public');
  return req.principal;
};

/** The date in England now: issue dates and age-based checks use it. */
export const todayIso = (): string => formatIsoDate(todayInEngland(new Date()));

export const issuerOf = (principal: Principal): Person => ({ name: principal.displayName, role: ROLE_NAMES[principal.role] });

export function parseSectionKey(value: string): SectionKey | undefined {
  return (SECTION_KEYS as readonly string[]).includes(value) ? (value as SectionKey) : undefined;
}

export function parseVersion(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : undefined;
}

type PlanAuditEntry = { laCode: string; childId: string; planId: string; action: string; detail?: Record<string, unknown> };
const planAuditEntry = (entry: PlanAuditEntry) => ({
  laCode: entry.laCode, action: entry.action, recordType: 'plan', recordId: entry.planId, childId: entry.childId, ...(entry.detail ? { detail: entry.detail } : {}),
});

/** Every look at or change of a plan lands in the child's audit trail, inside the same transaction. */
export function auditPlan(tx: Tx, req: FastifyRequest, entry: PlanAuditEntry): Promise<void> {
  return recordAudit(tx, { principal: req.principal, requestId: req.id }, planAuditEntry(entry));
}

/** A plain look at a plan, outside any transaction: durable before it resolves (recordViewAudit). */
export function auditPlanView(db: Db, req: FastifyRequest, entry: PlanAuditEntry): Promise<void> {
  return recordViewAudit(db, { principal: req.principal, requestId: req.id }, planAuditEntry(entry));
}

export const body = (req: FastifyRequest): Record<string, unknown> =>
  req.body !== null && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};

export const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
