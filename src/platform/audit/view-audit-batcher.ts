import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { AuditEventsTable } from '../db/database-types.ts';
import { readWithTenant } from '../db/scoped-read.ts';

type AuditRow = Insertable<AuditEventsTable>;

interface Waiting {
  row: AuditRow;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit for the audit rows of plain reads (docs/adr/0021-request-path-costs.md).
 *
 * A read that is not part of a change has nothing to be atomic with, so its audit row need not ride
 * in a transaction of its own. Each such row still has to be durable before the record is sent: the
 * caller awaits `write`, which resolves only once the row's INSERT has committed. What changes is
 * that rows arriving while an INSERT is in flight wait for it and then go together in the next one:
 * one statement and one commit (one WAL flush) for every request that arrived in that window,
 * instead of one each. A lone request is not delayed (its row is written at once); under load the
 * batches grow by themselves. If a batch fails, every request in it fails: nobody sees a record
 * whose view was not recorded.
 */
export class ViewAuditBatcher {
  private queue: Waiting[] = [];
  private flushing = false;
  /** INSERT statements issued so far (each is one commit): for tests and metrics. */
  statements = 0;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 500,
  ) {}

  write(row: AuditRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.insert(batch.map((w) => w.row));
          for (const w of batch) w.resolve();
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * One multi-row INSERT, scoped to exactly the councils in the batch: each row's council was read
   * under its own request's scope, so the union grants nothing a request did not already have.
   */
  private async insert(rows: AuditRow[]): Promise<void> {
    const laCodes = [...new Set(rows.map((r) => r.la_code))].sort();
    this.statements += 1;
    await readWithTenant(this.db, { laCodes }, (q) => q.insertInto('audit_events').values(rows).execute());
  }
}

const batchers = new WeakMap<Db, ViewAuditBatcher>();

export function viewAuditBatcher(db: Db): ViewAuditBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ViewAuditBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
