import {
  ADVICE_SOURCES, BROAD_AREAS, BUDGET_KINDS, CONFIRMABLE_SECTION_KEYS, FREQUENCY_PERIODS, FUNDING_SOURCES, PFA_AREAS,
  PROVISION_SECTION_KEYS, SECTION_A_AUTHORS, SETTING_TYPES, type ConfirmableSectionKey, type PlanDocument, type SectionKey,
} from '../../domain/plan-document.ts';
import { needsOf } from '../../domain/plan-items.ts';
import { OPTION_TEXT, optionsOf, shortText } from '../plan-wording.ts';

/**
 * What each section's edit form asks, as data: the one edit template renders any section from
 * this, and the form reader and builder use the same names, so a field cannot be shown but not
 * read. Item fields are named `item-<index>-<name>` in the HTML.
 */
export type FieldKind = 'text' | 'textarea' | 'number' | 'select' | 'radios' | 'date' | 'checkboxes';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  hint?: string;
  options?: Array<{ value: string; text: string }>;
  /** GOV.UK width class for short inputs. */
  classes?: string;
  /** Empty is allowed: the field can be decided later in a draft. */
  optional?: boolean;
}

export type SectionFormKind = 'about-me' | 'needs' | 'outcomes' | 'provision' | 'placement' | 'budget' | 'advice';

export interface SectionFormSpec {
  key: SectionKey;
  kind: SectionFormKind;
  top: FieldSpec[];
  list: { noun: string; idPrefix: string; fields: FieldSpec[] } | null;
  /** C, D, G, H1 and H2 may instead be confirmed as having no needs, by a named person. */
  confirmable: boolean;
}

export function kindOf(key: SectionKey): SectionFormKind {
  if (key === 'A') return 'about-me';
  if (key === 'B' || key === 'C' || key === 'D') return 'needs';
  if (key === 'E') return 'outcomes';
  if ((PROVISION_SECTION_KEYS as readonly string[]).includes(key)) return 'provision';
  if (key === 'I') return 'placement';
  return key === 'J' ? 'budget' : 'advice';
}

const needOptions = (plan: PlanDocument): FieldSpec['options'] =>
  needsOf(plan).map((n) => ({ value: n.item.id, text: `Section ${n.section}: ${shortText(n.item.statement || n.item.id, 90)}` }));
const outcomeOptions = (plan: PlanDocument): FieldSpec['options'] =>
  plan.sections.E.outcomes.map((o) => ({ value: o.id, text: shortText(o.text || o.id, 90) }));
const adviceOptions = (plan: PlanDocument): FieldSpec['options'] =>
  plan.sections.K.advice.map((a) => ({ value: a.id, text: `${a.title || a.id} (${a.authorRole})` }));

