import { ageOn, checkDateInput } from './date-input.ts';
import { MAX_NAME, MAX_TEXT, normaliseEmail, normalisePhone, normalisePostcode } from './contact-details.ts';
import { isSelf, type RequestAnswers, type RequestKind } from './request-answers.ts';

/**
 * The question pages of a request, in order, with their checks. One thing per page; a page is
 * skipped when it does not apply (a young person asking for themselves is not asked "your name"
 * twice). Pure: the web layer renders, this decides.
 */
export interface PageError { field: string; anchor: string; text: string }
export type PageResult = { ok: true; patch: Partial<RequestAnswers> } | { ok: false; errors: PageError[] };
export interface PageContext {
  kind: RequestKind;
  answers: RequestAnswers;
  /** 'YYYY-MM-DD' in England */
  today: string;
  councilCodes: readonly string[];
  settings: ReadonlyArray<{ id: string; name: string }>;
}
export type Form = Readonly<Record<string, string | undefined>>;

export interface RequestPage {
  slug: string;
  kinds: readonly RequestKind[];
  applies?: (a: RequestAnswers, kind: RequestKind) => boolean;
  answered: (a: RequestAnswers) => boolean;
  validate: (form: Form, ctx: PageContext) => PageResult;
}

const text = (form: Form, name: string): string => (form[name] ?? '').trim();
const fail = (field: string, message: string, anchor = field): PageResult => ({ ok: false, errors: [{ field, anchor, text: message }] });
const childOr = (ctx: PageContext, self: string, other: string): string => (isSelf(ctx.kind, ctx.answers) ? self : other);

function nameCheck(value: string, field: string, empty: string, label: string): PageError | undefined {
  if (!value) return { field, anchor: field, text: empty };
  if (value.length > MAX_NAME) return { field, anchor: field, text: `${label} must be ${MAX_NAME} characters or fewer` };
  return undefined;
}

