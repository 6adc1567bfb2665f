import { splitIsoDate } from '../domain/date-input.ts';
import { isSelf, type RequestAnswers, type RequestKind } from '../domain/request-answers.ts';

/**
 * What each question page shows, as GOV.UK Frontend macro parameters. A page with one question
 * makes it the heading (label or legend as <h1>), as the GOV.UK pattern asks.
 */
export interface FieldView { macro: 'input' | 'textarea' | 'radios' | 'select' | 'date' | 'checkboxes'; params: Record<string, unknown> }
export interface QuestionView { heading: string; headingInField: boolean; intro?: string; fields: FieldView[] }
export interface ViewContext {
  kind: RequestKind;
  answers: RequestAnswers;
  /** What was typed (after a failed POST) or undefined to show the stored answers. */
  typed: Record<string, string> | undefined;
  errors: Record<string, { text: string }>;
  councils: ReadonlyArray<{ laCode: string; name: string }>;
  settings: ReadonlyArray<{ id: string; name: string }>;
  defaultLaCode: string;
}

type Build = (c: ViewContext) => QuestionView;

const value = (c: ViewContext, name: string, stored: string | undefined): string => (c.typed ? (c.typed[name] ?? '') : (stored ?? ''));
const err = (c: ViewContext, field: string): { errorMessage?: { text: string } } => (c.errors[field] ? { errorMessage: c.errors[field] } : {});
const heading = (text: string) => ({ text, classes: 'govuk-label--l', isPageHeading: true });
const legend = (text: string) => ({ legend: { text, classes: 'govuk-fieldset__legend--l', isPageHeading: true } });
const you = (c: ViewContext, self: string, other: string): string => (isSelf(c.kind, c.answers) ? self : other);

function single(h: string, field: FieldView, intro?: string): QuestionView {
  return { heading: h, headingInField: true, fields: [field], ...(intro ? { intro } : {}) };
}

function dateField(c: ViewContext, name: string, stored: string | undefined, text: string, hint: string): FieldView {
  const parts = c.typed ? { day: c.typed[`${name}-day`] ?? '', month: c.typed[`${name}-month`] ?? '', year: c.typed[`${name}-year`] ?? '' } : splitIsoDate(stored);
  const bad = c.errors[name] ? ' govuk-input--error' : '';
  return {
    macro: 'date',
    params: {
      id: name, namePrefix: name, fieldset: legend(text), hint: { text: hint }, ...err(c, name),
      items: [
        { name: 'day', label: 'Day', classes: `govuk-input--width-2${bad}`, value: parts.day, inputmode: 'numeric' },
        { name: 'month', label: 'Month', classes: `govuk-input--width-2${bad}`, value: parts.month, inputmode: 'numeric' },
        { name: 'year', label: 'Year', classes: `govuk-input--width-4${bad}`, value: parts.year, inputmode: 'numeric' },
      ],
    },
  };
}

