import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCouncils, createTestApp } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { withTenant } from '../../../platform/db/connection.ts';
import { OutboxNotifier } from '../infrastructure/outbox-notifier.ts';

describe('the outbox and the development mailbox', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
  });
  afterAll(async () => t?.drop());

  it('stores messages per council, readable only within that council', async () => {
    const notifier = new OutboxNotifier(t.db);
    await notifier.send({ laCode: '370', to: 'Sam.Parent@Example.com', template: 'confirm-email', personalisation: { link: 'https://x.test/l', expiresOn: '1 January 2027' } });
    const mine = await withTenant(t.db, { laCodes: ['370'] }, (tx) => tx.selectFrom('outbox').select(['recipient', 'subject']).execute());
    expect(mine).toEqual([{ recipient: 'sam.parent@example.com', subject: 'Confirm your email address to create your account' }]);
    expect(await withTenant(t.db, { laCodes: ['886'] }, (tx) => tx.selectFrom('outbox').select('id').execute())).toEqual([]);
    // Append-only: the record of what someone was told cannot be rewritten by the application.
    await expect(withTenant(t.db, { laCodes: ['370'] }, (tx) => sql`update outbox set body = 'changed'`.execute(tx))).rejects.toThrow(/permission denied/);
  });

  it('shows the mailbox outside production, with links', async () => {
    const app = await createTestApp(t);
    const res = await app.inject('/dev/mailbox');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<a class="govuk-link" href="https://x.test/l">');
    await app.close();
  });

  it('does not have a mailbox in production', async () => {
    const app = await createTestApp(t, {
      NODE_ENV: 'production', SESSION_SECRET: 'a-production-like-session-secret-of-some-length', DATABASE_URL: 'postgres://unused@127.0.0.1/x', DATABASE_APP_PASSWORD: 'unused-password', PUBLIC_URL: 'https://opensend.example',
    });
    expect((await app.inject('/dev/mailbox')).statusCode).toBe(404);
    await app.close();
  });

  it('hides request drafts from any transaction that does not name one', async () => {
    await t.adminDb.insertInto('request_drafts').values({ kind: 'family', answers: '{}' }).execute();
    expect(await withTenant(t.db, { laCodes: ['370'] }, (tx) => tx.selectFrom('request_drafts').select('id').execute())).toEqual([]);
  });
});
