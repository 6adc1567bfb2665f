import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PlannedPerson, SettingRef } from '../domain/sen2-import.plan.ts';

/**
 * Writes planned SEN2 persons in the caller's transaction, batched (see `flush`). Everything is found before it is created
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
  private placements = new Set<string>();
  private pending: Batch = emptyBatch();

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
    const placed = await this.client.query<{ child_id: string; setting_id: string; starts_on: string }>(
      `select child_id, setting_id, starts_on::text as starts_on from placements where la_code = $1`, [this.laCode]);
    for (const pl of placed.rows) this.placements.add(`${pl.child_id}|${pl.setting_id}|${pl.starts_on}`);
  }

  private child(p: PlannedPerson): string {
    const k = p.key;
    const keys = [k.upn ? `upn:${k.upn}` : '', k.uln ? `uln:${k.uln}` : '', !k.upn && !k.uln ? `name:${k.surname}|${k.forename}|${k.birthDate}` : ''].filter(Boolean);
    for (const key of keys) { const found = this.children.get(key); if (found) return found; }
    const c = p.child;
    this.counts.childrenCreated += 1;
    // The id is made here, so the child can be inserted later with the rest of its batch.
    const id = randomUUID();
    this.pending.children.push({ id, given_name: c.givenName, family_name: c.familyName, date_of_birth: c.dateOfBirth, upn: c.upn, uln: c.uln, gender: c.gender, postcode: c.postcode });
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

  /**
   * Plans one person's rows; nothing is sent until `flush`. Lookups run against what is already
   * stored (loaded once) and what this import has planned, so a person repeated in the file, or a
   * file imported twice, still adds nothing.
   */
  async write(p: PlannedPerson): Promise<void> {
    const la = this.laCode;
    const childId = this.child(p);
    this.pending.details.set(childId, { child_id: childId, ethnicity: p.ethnicity, upn_unknown: p.upnUnknown });
    for (const planned of p.cases) {
      if (this.cases.has(`${childId}|${planned.openedOn}`)) {
        this.counts.skippedCases += 1;
        continue;
      }
      this.cases.add(`${childId}|${planned.openedOn}`);
      const reference = `SEN2-${la}-${createHash('sha256').update(`${childId}|${planned.openedOn}`).digest('hex').slice(0, 10).toUpperCase()}`;
      const caseId = randomUUID();
      this.pending.cases.push({ id: caseId, child_id: childId, reference, opened_on: planned.openedOn });
      this.counts.casesCreated += 1;
      let seq = 0;
      for (const e of planned.events) {
        const data = e.namedSetting ? { ...e.data, settingId: await this.setting(e.namedSetting) } : e.data;
        seq += 1;
        this.pending.events.push({ case_id: caseId, seq, type: e.type, occurred_on: e.occurredOn, data });
      }
      this.counts.eventsCreated += seq;
    }
    for (const pl of p.placements) {
      const settingId = await this.setting(pl.setting);
      const key = `${childId}|${settingId}|${pl.startsOn}`;
      if (this.placements.has(key)) continue;
      this.placements.add(key);
      this.pending.placements.push({ child_id: childId, setting_id: settingId, starts_on: pl.startsOn, ends_on: pl.endsOn, sen_unit: pl.senUnit, resourced_provision: pl.resourcedProvision });
      this.counts.placementsCreated += 1;
    }
  }

  /**
   * Sends everything planned since the last flush: one multi-row INSERT per table (rows passed as
   * one JSON parameter and expanded by jsonb_to_recordset), in foreign-key order. Per-person
   * statements made a Kent-size file (23,000 persons) take over 11 minutes, nearly all of it round
   * trips and per-statement triggers; batches of a thousand persons take a handful of statements each.
   */
  async flush(): Promise<void> {
    const la = this.laCode;
    const { children, details, cases, events, placements } = this.pending;
    if (children.length) {
      await this.client.query(`insert into children (la_code, id, given_name, family_name, date_of_birth, upn, uln, gender, postcode)
        select $1, r.id, r.given_name, r.family_name, r.date_of_birth, r.upn, r.uln, r.gender, r.postcode
        from jsonb_to_recordset($2::jsonb) as r(id uuid, given_name text, family_name text, date_of_birth date, upn text, uln text, gender text, postcode text)`, [la, JSON.stringify(children)]);
    }
    if (details.size) {
      await this.client.query(`insert into sen2_person_details (la_code, child_id, ethnicity, upn_unknown)
        select $1, r.child_id, r.ethnicity, r.upn_unknown from jsonb_to_recordset($2::jsonb) as r(child_id uuid, ethnicity text, upn_unknown text)
        on conflict (la_code, child_id) do update set ethnicity = excluded.ethnicity, upn_unknown = excluded.upn_unknown`, [la, JSON.stringify([...details.values()])]);
    }
    if (cases.length) {
      await this.client.query(`insert into cases (la_code, id, child_id, reference, opened_on)
        select $1, r.id, r.child_id, r.reference, r.opened_on from jsonb_to_recordset($2::jsonb) as r(id uuid, child_id uuid, reference text, opened_on date)`, [la, JSON.stringify(cases)]);
    }
    if (events.length) {
      await this.client.query(`insert into case_events (la_code, case_id, seq, type, occurred_on, data)
        select $1, r.case_id, r.seq, r.type, r.occurred_on, r.data from jsonb_to_recordset($2::jsonb) as r(case_id uuid, seq int, type text, occurred_on date, data jsonb)`, [la, JSON.stringify(events)]);
    }
    if (placements.length) {
      await this.client.query(`insert into placements (la_code, child_id, setting_id, starts_on, ends_on, sen_unit, resourced_provision)
        select $1, r.child_id, r.setting_id, r.starts_on, r.ends_on, r.sen_unit, r.resourced_provision
        from jsonb_to_recordset($2::jsonb) as r(child_id uuid, setting_id uuid, starts_on date, ends_on date, sen_unit boolean, resourced_provision boolean)`, [la, JSON.stringify(placements)]);
    }
    this.pending = emptyBatch();
  }
}

interface Batch {
  children: Array<{ id: string; given_name: string; family_name: string; date_of_birth: string; upn: string | null; uln: string | null; gender: string; postcode: string | null }>;
  /** Keyed by child: the last occurrence in the file wins, as the per-row upsert did. */
  details: Map<string, { child_id: string; ethnicity: string; upn_unknown: string | null }>;
  cases: Array<{ id: string; child_id: string; reference: string; opened_on: string }>;
  events: Array<{ case_id: string; seq: number; type: string; occurred_on: string; data: Record<string, unknown> }>;
  placements: Array<{ child_id: string; setting_id: string; starts_on: string; ends_on: string | null; sen_unit: boolean; resourced_provision: boolean }>;
}

const emptyBatch = (): Batch => ({ children: [], details: new Map(), cases: [], events: [], placements: [] });
