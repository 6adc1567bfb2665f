import type { FastifyInstance } from 'fastify';
import { todayInEngland } from '../../../platform/calendar/index.ts';
import { escalate, type EscalateDeps } from './escalate.ts';

/** How often the service steps the ladders while it runs; a step is due by the day, so hours are fine. */
export const ESCALATION_INTERVAL_MS = 6 * 60 * 60 * 1000;
const FIRST_RUN_MS = 60 * 1000;

/**
 * Runs the escalation job for every council, a minute after the service starts and
 * then every few hours, so a deployment without a scheduler still climbs the ladders on the clock.
 * The job is idempotent, so two instances running it do no harm. Not in tests (NODE_ENV=test),
 * where the job runs only when a test calls it.
 */
export function startEscalationTimer(app: FastifyInstance, deps: EscalateDeps, now: () => Date): void {
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    // councils is not tenant data (row-level security hides organisations outside a scope).
    const councils = await deps.db.selectFrom('councils').select('la_code').orderBy('la_code').execute().catch(() => [] as { la_code: string }[]);
    for (const { la_code } of councils) {
      try {
        const result = await escalate(deps, la_code, todayInEngland(now()));
        if (result.taken.length > 0) app.log.info({ council: la_code, steps: result.taken.length, messages: result.messages }, 'partner duties escalated');
      } catch (e) {
        app.log.error({ council: la_code, err: (e as Error).message }, 'partner escalation failed');
      }
    }
  };
  app.addHook('onReady', async () => {
    timer = setTimeout(function tick() {
      void run().finally(() => {
        timer = setTimeout(tick, ESCALATION_INTERVAL_MS);
        timer.unref();
      });
    }, FIRST_RUN_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
