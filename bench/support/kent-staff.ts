import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { signedInCookie } from './bench-app.ts';
import { DEMO_PASSWORD, type NationalDataset } from './national-dataset.ts';

/** Kent: the largest council, whose pages the national-size benchmarks read. */
export const KENT = '886';

/**
 * Kent's demo coordinator and SEND manager signed in (session cookies), and the coordinator's own
 * cases in reference order, from the national dataset.
 */
export async function kentStaff(app: FastifyInstance, dataset: NationalDataset, caseLimit: number): Promise<{ coordinator: string; manager: string; cases: string[] }> {
  const coordinatorEmail = `coordinator@${KENT}.demo.opensend.test`;
  const coordinator = await signedInCookie(app, coordinatorEmail, DEMO_PASSWORD);
  const manager = await signedInCookie(app, `manager@${KENT}.demo.opensend.test`, DEMO_PASSWORD);
  const admin = new pg.Client({ connectionString: dataset.adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ id: string }>(
      `select c.id from cases c join users u on u.id = c.caseworker_user_id where u.email = $1 order by c.reference limit $2`, [coordinatorEmail, caseLimit],
    );
    return { coordinator, manager, cases: rows.map((r) => r.id) };
  } finally {
    await admin.end();
  }
}
