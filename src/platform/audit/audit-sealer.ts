import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/**
 * Seals committed audit events into their council's hash chain (migration 0131, ADR 0020). The
 * events are already durable when sealed; sealing only adds the tamper-evident links, so a missed
 * round is caught up by the next. Returns how many events were sealed.
 */
export async function sealAuditEvents(db: Db): Promise<number> {
  let total = 0;
  // Batches keep each sealing transaction short; loop until nothing is left.
  for (;;) {
    const { rows } = await sql<{ sealed: number }>`select audit_seal() as sealed`.execute(db);
    const sealed = Number(rows[0]?.sealed ?? 0);
    total += sealed;
    if (sealed < 20000) return total;
  }
}

export interface AuditSealer {
  stop(): Promise<void>;
}

/** Seals every `intervalMs` in the background while the service runs; stop() seals once more. */
export function startAuditSealer(db: Db, options: { intervalMs?: number; onError?: (e: unknown) => void } = {}): AuditSealer {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = (): void => {
    running = sealAuditEvents(db).catch((e: unknown) => options.onError?.(e));
  };
  const timer = setInterval(() => {
    if (!stopped) tick();
  }, options.intervalMs ?? 1000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await sealAuditEvents(db).catch((e: unknown) => options.onError?.(e));
    },
  };
}