export const PAGES: readonly RequestPage[] = [
  {
    slug: 'who-is-asking', kinds: ['family'], answered: (a) => a.requester !== undefined,
    validate: (f) => (f.requester === 'parent' || f.requester === 'young-person' ? { ok: true, patch: { requester: f.requester } } : fail('requester', 'Select who is asking for the assessment', 'requester')),
  },
  {
    slug: 'council', kinds: ['family'], answered: (a) => a.laCode !== undefined,
    validate: (f, ctx) => (ctx.councilCodes.includes(text(f, 'laCode')) ? { ok: true, patch: { laCode: text(f, 'laCode') } } : fail('laCode', 'Select the council')),
  },
  {
    slug: 'consent', kinds: ['setting'], answered: (a) => a.consentConfirmed === true,
    validate: (f) => (f.consentConfirmed === 'yes' ? { ok: true, patch: { consentConfirmed: true } } : fail('consentConfirmed', "Confirm that the child's parents have agreed to the request")),
  },
  {
    slug: 'consent-date', kinds: ['setting'], answered: (a) => a.consentDate !== undefined,
    validate: (f, ctx) => {
      const r = checkDateInput({ day: text(f, 'consentDate-day'), month: text(f, 'consentDate-month'), year: text(f, 'consentDate-year') }, 'The date the parents agreed', { today: ctx.today, emptyMessage: 'Enter the date the parents agreed' });
      return r.ok ? { ok: true, patch: { consentDate: r.iso } } : fail('consentDate', r.message, `consentDate-${r.part}`);
    },
  },
  {
    slug: 'child-name', kinds: ['family', 'setting'], answered: (a) => a.childGivenName !== undefined,
    validate: (f, ctx) => {
      const given = text(f, 'childGivenName');
      const family = text(f, 'childFamilyName');
      const errors = [
        nameCheck(given, 'childGivenName', childOr(ctx, 'Enter your first name', "Enter the child's first name"), 'First name'),
        nameCheck(family, 'childFamilyName', childOr(ctx, 'Enter your last name', "Enter the child's last name"), 'Last name'),
      ].filter((e): e is PageError => e !== undefined);
      return errors.length ? { ok: false, errors } : { ok: true, patch: { childGivenName: given, childFamilyName: family } };
    },
  },
  {
    slug: 'date-of-birth', kinds: ['family', 'setting'], answered: (a) => a.dateOfBirth !== undefined,
    validate: (f, ctx) => {
      const r = checkDateInput({ day: text(f, 'dateOfBirth-day'), month: text(f, 'dateOfBirth-month'), year: text(f, 'dateOfBirth-year') }, 'Date of birth', {
        today: ctx.today, past: true, emptyMessage: childOr(ctx, 'Enter your date of birth', "Enter the child's date of birth"),
      });
      if (!r.ok) return fail('dateOfBirth', r.message, `dateOfBirth-${r.part}`);
      const age = ageOn(r.iso, ctx.today);
      // EHC plans cover 0 to 25 (CFA 2014 s83); a young person asks for themselves from 16.
      if (age >= 25) return fail('dateOfBirth', childOr(ctx, 'You must be under 25 to ask for an assessment', 'The child or young person must be under 25'), 'dateOfBirth-day');
      if (isSelf(ctx.kind, ctx.answers) && age < 16) return fail('dateOfBirth', 'You must be 16 or over to ask for yourself. A parent or carer can ask for you', 'dateOfBirth-day');
      return { ok: true, patch: { dateOfBirth: r.iso } };
    },
  },
  {
    slug: 'postcode', kinds: ['family', 'setting'], answered: (a) => a.postcode !== undefined,
    validate: (f, ctx) => {
      const v = text(f, 'postcode');
      if (!v) return fail('postcode', childOr(ctx, 'Enter your postcode', "Enter the postcode of the child's home"));
      const p = normalisePostcode(v);
      return p ? { ok: true, patch: { postcode: p } } : fail('postcode', 'Enter a full UK postcode, like AA3 1AB');
    },
  },
  {
    slug: 'school-or-setting', kinds: ['family'], answered: (a) => a.settingName !== undefined,
    validate: (f, ctx) => {
      const id = text(f, 'settingId');
      const typed = text(f, 'settingName');
      if (id) {
        const s = ctx.settings.find((x) => x.id === id);
        return s ? { ok: true, patch: { settingId: s.id, settingName: s.name } } : fail('settingId', 'Select a school or setting from the list');
      }
      if (typed.length > 200) return fail('settingName', 'The name must be 200 characters or fewer');
      // Optional: many children are not in a school or setting.
      return { ok: true, patch: { settingId: '', settingName: typed } };
    },
  },
  {
    slug: 'reasons', kinds: ['family', 'setting'], answered: (a) => a.reasons !== undefined,
    validate: (f, ctx) => {
      const v = text(f, 'reasons');
      if (!v) return fail('reasons', ctx.kind === 'setting' ? "Enter why the setting is asking for an assessment" : 'Enter why you are asking for an assessment');
      if (v.length > MAX_TEXT) return fail('reasons', `Reasons must be ${MAX_TEXT} characters or fewer`);
      return { ok: true, patch: { reasons: v } };
    },
  },
  {
    // What the setting has provided, with its documents: one page, so a rejected file keeps the text.
    slug: 'evidence', kinds: ['setting'], answered: (a) => a.providedSupport !== undefined,
    validate: (f) => {
      const v = text(f, 'providedSupport');
      if (!v) return fail('providedSupport', 'Enter the support the setting has already provided');
      if (v.length > MAX_TEXT) return fail('providedSupport', `The support provided must be ${MAX_TEXT} characters or fewer`);
      return { ok: true, patch: { providedSupport: v } };
    },
  },
  {
    slug: 'parent-contact', kinds: ['setting'], answered: (a) => a.parentEmail !== undefined,
    validate: (f) => {
      const name = text(f, 'parentName');
      const email = text(f, 'parentEmail');
      const errors: PageError[] = [];
      const n = nameCheck(name, 'parentName', "Enter the parent or carer's full name", 'Full name');
      if (n) errors.push(n);
      const e = normaliseEmail(email);
      if (!email) errors.push({ field: 'parentEmail', anchor: 'parentEmail', text: "Enter the parent or carer's email address" });
      else if (!e) errors.push({ field: 'parentEmail', anchor: 'parentEmail', text: 'Enter an email address in the correct format, like name@example.com' });
      return errors.length ? { ok: false, errors } : { ok: true, patch: { parentName: name, parentEmail: e! } };
    },
  },
  {
    slug: 'your-name', kinds: ['family'], applies: (a) => a.requester !== 'young-person', answered: (a) => a.requesterName !== undefined,
    validate: (f) => {
      const v = text(f, 'requesterName');
      const e = nameCheck(v, 'requesterName', 'Enter your full name', 'Full name');
      return e ? { ok: false, errors: [e] } : { ok: true, patch: { requesterName: v } };
    },
  },
  {
    slug: 'email', kinds: ['family'], answered: (a) => a.email !== undefined,
    validate: (f) => {
      const v = text(f, 'email');
      if (!v) return fail('email', 'Enter your email address');
      const e = normaliseEmail(v);
      return e ? { ok: true, patch: { email: e } } : fail('email', 'Enter an email address in the correct format, like name@example.com');
    },
  },
  {
    slug: 'phone', kinds: ['family'], answered: (a) => a.phone !== undefined,
    validate: (f) => {
      const v = text(f, 'phone');
      if (!v) return { ok: true, patch: { phone: '' } };
      const p = normalisePhone(v);
      return p ? { ok: true, patch: { phone: p } } : fail('phone', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192');
    },
  },
  {
    slug: 'declaration', kinds: ['family'], answered: (a) => a.declaration === true,
    validate: (f) => (f.declaration === 'yes' ? { ok: true, patch: { declaration: true } } : fail('declaration', 'Confirm that the information you have given is correct')),
  },
];

export function pagesFor(kind: RequestKind, answers: RequestAnswers): RequestPage[] {
  return PAGES.filter((p) => p.kinds.includes(kind) && (p.applies?.(answers, kind) ?? true));
}

export function findPage(kind: RequestKind, answers: RequestAnswers, slug: string): RequestPage | undefined {
  return pagesFor(kind, answers).find((p) => p.slug === slug);
}

/** Where to go after a page: the next one, or check your answers when changing an answer or at the end. */
export function nextSlug(kind: RequestKind, answers: RequestAnswers, slug: string, changing: boolean): string {
  const pages = pagesFor(kind, answers);
  const firstMissing = pages.find((p) => !p.answered(answers));
  if (changing) return firstMissing?.slug ?? 'check-answers';
  const i = pages.findIndex((p) => p.slug === slug);
  return pages[i + 1]?.slug ?? firstMissing?.slug ?? 'check-answers';
}

/** The first page still to answer, if any: check your answers and sending refuse an incomplete request. */
export function firstUnanswered(kind: RequestKind, answers: RequestAnswers): string | undefined {
  return pagesFor(kind, answers).find((p) => !p.answered(answers))?.slug;
}

/** The page before this one, for the back link. */
export function previousSlug(kind: RequestKind, answers: RequestAnswers, slug: string): string | undefined {
  const pages = pagesFor(kind, answers);
  if (slug === 'check-answers') return pages[pages.length - 1]?.slug;
  const i = pages.findIndex((p) => p.slug === slug);
  return i > 0 ? pages[i - 1]!.slug : undefined;
}
