import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { PlannedPerson, SettingRef } from '../domain/sen2-import.plan.ts';

/**
 * Writes planned SEN2 persons in the caller's transaction. Everything is found before it is created
 * (child by UPN, ULN or name and birth date; case by child and received date; setting by URN, UKPRN,
 * SEN2 code or name; placement by child, setting and start), which is what makes a re-import add
 * nothing.
 */
export interface ImportCounts { childrenCreated: number; casesCreated: number; eventsCreated: number; placementsCreated: number; settingsCreated: number; skippedCases: number }

const first = async (c: pg.ClientBase, text: string, values: unknown[]): Promise<string | undefined> =>
  ((await c.query<{ id: string }>(text, values)).rows[0])?.id;

export class Sen2ImportWriter {
  private settings = new Map<string, string>();
  readonly counts: ImportCounts = { childrenCreated: 0, casesCreated: 0, eventsCreated: 0, placementsCreated: 0, settingsCreated: 0, skippedCases: 0 };
  constructor(private client: pg.ClientBase, private laCode: string) {}

  private children = new Map<string, string>();
  private cases = new Set<string>();

  /**
   * The council's existing children and cases, keyed as the import looks them up: one query each
   * instead of one per person, which made importing a large council quadratic (no index on UPN).
   */
  async load(): Promise<void> {
    const kids = await this.client.query<{ id: string; upn: string | null; uln: string | null; family_name: string; given_name: string; date_of_birth: string }>(
      `select id, upn, uln, family_name, given_name, date_of_birth::text as date_of_birth from children where la_code = $1 order by created_at desc`, [this.laCode]);
    // Newest first, so the oldest record wins when two share a key (the same rule as before).
    for (const c of kids.rows) {
      if (c.upn) this.children.set(`upn:${c.upn}`, c.id);
      if (c.uln) this.children.set(`uln:${c.uln}`, c.id);
      if (!c.upn && !c.uln) this.children.set(`name:${c.family_name}|${c.given_name}|${c.date_of_birth}`, c.id);
    }
    const cases = await this.client.query<{ child_id: string; opened_on: string }>(`select child_id, opened_on::text as opened_on from cases where la_code = $1`, [this.laCode]);
    for (const k of cases.rows) this.cases.add(`${k.child_id}|${k.opened_on}`);
  }

  private async child(p: PlannedPerson): Promise<string> {
    const k = p.key;
    const keys = [k.upn ? `upn:${k.upn}` : '', k.uln ? `uln:${k.uln}` : '', !k.upn && !k.uln ? `name:${k.surname}|${k.forename}|${k.birthDate}` : ''].filter(Boolean);
    for (const key of keys) { const found = this.children.get(key); if (found) return found; }
    const c = p.child;
    this.counts.childrenCreated += 1;
    const id = (await first(this.client, `insert into children (la_code, given_name, family_name, date_of_birth, upn, uln, gender, postcode)
      values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`, [this.laCode, c.givenName, c.familyName, c.dateOfBirth, c.upn, c.uln, c.gender, c.postcode]))!;
    for (const key of keys) this.children.set(key, id);
    return id;
  }

