import type { FormErrors } from '../../../../platform/web/form-errors.ts';
import type { FieldSpec, SectionFormSpec } from './section-form-spec.ts';
import type { FormValues, Values } from './section-form-values.ts';

/**
 * The parameters of each GOV.UK macro the edit page calls, prepared here so the template stays a
 * plain loop: `{ kind: 'textarea', params: {...govukTextarea params} }`.
 */
export interface RenderedField {
  kind: FieldSpec['kind'];
  params: Record<string, unknown>;
}

const one = (values: Values, name: string): string => (typeof values[name] === 'string' ? (values[name] as string) : '');

function renderField(field: FieldSpec, prefix: string, values: Values, errors: FormErrors, legendPrefix = ''): RenderedField {
  const id = `${prefix}${field.name}`;
  const label = `${legendPrefix}${field.label}`;
  const hint = field.hint ? { text: field.hint } : undefined;
  const labelClasses = 'govuk-label--s';
  switch (field.kind) {
    case 'date':
      return {
        kind: 'date',
        params: {
          id, namePrefix: id, fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } }, hint,
          errorMessage: errors.fields[`${id}-day`],
          items: ['day', 'month', 'year'].map((part) => ({
            name: part, label: part.charAt(0).toUpperCase() + part.slice(1), value: one(values, `${field.name}-${part}`),
            classes: `govuk-input--width-${part === 'year' ? 4 : 2}${errors.fields[`${id}-day`] ? ' govuk-input--error' : ''}`,
          })),
        },
      };
    case 'checkboxes': {
      const chosen = new Set(Array.isArray(values[field.name]) ? (values[field.name] as string[]) : []);
      return {
        kind: field.options?.length ? 'checkboxes' : 'text',
        params: field.options?.length
          ? {
              idPrefix: id, name: id, fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } }, hint, errorMessage: errors.fields[id],
              classes: 'govuk-checkboxes--small', items: field.options.map((o) => ({ value: o.value, text: o.text, checked: chosen.has(o.value) })),
            }
          // Nothing to link to yet: say so instead of an empty group of checkboxes.
          : { text: `${label}: there is nothing to link to yet.` },
      };
    }
    case 'radios':
      return {
        kind: 'radios',
        params: {
          idPrefix: id, name: id, fieldset: { legend: { text: label, classes: 'govuk-fieldset__legend--s' } }, hint, errorMessage: errors.fields[id],
          items: (field.options ?? []).map((o) => ({ value: o.value, text: o.text, checked: one(values, field.name) === o.value })),
        },
      };
    case 'select':
      return {
        kind: 'select',
        params: {
          id, name: id, label: { text: label, classes: labelClasses }, hint, errorMessage: errors.fields[id],
          items: [...(field.optional && !field.options?.some((o) => o.value === '') ? [{ value: '', text: 'Not decided yet' }] : []), ...(field.options ?? [])]
            .map((o) => ({ value: o.value, text: o.text, selected: one(values, field.name) === o.value })),
        },
      };
    default:
      return {
        kind: field.kind,
        params: {
          id, name: id, label: { text: label, classes: labelClasses }, hint, errorMessage: errors.fields[id], value: one(values, field.name),
          ...(field.kind === 'number' ? { inputmode: 'numeric', spellcheck: false } : {}),
          ...(field.kind === 'textarea' ? { rows: 4 } : {}),
          ...(field.classes ? { classes: field.classes } : {}),
        },
      };
  }
}

export function renderSectionForm(spec: SectionFormSpec, values: FormValues, errors: FormErrors) {
  const noun = spec.list?.noun ?? '';
  return {
    top: spec.top.map((f) => renderField(f, '', values.top, errors)),
    itemCount: values.items.length,
    noun,
    addText: `Add ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`,
    items: values.items.map((item, i) => ({
      index: i,
      id: item.id,
      legend: `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${i + 1}`,
      fields: (spec.list?.fields ?? []).map((f) => renderField(f, `item-${i}-`, item.f, errors)),
      carried: ['startDate', 'endDate', 'reviewBy', 'documentId'].filter((n) => one(item.f, n)).map((n) => ({ name: `item-${i}-${n}`, value: one(item.f, n) })),
    })),
    noNeeds: spec.confirmable
      ? {
          checked: values.noNeeds.confirmed === 'yes',
          confirmedBy: one(values.noNeeds, 'confirmedBy'), role: one(values.noNeeds, 'role'),
          day: one(values.noNeeds, 'date-day'), month: one(values.noNeeds, 'date-month'), year: one(values.noNeeds, 'date-year'),
        }
      : null,
  };
}
