import { isIsoDate } from '../../domain/iso-date.ts';
import type {
  AdviceItem, BroadArea, EducationalNeed, FrequencyPeriod, FundingSource, Need, NoNeedsConfirmation, Outcome, PersonalBudgetItem, Placement,
  PlanSections, PreparingForAdulthood, ProvisionItem, SectionKey, SectionAAuthor, SettingType,
} from '../../domain/plan-document.ts';
import { addError, emptyErrors, type FormErrors } from '../../../../platform/web/form-errors.ts';
import type { FormValues, Values } from './section-form-values.ts';
import type { SectionFormSpec } from './section-form-spec.ts';

/**
 * Turns form values into the section, noting what cannot be turned into the document's types
 * (a number that is not a number, a date that does not exist). Everything else — required text,
 * codes, references — is left to the plan validator, so the form and the API agree on the rules.
 */
export interface Built<K extends SectionKey> {
  section: PlanSections[K];
  errors: FormErrors;
}

const v = (values: Values, name: string): string => (typeof values[name] === 'string' ? (values[name] as string) : '');
const many = (values: Values, name: string): string[] => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
const orNull = (text: string): string | null => (text === '' ? null : text);

function wholeNumber(errors: FormErrors, field: string, label: string, text: string): number | null {
  if (text === '') return null;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    addError(errors, field, `${label} must be a whole number, 1 or more`);
    return null;
  }
  return Number(text);
}

