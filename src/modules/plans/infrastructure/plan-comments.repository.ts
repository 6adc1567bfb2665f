import type { Tx } from '../../../platform/db/connection.ts';
import type { SectionKey } from '../domain/plan-document.ts';
import type { PlanRef } from './plan.repository.ts';
import './plans.tables.ts';

/**
 * Comments on a draft, threaded per section. Each keeps the version it was made on, so an issued
 * version still shows the conversation that shaped it; the table is append-only.
 */
export interface PlanComment {
  id: string;
  version: number;
  sectionKey: SectionKey;
  parentId: string | null;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: Date;
}

export interface CommentThread extends PlanComment {
  replies: PlanComment[];
}

export async function addComment(
  tx: Tx, plan: PlanRef, c: { version: number; sectionKey: SectionKey; parentId: string | null; authorUserId: string; authorRole: string; body: string },
): Promise<string | undefined> {
  if (c.parentId !== null) {
    // A reply joins a thread of the same section and version; anything else is not a reply.
    const parent = await tx.selectFrom('plan_comments').select('id').where('la_code', '=', plan.laCode).where('id', '=', c.parentId)
      .where('plan_id', '=', plan.planId).where('version', '=', c.version).where('section_key', '=', c.sectionKey).where('parent_id', 'is', null)
      .executeTakeFirst();
    if (!parent) return undefined;
  }
  const row = await tx
    .insertInto('plan_comments')
    .values({ la_code: plan.laCode, plan_id: plan.planId, version: c.version, section_key: c.sectionKey, parent_id: c.parentId, author_user_id: c.authorUserId, author_role: c.authorRole, body: c.body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Threads of one version of the plan, grouped by section, oldest first. */
export async function threadsOfVersion(tx: Tx, plan: PlanRef, version: number): Promise<Partial<Record<SectionKey, CommentThread[]>>> {
  const rows = await tx
    .selectFrom('plan_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_user_id')
    .select(['c.id', 'c.version', 'c.section_key', 'c.parent_id', 'u.display_name', 'c.author_role', 'c.body', 'c.created_at'])
    .where('c.la_code', '=', plan.laCode)
    .where('c.plan_id', '=', plan.planId)
    .where('c.version', '=', version)
    .orderBy('c.created_at')
    .execute();
  const threads = new Map<string, CommentThread>();
  const bySection: Partial<Record<SectionKey, CommentThread[]>> = {};
  for (const r of rows) {
    const comment: PlanComment = {
      id: r.id, version: r.version, sectionKey: r.section_key as SectionKey, parentId: r.parent_id,
      authorName: r.display_name ?? 'Someone no longer with the service', authorRole: r.author_role, body: r.body, createdAt: r.created_at,
    };
    if (comment.parentId === null) {
      const thread = { ...comment, replies: [] };
      threads.set(comment.id, thread);
      (bySection[comment.sectionKey] ??= []).push(thread);
    } else {
      threads.get(comment.parentId)?.replies.push(comment);
    }
  }
  return bySection;
}
