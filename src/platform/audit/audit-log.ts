import type { Db, Tx } from '../db/connection.ts';
import type { Principal } from '../identity/principal.ts';
import { viewAuditBatcher } from './view-audit-batcher.ts';

/**
 * The audit trail of children's records: every view and every change. A change writes its row in
 * the same transaction as the change (recordAudit); a plain view, which changes nothing, may write
 * it through the group commit (recordViewAudit, ADR 0021). Either way the row is committed before
 * anything is sent, and if it cannot be written the request fails: an unrecorded look at a child's
 * record must not happen.
 */
export interface AuditEntry {
  laCode: string;
  action: 'view' | 'create' | 'update' | 'delete' | 'export' | 'download' | (string & {});
  recordType: string;
  recordId: string;
  childId?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditContext {
  principal: Principal | undefined;
  requestId: string;
}

function auditRow(ctx: AuditContext, entry: AuditEntry) {
  return {
    la_code: entry.laCode,
    actor_user_id: ctx.principal?.userId ?? null,
    actor_role: ctx.principal?.role ?? null,
    action: entry.action,
    record_type: entry.recordType,
    record_id: entry.recordId,
    child_id: entry.childId ?? null,
    request_id: ctx.requestId,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

export async function recordAudit(tx: Tx | Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insertInto('audit_events').values(auditRow(ctx, entry)).execute();
}

/**
 * The audit row of a plain read (no change to be atomic with): durable before this resolves, but
 * committed together with the rows of concurrent reads (view-audit-batcher.ts). Pass the app's root
 * database handle, not a transaction.
 */
export async function recordViewAudit(db: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await viewAuditBatcher(db).write(auditRow(ctx, entry));
}

export interface ViewOfRecord {
  occurredAt: Date;
  who: string;
  role: string | null;
  action: string;
  recordType: string;
}

/** Who looked at or changed a child's record, newest first: the family's "who viewed" page. */
export async function viewsOfChild(tx: Tx, laCode: string, childId: string, limit = 200): Promise<ViewOfRecord[]> {
  const rows = await tx
    .selectFrom('audit_events as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.occurred_at', 'u.display_name', 'a.actor_role', 'a.action', 'a.record_type'])
    .where('a.la_code', '=', laCode)
    .where('a.child_id', '=', childId)
    .orderBy('a.occurred_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    occurredAt: r.occurred_at,
    who: r.display_name ?? 'Someone no longer with the service',
    role: r.actor_role,
    action: r.action,
    recordType: r.record_type,
  }));
}