export function sectionFormSpec(key: SectionKey, plan: PlanDocument): SectionFormSpec {
  const kind = kindOf(key);
  const confirmable = (CONFIRMABLE_SECTION_KEYS as readonly string[]).includes(key as ConfirmableSectionKey);
  const base = { key, kind, confirmable, top: [] as FieldSpec[], list: null };
  switch (kind) {
    case 'about-me':
      return {
        ...base,
        top: [
          { name: 'writtenBy', label: 'Who wrote “all about me”?', kind: 'radios', options: optionsOf(SECTION_A_AUTHORS, OPTION_TEXT.writtenBy), hint: 'It should be in the child’s or young person’s own words wherever possible.' },
          { name: 'aspirations', label: 'My aspirations and hopes for the future', kind: 'textarea', optional: true },
          { name: 'interests', label: 'My interests', kind: 'textarea', optional: true },
          { name: 'whatPeopleLikeAndAdmire', label: 'What people like and admire about me', kind: 'textarea', optional: true },
          { name: 'whatIsImportant', label: 'What is important to me', kind: 'textarea', optional: true },
          { name: 'howBestToSupport', label: 'How best to support me', kind: 'textarea', optional: true },
          { name: 'parentsViews', label: 'Parents’ or carers’ views', kind: 'textarea', optional: true, hint: 'Leave empty for a young person who speaks for themselves.' },
        ],
      };
    case 'needs':
      return {
        ...base,
        list: {
          noun: 'need', idPrefix: 'need',
          fields: [
            ...(key === 'B' ? [{ name: 'area', label: 'Broad area of need', kind: 'select' as const, options: optionsOf(BROAD_AREAS, OPTION_TEXT.area) }] : []),
            { name: 'statement', label: 'Need', kind: 'textarea', hint: 'Describe the need and how it affects the child or young person.' },
            { name: 'evidence', label: 'Evidence from the advice in Section K', kind: 'checkboxes', options: adviceOptions(plan), optional: true },
          ],
        },
      };
    case 'outcomes':
      return {
        ...base,
        list: {
          noun: 'outcome', idPrefix: 'outcome',
          fields: [
            { name: 'text', label: 'Outcome', kind: 'textarea' },
            { name: 'successLooksLike', label: 'What success looks like', kind: 'textarea' },
            { name: 'byWhen', label: 'By when', kind: 'date', hint: 'For example, 31 7 2027', optional: true },
            { name: 'preparingForAdulthood', label: 'Preparing for adulthood area (from year 9)', kind: 'select', options: [{ value: '', text: 'None' }, ...optionsOf(PFA_AREAS, OPTION_TEXT.pfa)], optional: true },
            { name: 'needIds', label: 'Needs this outcome relates to', kind: 'checkboxes', options: needOptions(plan), optional: true },
          ],
        },
      };
    case 'provision':
      return {
        ...base,
        list: {
          noun: 'provision item', idPrefix: 'prov',
          fields: [
            { name: 'what', label: 'What the provision is', kind: 'textarea' },
            { name: 'role', label: 'Who delivers it (role)', kind: 'text', optional: true },
            { name: 'qualification', label: 'Their qualification or training', kind: 'text', optional: true },
            { name: 'times', label: 'How many sessions', kind: 'number', classes: 'govuk-input--width-3', optional: true },
            { name: 'per', label: 'Per', kind: 'select', options: optionsOf(FREQUENCY_PERIODS, OPTION_TEXT.per), optional: true },
            { name: 'durationMinutes', label: 'Length of each session in minutes', kind: 'number', classes: 'govuk-input--width-4', optional: true },
            { name: 'groupSize', label: 'Group size', kind: 'number', classes: 'govuk-input--width-3', hint: '1 means 1:1', optional: true },
            { name: 'fundedBy', label: 'Who funds it', kind: 'select', options: optionsOf(FUNDING_SOURCES, OPTION_TEXT.fundedBy) },
            { name: 'needIds', label: 'Needs it meets', kind: 'checkboxes', options: needOptions(plan), optional: true },
            { name: 'outcomeIds', label: 'Outcomes it serves', kind: 'checkboxes', options: outcomeOptions(plan), optional: true },
          ],
        },
      };
    case 'placement':
      return {
        ...base,
        top: [
          { name: 'placementKind', label: 'Placement', kind: 'radios', options: [
            { value: 'none', text: 'Not decided yet' }, { value: 'named', text: 'A named setting' }, { value: 'type-only', text: 'A type of setting only' },
          ] },
          { name: 'settingName', label: 'Name of the setting', kind: 'text', optional: true },
          { name: 'urn', label: 'URN', kind: 'text', classes: 'govuk-input--width-10', hint: '6 digits', optional: true },
          { name: 'ukprn', label: 'UKPRN', kind: 'text', classes: 'govuk-input--width-10', hint: '8 digits, for post-16 providers', optional: true },
          { name: 'settingType', label: 'Type of setting', kind: 'select', options: optionsOf(SETTING_TYPES, OPTION_TEXT.settingType) },
        ],
      };
    case 'budget':
      return {
        ...base,
        list: {
          noun: 'budget item', idPrefix: 'budget',
          fields: [
            { name: 'description', label: 'Description', kind: 'text' },
            { name: 'amount', label: 'Amount in pounds', kind: 'text', classes: 'govuk-input--width-10', hint: 'For example, 1250.00' },
            { name: 'kind', label: 'Kind', kind: 'select', options: optionsOf(BUDGET_KINDS, OPTION_TEXT.budgetKind) },
            { name: 'section', label: 'Provision section it pays for', kind: 'select', options: PROVISION_SECTION_KEYS.map((k) => ({ value: k, text: `Section ${k}` })) },
          ],
        },
      };
    case 'advice':
      return {
        ...base,
        list: {
          noun: 'advice document', idPrefix: 'advice',
          fields: [
            { name: 'title', label: 'Title', kind: 'text' },
            { name: 'source', label: 'Source', kind: 'select', options: optionsOf(ADVICE_SOURCES, OPTION_TEXT.source) },
            { name: 'authorRole', label: 'Author’s role', kind: 'text' },
            { name: 'date', label: 'Date of the advice', kind: 'date', hint: 'For example, 12 3 2025' },
          ],
        },
      };
  }
}
