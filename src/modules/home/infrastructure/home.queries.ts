import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/connection.ts';

export interface PupilWithPlan {
  childName: string;
  dateOfBirth: string;
  laCode: string;
  settingName: string;
  since: string;
}

/**
 * Pupils with a current placement at the SENCO's setting(s), across every council that holds them.
 * The setting is the organisation's URN matched in each council's settings directory.
 */
export async function pupilsAtMySettings(tx: Tx, organisationIds: readonly string[], limit = 100): Promise<PupilWithPlan[]> {
  if (organisationIds.length === 0) return [];
  const rows = await tx
    .selectFrom('organisations as o')
    .innerJoin('settings as s', (j) => j.onRef('s.urn', '=', 'o.urn'))
    .innerJoin('placements as p', (j) => j.onRef('p.la_code', '=', 's.la_code').onRef('p.setting_id', '=', 's.id'))
    .innerJoin('children as c', (j) => j.onRef('c.la_code', '=', 'p.la_code').onRef('c.id', '=', 'p.child_id'))
    .select(['c.given_name', 'c.family_name', 'c.date_of_birth', 'c.la_code', 's.name as setting_name', 'p.starts_on'])
    .where('o.id', 'in', [...organisationIds])
    .where('p.ends_on', 'is', null)
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ childName: `${r.given_name} ${r.family_name}`, dateOfBirth: r.date_of_birth, laCode: r.la_code, settingName: r.setting_name, since: r.starts_on }));
}

export interface ServiceOverview {
  councils: number;
  accountsByRole: Array<{ role: string; accounts: number }>;
}

/** For the system administrator: no person-level data, only what the service holds in outline. */
export async function serviceOverview(db: Db): Promise<ServiceOverview> {
  const councils = await db.selectFrom('councils').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const roles = await sql<{ role: string; accounts: number }>`select role, count(distinct user_id)::int as accounts from user_roles group by role order by role`.execute(db);
  return { councils: Number(councils.n), accountsByRole: roles.rows };
}
