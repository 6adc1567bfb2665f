import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { withTenant, type Db } from '../../../platform/db/connection.ts';
import { can } from '../../../platform/identity/principal.ts';
import { addError, emptyErrors } from '../../../platform/web/form-errors.ts';
import { SEN2_NEED_CODES } from '../../plans/index.ts';
import { AP_OUTCOME_NAMES, summariseAp } from '../domain/ap-outcomes.ts';
import { exportSettingsCsv, importSettingsCsv } from '../domain/settings-csv.ts';
import { isPhase, isSettingKind, PHASES, SETTING_KIND_NAMES, SETTING_KINDS } from '../domain/setting-kinds.ts';
import { occupancyOf } from '../domain/setting-record.ts';
import { penceToPounds, validateSetting, type RawSetting } from '../domain/setting-validation.ts';
import { listApPlacements } from '../infrastructure/ap.repository.ts';
import { giasTypes } from '../infrastructure/gias-types.loader.ts';
import { currentPupilCounts, findSetting, listSettings, pupilsWithPlans, updateSetting, upsertSettings } from '../infrastructure/settings.repository.ts';
import { isUuid, pounds, scopeOf, todayIso } from './web-helpers.ts';

const common = { kindNames: SETTING_KIND_NAMES, kinds: SETTING_KINDS, phases: PHASES, needs: SEN2_NEED_CODES, pounds };

