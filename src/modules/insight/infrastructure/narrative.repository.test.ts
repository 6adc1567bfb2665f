import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { readWithTenant } from '../../../platform/db/connection.ts';
import { addCouncils } from '../../../../test/support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { latestNarratives } from './narrative.repository.ts';

describe('latest narratives', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await addCouncils(t, '370', '886');
    const author = (await sql<{ id: string }>`insert into users (email, display_name) values ('manager@narratives.test', 'A Manager') returning id`.execute(t.adminDb)).rows[0]!.id;
    // Several narratives per indicator, written in an order that is not the indicators' order, and
    // a newer one in another council that must not leak in.
    const rows: Array<[string, string, string, string]> = [
      ['370', 'refusal-rate', 'first refusal note', '2026-01-01T10:00:00Z'],
      ['370', 'within-20-weeks', 'only timeliness note', '2026-01-02T10:00:00Z'],
      ['370', 'refusal-rate', 'latest refusal note', '2026-03-01T10:00:00Z'],
      ['370', 'refusal-rate', 'middle refusal note', '2026-02-01T10:00:00Z'],
      ['370', 'ap-placements-started', 'old AP note', '2025-12-01T10:00:00Z'],
      ['370', 'ap-placements-started', 'new AP note', '2026-04-01T10:00:00Z'],
      ['886', 'refusal-rate', 'another council', '2026-05-01T10:00:00Z'],
    ];
    for (const [la, indicator, body, at] of rows) {
      await sql`insert into insight_narratives (la_code, indicator_id, body, written_on, author_user_id, author_name, author_role, created_at)
        values (${la}, ${indicator}, ${body}, ${at.slice(0, 10)}::date, ${author}, 'A Manager', 'SEND manager', ${at}::timestamptz)`.execute(t.adminDb);
    }
  });
  afterAll(() => t.drop());

  it('gives each indicator its newest narrative, for this council only', async () => {
    const found = await readWithTenant(t.db, { laCodes: ['370'] }, (q) => latestNarratives(q, '370'));
    expect([...found.entries()].map(([id, n]) => [id, n.body, n.writtenOn])).toEqual([
      ['ap-placements-started', 'new AP note', '2026-04-01'],
      ['refusal-rate', 'latest refusal note', '2026-03-01'],
      ['within-20-weeks', 'only timeliness note', '2026-01-02'],
    ]);
    expect(await readWithTenant(t.db, { laCodes: ['886'] }, (q) => latestNarratives(q, '370'))).toEqual(new Map());
  });
});
