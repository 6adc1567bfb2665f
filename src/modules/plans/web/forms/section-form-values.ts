import type {
  AdviceItem, EducationalNeed, Need, NoNeedsConfirmation, Outcome, PersonalBudgetItem, Placement, PlanSections, ProvisionItem, SectionKey,
} from '../../domain/plan-document.ts';
import type { SectionFormSpec } from './section-form-spec.ts';

/**
 * A section as its form holds it: every value a string (or a list of strings for checkboxes),
 * exactly as typed, so a refused save re-shows what the person wrote.
 */
export type Values = Record<string, string | string[]>;
export interface FormValues {
  top: Values;
  items: Array<{ id: string; f: Values }>;
  noNeeds: Values;
}

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

function dateParts(name: string, iso: string | null | undefined): Values {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return { [`${name}-day`]: m ? String(Number(m[3])) : '', [`${name}-month`]: m ? String(Number(m[2])) : '', [`${name}-year`]: m ? m[1]! : '' };
}

function noNeedsValues(c: NoNeedsConfirmation | null): Values {
  return { confirmed: c ? 'yes' : '', confirmedBy: s(c?.confirmedBy), role: s(c?.role), ...dateParts('date', c?.date) };
}

/** The stored section as form values. */
export function sectionToValues<K extends SectionKey>(key: K, section: PlanSections[K]): FormValues {
  const out: FormValues = { top: {}, items: [], noNeeds: {} };
  const anySection = (section ?? {}) as unknown as Record<string, unknown>; // Section I may be null
  if ('noNeedsIdentified' in anySection) out.noNeeds = noNeedsValues(anySection.noNeedsIdentified as NoNeedsConfirmation | null);
  if (key === 'A') {
    const a = section as PlanSections['A'];
    out.top = { writtenBy: a.writtenBy, ...a.aboutMe, parentsViews: s(a.parentsViews) };
  } else if (key === 'I') {
    const p = section as Placement | null;
    out.top = { placementKind: p?.kind ?? 'none', settingName: p?.kind === 'named' ? p.settingName : '', urn: p?.kind === 'named' ? s(p.urn) : '', ukprn: p?.kind === 'named' ? s(p.ukprn) : '', settingType: s(p?.settingType) };
  } else if ('needs' in anySection) {
    out.items = (anySection.needs as Need[]).map((n) => ({ id: n.id, f: { area: s((n as EducationalNeed).area), statement: n.statement, evidence: n.evidence } }));
  } else if ('outcomes' in anySection) {
    out.items = (anySection.outcomes as Outcome[]).map((o) => ({
      id: o.id, f: { text: o.text, successLooksLike: o.successLooksLike, ...dateParts('byWhen', o.byWhen), preparingForAdulthood: s(o.preparingForAdulthood), needIds: o.needIds },
    }));
  } else if ('provision' in anySection) {
    out.items = (anySection.provision as ProvisionItem[]).map((p) => ({
      id: p.id,
      f: {
        what: p.what, role: s(p.deliveredBy?.role), qualification: s(p.deliveredBy?.qualification), times: s(p.frequency?.times), per: s(p.frequency?.per),
        durationMinutes: s(p.durationMinutes), groupSize: s(p.groupSize), fundedBy: p.fundedBy, needIds: p.needIds, outcomeIds: p.outcomeIds,
        // Dates the form does not edit travel through unchanged.
        startDate: s(p.startDate), endDate: s(p.endDate), reviewBy: s(p.reviewBy),
      },
    }));
  } else if ('items' in anySection) {
    out.items = (anySection.items as PersonalBudgetItem[]).map((j) => ({ id: j.id, f: { description: j.description, amount: (j.amountPence / 100).toFixed(2), kind: j.kind, section: j.section } }));
  } else if ('advice' in anySection) {
    out.items = (anySection.advice as AdviceItem[]).map((k) => ({ id: k.id, f: { title: k.title, source: k.source, authorRole: k.authorRole, ...dateParts('date', k.date), documentId: s(k.documentId) } }));
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** Fields carried through the form in hidden inputs, not edited on it. */
const CARRIED = ['startDate', 'endDate', 'reviewBy', 'documentId'];

function readFields(body: Record<string, unknown>, prefix: string, spec: SectionFormSpec['top'], extra: string[] = []): Values {
  const out: Values = {};
  for (const field of spec) {
    if (field.kind === 'date') for (const part of ['day', 'month', 'year']) out[`${field.name}-${part}`] = str(body[`${prefix}${field.name}-${part}`]).trim();
    else if (field.kind === 'checkboxes') out[field.name] = list(body[`${prefix}${field.name}`]);
    else out[field.name] = field.kind === 'textarea' ? str(body[`${prefix}${field.name}`]).replace(/\r\n/g, '\n').trim() : str(body[`${prefix}${field.name}`]).trim();
  }
  for (const name of extra) out[name] = str(body[`${prefix}${name}`]);
  return out;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** What the browser posted, read through the spec; ids that are not well formed are dropped. */
export function readValues(body: Record<string, unknown>, spec: SectionFormSpec): FormValues {
  const count = Math.min(Number.parseInt(str(body.itemCount), 10) || 0, 200);
  const items: FormValues['items'] = [];
  if (spec.list) {
    for (let i = 0; i < count; i++) {
      const id = str(body[`item-${i}-id`]);
      if (ID.test(id)) items.push({ id, f: readFields(body, `item-${i}-`, spec.list.fields, CARRIED) });
    }
  }
  const noNeeds: Values = spec.confirmable
    ? { confirmed: str(body.noNeeds) === 'yes' ? 'yes' : '', confirmedBy: str(body.noNeedsConfirmedBy).trim(), role: str(body.noNeedsRole).trim(),
        'date-day': str(body['noNeedsDate-day']).trim(), 'date-month': str(body['noNeedsDate-month']).trim(), 'date-year': str(body['noNeedsDate-year']).trim() }
    : {};
  return { top: readFields(body, '', spec.top), items, noNeeds };
}

/** A blank item of the section's list with a fresh id, for "Add another". */
export function blankItem(spec: SectionFormSpec, newId: string): FormValues['items'][number] {
  const f: Values = {};
  for (const field of spec.list?.fields ?? []) {
    if (field.kind === 'checkboxes') f[field.name] = [];
    else if (field.kind === 'date') for (const part of ['day', 'month', 'year']) f[`${field.name}-${part}`] = '';
    else f[field.name] = field.kind === 'select' && !field.optional ? (field.options?.[0]?.value ?? '') : '';
  }
  return { id: newId, f };
}