function date(errors: FormErrors, values: Values, name: string, field: string, label: string, required: boolean): string | null {
  const [day, month, year] = ['day', 'month', 'year'].map((p) => v(values, `${name}-${p}`));
  if (!day && !month && !year) {
    if (required) addError(errors, `${field}-day`, `Enter ${label}`);
    return null;
  }
  const iso = `${year!.padStart(4, '0')}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  if (!/^\d{4}$/.test(year!) || !isIsoDate(iso)) {
    addError(errors, `${field}-day`, `${label[0]!.toUpperCase()}${label.slice(1)} must be a real date`);
    return null;
  }
  return iso;
}

function noNeeds(errors: FormErrors, values: Values): NoNeedsConfirmation | null {
  if (values.confirmed !== 'yes') return null;
  const confirmedBy = v(values, 'confirmedBy');
  const role = v(values, 'role');
  if (!confirmedBy) addError(errors, 'noNeedsConfirmedBy', 'Enter the name of who confirmed that no needs were identified');
  if (!role) addError(errors, 'noNeedsRole', 'Enter the role of who confirmed it');
  const when = date(errors, values, 'date', 'noNeedsDate', 'the date it was confirmed', true);
  return { confirmedBy, role, date: when ?? '' };
}

export function buildSection<K extends SectionKey>(spec: SectionFormSpec, values: FormValues): Built<K> {
  const errors = emptyErrors();
  const { top, items } = values;
  const field = (i: number, name: string): string => `item-${i}-${name}`;
  let section: unknown;
  switch (spec.kind) {
    case 'about-me':
      section = {
        writtenBy: v(top, 'writtenBy') as SectionAAuthor,
        aboutMe: {
          aspirations: v(top, 'aspirations'), interests: v(top, 'interests'), whatPeopleLikeAndAdmire: v(top, 'whatPeopleLikeAndAdmire'),
          whatIsImportant: v(top, 'whatIsImportant'), howBestToSupport: v(top, 'howBestToSupport'),
        },
        parentsViews: orNull(v(top, 'parentsViews')),
      } satisfies PlanSections['A'];
      break;
    case 'needs': {
      const needs = items.map(({ id, f }): Need | EducationalNeed => ({
        id, ...(spec.key === 'B' ? { area: v(f, 'area') as BroadArea } : {}), statement: v(f, 'statement'), evidence: many(f, 'evidence'),
      }));
      section = spec.confirmable ? { needs, noNeedsIdentified: noNeeds(errors, values.noNeeds) } : { needs };
      break;
    }
    case 'outcomes':
      section = {
        outcomes: items.map(({ id, f }, i): Outcome => ({
          id, text: v(f, 'text'), successLooksLike: v(f, 'successLooksLike'), byWhen: date(errors, f, 'byWhen', field(i, 'byWhen'), `the date for outcome ${i + 1}`, false),
          preparingForAdulthood: orNull(v(f, 'preparingForAdulthood')) as PreparingForAdulthood | null, needIds: many(f, 'needIds'),
        })),
      } satisfies PlanSections['E'];
      break;
    case 'provision': {
      const provision = items.map(({ id, f }, i): ProvisionItem => {
        const role = v(f, 'role');
        const qualification = v(f, 'qualification');
        if ((role === '') !== (qualification === '')) addError(errors, field(i, role ? 'qualification' : 'role'), `Provision item ${i + 1}: give both the role and the qualification of who delivers it, or neither yet`);
        const times = wholeNumber(errors, field(i, 'times'), `Provision item ${i + 1}: how many sessions`, v(f, 'times'));
        const per = v(f, 'per');
        if ((times === null) !== (per === '') && !errors.fields[field(i, 'times')]) addError(errors, field(i, times === null ? 'times' : 'per'), `Provision item ${i + 1}: give both how many sessions and per what, or neither yet`);
        const item: ProvisionItem = {
          id, what: v(f, 'what'),
          deliveredBy: role && qualification ? { role, qualification } : null,
          frequency: times !== null && per ? { times, per: per as FrequencyPeriod } : null,
          durationMinutes: wholeNumber(errors, field(i, 'durationMinutes'), `Provision item ${i + 1}: session length`, v(f, 'durationMinutes')),
          groupSize: wholeNumber(errors, field(i, 'groupSize'), `Provision item ${i + 1}: group size`, v(f, 'groupSize')),
          fundedBy: v(f, 'fundedBy') as FundingSource, needIds: many(f, 'needIds'), outcomeIds: many(f, 'outcomeIds'),
        };
        for (const carried of ['startDate', 'endDate', 'reviewBy'] as const) if (v(f, carried)) item[carried] = v(f, carried);
        return item;
      });
      section = spec.confirmable ? { provision, noNeedsIdentified: noNeeds(errors, values.noNeeds) } : { provision };
      break;
    }
    case 'placement': {
      const kind = v(top, 'placementKind');
      const settingType = v(top, 'settingType') as SettingType;
      let placement: Placement | null = null;
      if (kind === 'named') {
        placement = { kind: 'named', settingName: v(top, 'settingName'), settingType };
        if (v(top, 'urn')) placement.urn = v(top, 'urn');
        if (v(top, 'ukprn')) placement.ukprn = v(top, 'ukprn');
      } else if (kind === 'type-only') placement = { kind: 'type-only', settingType };
      else if (kind !== 'none') addError(errors, 'placementKind', 'Select whether the placement is decided');
      section = placement;
      break;
    }
    case 'budget':
      section = {
        items: items.map(({ id, f }, i): PersonalBudgetItem => {
          const amount = v(f, 'amount').replace(/^£/, '').replace(/,/g, '');
          if (!/^\d+(\.\d{1,2})?$/.test(amount)) addError(errors, field(i, 'amount'), `Budget item ${i + 1}: enter the amount in pounds, for example 1250.00`);
          return { id, description: v(f, 'description'), amountPence: Math.round(Number(amount) * 100) || 0, kind: v(f, 'kind') as PersonalBudgetItem['kind'], section: v(f, 'section') as PersonalBudgetItem['section'] };
        }),
      } satisfies PlanSections['J'];
      break;
    case 'advice':
      section = {
        advice: items.map(({ id, f }, i): AdviceItem => {
          const item: AdviceItem = {
            id, title: v(f, 'title'), source: v(f, 'source') as AdviceItem['source'], authorRole: v(f, 'authorRole'),
            date: date(errors, f, 'date', field(i, 'date'), `the date of advice document ${i + 1}`, true) ?? '',
          };
          if (v(f, 'documentId')) item.documentId = v(f, 'documentId');
          return item;
        }),
      } satisfies PlanSections['K'];
      break;
  }
  return { section: section as PlanSections[K], errors };
}
