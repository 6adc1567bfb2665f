import pg from 'pg';
import { isRole, ROLES } from '../../../platform/identity/roles.ts';
import { demoEmailDomain } from '../domain/demo-accounts.ts';
import type { DemoAccount } from '../domain/demo-area-rows.ts';

/** The demo sign-ins already in the database, for printing on a later start. */
export async function listDemoAccounts(adminUrl: string, laCode: string): Promise<DemoAccount[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; email: string; display_name: string }>(
      `select r.role, u.email, u.display_name from users u join user_roles r on r.user_id = u.id
        where u.email like $1 and u.password_hash is not null`,
      [`%${demoEmailDomain(laCode)}`],
    );
    return rows
      .flatMap((r) => (isRole(r.role) ? [{ role: r.role, email: r.email, displayName: r.display_name, sees: '' }] : []))
      .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  } finally {
    await client.end();
  }
}