  async setting(ref: SettingRef): Promise<string> {
    const la = this.laCode;
    const named = ref.senSetting === 'OTH' && ref.name;
    const key = ref.urn ? `urn:${ref.urn}` : ref.ukprn ? `ukprn:${ref.ukprn}` : named ? `name:${ref.name}` : `code:${ref.senSetting ?? 'OTH'}`;
    const cached = this.settings.get(key);
    if (cached) return cached;
    let id = ref.urn ? await first(this.client, 'select id from settings where la_code = $1 and urn = $2 order by name, id limit 1', [la, ref.urn])
      : ref.ukprn ? await first(this.client, 'select id from settings where la_code = $1 and ukprn = $2 order by name, id limit 1', [la, ref.ukprn])
      : named ? await first(this.client, 'select id from settings where la_code = $1 and name = $2 and urn is null and ukprn is null order by id limit 1', [la, ref.name])
      : await first(this.client, 'select setting_id as id from sen2_setting_codes where la_code = $1 and code = $2', [la, ref.senSetting ?? 'OTH']);
    if (!id) {
      // A placeholder the provision team completes later; its kind follows what SEN2 told us.
      const code = ref.senSetting ?? 'OTH';
      const kind = ref.senUnit ? 'sen-unit' : ref.resourcedProvision ? 'resourced-provision' : ref.urn || ref.ukprn ? 'mainstream' : code === 'EYP' ? 'early-years' : 'alternative-provision';
      const name = ref.urn ? `URN ${ref.urn}` : ref.ukprn ? `UKPRN ${ref.ukprn}` : named ? ref.name! : `SEN2 setting ${code}`;
      id = (await first(this.client, `insert into settings (la_code, name, urn, ukprn, gias_type_code, kind, phase, age_from, age_to)
        values ($1, $2, $3, $4, 'unknown', $5, 'unknown', 0, 25) returning id`, [la, name, ref.urn ?? null, ref.ukprn ?? null, kind]))!;
      if (!ref.urn && !ref.ukprn && !named) await this.client.query('insert into sen2_setting_codes (la_code, setting_id, code) values ($1, $2, $3)', [la, id, code]);
      this.counts.settingsCreated += 1;
    }
    this.settings.set(key, id);
    return id;
  }

  async write(p: PlannedPerson): Promise<void> {
    const la = this.laCode;
    const childId = await this.child(p);
    await this.client.query(`insert into sen2_person_details (la_code, child_id, ethnicity, upn_unknown) values ($1, $2, $3, $4)
      on conflict (la_code, child_id) do update set ethnicity = excluded.ethnicity, upn_unknown = excluded.upn_unknown`, [la, childId, p.ethnicity, p.upnUnknown]);
    for (const planned of p.cases) {
      if (this.cases.has(`${childId}|${planned.openedOn}`)) {
        this.counts.skippedCases += 1;
        continue;
      }
      this.cases.add(`${childId}|${planned.openedOn}`);
      const reference = `SEN2-${la}-${createHash('sha256').update(`${childId}|${planned.openedOn}`).digest('hex').slice(0, 10).toUpperCase()}`;
      const caseId = (await first(this.client, 'insert into cases (la_code, child_id, reference, opened_on) values ($1, $2, $3, $4) returning id', [la, childId, reference, planned.openedOn]))!;
      this.counts.casesCreated += 1;
      const rows: { seq: number; type: string; occurred_on: string; data: Record<string, unknown> }[] = [];
      for (const e of planned.events) {
        const data = e.namedSetting ? { ...e.data, settingId: await this.setting(e.namedSetting) } : e.data;
        rows.push({ seq: rows.length + 1, type: e.type, occurred_on: e.occurredOn, data });
      }
      // One statement per case rather than per event: an import is mostly round trips.
      await this.client.query(`insert into case_events (la_code, case_id, seq, type, occurred_on, data)
        select $1, $2, r.seq, r.type, r.occurred_on, r.data from jsonb_to_recordset($3::jsonb) as r(seq int, type text, occurred_on date, data jsonb)`,
      [la, caseId, JSON.stringify(rows)]);
      this.counts.eventsCreated += rows.length;
    }
    for (const pl of p.placements) {
      const settingId = await this.setting(pl.setting);
      if (await first(this.client, 'select id from placements where la_code = $1 and child_id = $2 and setting_id = $3 and starts_on = $4', [la, childId, settingId, pl.startsOn])) continue;
      await this.client.query(`insert into placements (la_code, child_id, setting_id, starts_on, ends_on, sen_unit, resourced_provision)
        values ($1, $2, $3, $4, $5, $6, $7)`, [la, childId, settingId, pl.startsOn, pl.endsOn, pl.senUnit, pl.resourcedProvision]);
      this.counts.placementsCreated += 1;
    }
  }
}