export const QUESTION_VIEWS: Record<string, Build> = {
  'who-is-asking': (c) => single('Who is asking for the assessment?', {
    macro: 'radios',
    params: {
      name: 'requester', idPrefix: 'requester', fieldset: legend('Who is asking for the assessment?'), ...err(c, 'requester'),
      items: [
        { value: 'parent', text: 'I am a parent or carer of the child or young person', checked: value(c, 'requester', c.answers.requester) === 'parent' },
        { value: 'young-person', text: 'I am a young person aged 16 to 25 asking for myself', checked: value(c, 'requester', c.answers.requester) === 'young-person' },
      ],
    },
  }),
  council: (c) => {
    const selected = value(c, 'laCode', c.answers.laCode ?? c.defaultLaCode);
    return single('Which council is responsible?', {
      macro: 'select',
      params: {
        id: 'laCode', name: 'laCode', label: heading('Which council is responsible?'), ...err(c, 'laCode'),
        hint: { text: you(c, 'This is usually the council for the area where you live.', 'This is usually the council for the area where the child lives.') },
        items: c.councils.map((x) => ({ value: x.laCode, text: x.name, selected: x.laCode === selected })),
      },
    });
  },
  consent: (c) => single("Have the child's parents agreed to this request?", {
    macro: 'checkboxes',
    params: {
      name: 'consentConfirmed', idPrefix: 'consentConfirmed', fieldset: legend("Have the child's parents agreed to this request?"), ...err(c, 'consentConfirmed'),
      hint: { text: 'A school or setting must have the agreement of the parents (or of the young person, from 16) before it asks for an assessment.' },
      items: [{ value: 'yes', text: "I confirm the child's parents have agreed to the setting asking for an EHC needs assessment", checked: value(c, 'consentConfirmed', c.answers.consentConfirmed ? 'yes' : '') === 'yes' }],
    },
  }),
  'consent-date': (c) => single('When did the parents agree?', dateField(c, 'consentDate', c.answers.consentDate, 'When did the parents agree?', 'For example, 27 3 2026')),
  'child-name': (c) => ({
    heading: you(c, 'What is your name?', "What is the child's name?"),
    headingInField: false,
    fields: [
      { macro: 'input', params: { id: 'childGivenName', name: 'childGivenName', label: { text: 'First name' }, autocomplete: you(c, 'given-name', 'off'), spellcheck: false, value: value(c, 'childGivenName', c.answers.childGivenName), ...err(c, 'childGivenName') } },
      { macro: 'input', params: { id: 'childFamilyName', name: 'childFamilyName', label: { text: 'Last name' }, autocomplete: you(c, 'family-name', 'off'), spellcheck: false, value: value(c, 'childFamilyName', c.answers.childFamilyName), ...err(c, 'childFamilyName') } },
    ],
  }),
  'date-of-birth': (c) => single(you(c, 'What is your date of birth?', "What is the child's date of birth?"), dateField(c, 'dateOfBirth', c.answers.dateOfBirth, you(c, 'What is your date of birth?', "What is the child's date of birth?"), 'For example, 27 3 2016')),
  postcode: (c) => single(you(c, 'What is your postcode?', "What is the postcode of the child's home?"), {
    macro: 'input',
    params: { id: 'postcode', name: 'postcode', label: heading(you(c, 'What is your postcode?', "What is the postcode of the child's home?")), classes: 'govuk-input--width-10', autocomplete: you(c, 'postal-code', 'off'), spellcheck: false, value: value(c, 'postcode', c.answers.postcode), ...err(c, 'postcode') },
  }),
  'school-or-setting': (c) => {
    const selected = value(c, 'settingId', c.answers.settingId);
    return {
      heading: you(c, 'Which school, college or setting do you go to?', 'Which school, college or setting does the child go to?'),
      headingInField: false,
      intro: "This is optional. Leave it blank if there is not one.",
      fields: [
        { macro: 'select', params: { id: 'settingId', name: 'settingId', label: { text: 'Choose from the council’s list' }, ...err(c, 'settingId'), items: [{ value: '', text: 'Not chosen' }, ...c.settings.map((s) => ({ value: s.id, text: s.name, selected: s.id === selected }))] } },
        { macro: 'input', params: { id: 'settingName', name: 'settingName', label: { text: 'Or enter its name if it is not listed' }, value: c.typed ? (c.typed.settingName ?? '') : c.answers.settingId ? '' : (c.answers.settingName ?? ''), ...err(c, 'settingName') } },
      ],
    };
  },
  reasons: (c) => single(c.kind === 'setting' ? 'Why is the setting asking for an assessment?' : 'Why are you asking for an assessment?', {
    macro: 'textarea',
    params: {
      id: 'reasons', name: 'reasons', rows: 8, label: heading(c.kind === 'setting' ? 'Why is the setting asking for an assessment?' : 'Why are you asking for an assessment?'), ...err(c, 'reasons'), value: value(c, 'reasons', c.answers.reasons),
      hint: { text: you(c, 'Tell us about your needs, what support you get now and why you think it is not enough.', "Tell us about the child's needs, what support they get now and why you think it is not enough.") },
    },
  }),
  'parent-contact': (c) => ({
    heading: 'How can we contact the parent or carer?',
    headingInField: false,
    intro: 'We will tell them we have received the request and when we will decide.',
    fields: [
      { macro: 'input', params: { id: 'parentName', name: 'parentName', label: { text: 'Full name' }, autocomplete: 'off', spellcheck: false, value: value(c, 'parentName', c.answers.parentName), ...err(c, 'parentName') } },
      { macro: 'input', params: { id: 'parentEmail', name: 'parentEmail', type: 'email', label: { text: 'Email address' }, autocomplete: 'off', spellcheck: false, value: value(c, 'parentEmail', c.answers.parentEmail), ...err(c, 'parentEmail') } },
    ],
  }),
  'your-name': (c) => single('What is your name?', {
    macro: 'input',
    params: { id: 'requesterName', name: 'requesterName', label: heading('What is your name?'), autocomplete: 'name', spellcheck: false, value: value(c, 'requesterName', c.answers.requesterName), ...err(c, 'requesterName') },
  }),
  email: (c) => single('What is your email address?', {
    macro: 'input',
    params: { id: 'email', name: 'email', type: 'email', label: heading('What is your email address?'), hint: { text: 'We will use this to tell you what happens next.' }, autocomplete: 'email', spellcheck: false, value: value(c, 'email', c.answers.email), ...err(c, 'email') },
  }),
  phone: (c) => single('What is your phone number? (optional)', {
    macro: 'input',
    params: { id: 'phone', name: 'phone', type: 'tel', label: heading('What is your phone number? (optional)'), hint: { text: 'We will only call if we need to talk to you about the request.' }, classes: 'govuk-input--width-20', autocomplete: 'tel', value: value(c, 'phone', c.answers.phone), ...err(c, 'phone') },
  }),
  declaration: (c) => single('Declaration', {
    macro: 'checkboxes',
    params: {
      name: 'declaration', idPrefix: 'declaration', fieldset: legend('Declaration'), ...err(c, 'declaration'),
      hint: { text: 'The council will use this information to decide whether to assess, and may share it with the professionals it asks for advice.' },
      items: [{ value: 'yes', text: 'I confirm that the information I have given is correct to the best of my knowledge', checked: value(c, 'declaration', c.answers.declaration ? 'yes' : '') === 'yes' }],
    },
  }),
};