/** The settings directory: list with filters and occupancy, details, edit, CSV import and export. */
export function registerSettingsRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: Record<string, string | undefined> }>('/provision/settings', { config: { access: 'provision:view' } }, async (req, reply) => {
    const q = req.query;
    const filters = {
      ...(q.kind && isSettingKind(q.kind) ? { kind: q.kind } : {}),
      ...(q.phase && isPhase(q.phase) ? { phase: q.phase } : {}),
      ...(q.need && (SEN2_NEED_CODES as readonly string[]).includes(q.need) ? { need: q.need } : {}),
      ...(q.inArea === 'yes' || q.inArea === 'no' ? { inArea: q.inArea === 'yes' } : {}),
    };
    const today = todayIso();
    const { settings, counts } = await withTenant(db, scopeOf(req), async (tx) => ({ settings: await listSettings(tx, filters), counts: await currentPupilCounts(tx, today) }));
    const rows = settings.map((s) => ({ s, occ: occupancyOf(s.commissionedPlaces, counts.get(s.id) ?? 0) }));
    const totals = rows.reduce((a, r) => ({ places: a.places + r.occ.places, occupied: a.occupied + r.occ.occupied }), { places: 0, occupied: 0 });
    return reply.render('provision/settings-list.njk', { title: 'Settings directory', rows, totals, q, canManage: can(req.principal, 'provision:manage'), ...common });
  });

  app.get('/provision/settings.csv', { config: { access: 'provision:view' } }, async (req, reply) => {
    const settings = await withTenant(db, scopeOf(req), (tx) => listSettings(tx));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="settings.csv"').send(exportSettingsCsv(settings));
  });

  app.get<{ Params: { id: string } }>('/provision/settings/:id', { config: { access: 'provision:view' } }, async (req, reply) => {
    if (!isUuid(req.params.id)) return reply.callNotFound();
    const today = todayIso();
    const found = await withTenant(db, scopeOf(req), async (tx) => {
      const s = await findSetting(tx, req.params.id);
      if (!s) return undefined;
      const pupils = (await currentPupilCounts(tx, today, s.id)).get(s.id) ?? 0;
      const ap = s.kind === 'alternative-provision' ? summariseAp((await listApPlacements(tx)).filter((p) => p.settingId === s.id), today) : null;
      return { s, occ: occupancyOf(s.commissionedPlaces, pupils), withPlans: await pupilsWithPlans(tx, s.id, today), ap };
    });
    if (!found) return reply.callNotFound();
    const gias = await giasTypes();
    return reply.render('provision/setting-detail.njk', { title: found.s.name, ...found, giasName: gias.get(found.s.giasTypeCode) ?? 'Not on the GIAS list', outcomeNames: AP_OUTCOME_NAMES, canManage: can(req.principal, 'provision:manage'), ...common });
  });

  app.get<{ Params: { id: string } }>('/provision/settings/:id/edit', { config: { access: 'provision:manage' } }, async (req, reply) => {
    if (!isUuid(req.params.id)) return reply.callNotFound();
    const s = await withTenant(db, scopeOf(req), (tx) => findSetting(tx, req.params.id));
    if (!s) return reply.callNotFound();
    const values: RawSetting = {
      name: s.name, urn: s.urn ?? '', ukprn: s.ukprn ?? '', giasTypeCode: s.giasTypeCode, kind: s.kind, phase: s.phase, ageFrom: String(s.ageFrom), ageTo: String(s.ageTo),
      needsDesignated: s.needsDesignated.join(' '), commissionedPlaces: String(s.commissionedPlaces), inArea: s.inArea ? 'yes' : 'no',
      placeCostPence: s.placeCostPence === null ? '' : penceToPounds(s.placeCostPence), postcode: s.postcode ?? '', trustName: s.trustName ?? '',
    };
    return reply.render('provision/setting-edit.njk', { title: `Change ${s.name}`, setting: s, values, errors: emptyErrors(), ...common });
  });

  app.post<{ Params: { id: string }; Body: RawSetting }>('/provision/settings/:id/edit', { config: { access: 'provision:manage' } }, async (req, reply) => {
    if (!isUuid(req.params.id)) return reply.callNotFound();
    const result = validateSetting(req.body ?? {}, new Set((await giasTypes()).keys()), SEN2_NEED_CODES);
    const outcome = await withTenant(db, scopeOf(req), async (tx) => {
      const s = await findSetting(tx, req.params.id);
      if (!s) return 'missing' as const;
      if (!result.ok) return s;
      await updateSetting(tx, s.id, result.value);
      return 'saved' as const;
    });
    if (outcome === 'missing') return reply.callNotFound();
    if (outcome === 'saved') return reply.redirect(`/provision/settings/${req.params.id}`, 303);
    const errors = emptyErrors();
    if (!result.ok) for (const p of result.problems) addError(errors, p.field, p.text);
    return reply.code(400).render('provision/setting-edit.njk', { title: `Change ${outcome.name}`, setting: outcome, values: req.body, errors, ...common });
  });

  app.get('/provision/settings/import', { config: { access: 'provision:manage' } }, async (_req, reply) =>
    reply.render('provision/settings-import.njk', { title: 'Import settings from a CSV file', problems: [], csv: '' }));

  // Multipart (the file upload) is parsed only in this scope; the paste box also works as a plain form.
  app.register(async (scope) => {
    await scope.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: 1024 * 1024, files: 1 } });
    scope.post<{ Body: { csvFile?: Buffer | string; csv?: string } }>('/provision/settings/import', { config: { access: 'provision:manage' } }, async (req, reply) => {
      const file = req.body?.csvFile;
      const fromFile = Buffer.isBuffer(file) ? file.toString('utf8') : typeof file === 'string' ? file : '';
      const text = fromFile.trim() ? fromFile : String(req.body?.csv ?? '');
      const result = importSettingsCsv(text, new Set((await giasTypes()).keys()));
      if (!result.ok) {
        return reply.code(400).render('provision/settings-import.njk', { title: 'Error: import settings from a CSV file', problems: result.problems, csv: fromFile.trim() ? '' : text });
      }
      const laCode = req.principal!.laCodes[0]!;
      const done = await withTenant(db, scopeOf(req), (tx) => upsertSettings(tx, laCode, result.settings));
      return reply.render('provision/settings-import.njk', { title: 'Settings imported', problems: [], csv: '', done });
    });
  });
}
