import { formatDateLong } from '../../../platform/web/view-filters.ts';
import { isSelf, type RequestAnswers, type RequestKind } from '../domain/request-answers.ts';
import { pagesFor } from '../domain/request-pages.ts';

interface Row { key: { text: string }; value: { text: string }; actions?: { items: Array<{ href: string; text: string; visuallyHiddenText: string }> } }

/** The summary list on "Check your answers", each row linking back to its page in change mode. */
export function checkAnswerRows(base: string, kind: RequestKind, a: RequestAnswers, councils: ReadonlyArray<{ laCode: string; name: string }>, documentNames: string[]): Row[] {
  const self = isSelf(kind, a);
  const lines: Record<string, Array<[string, string]>> = {
    'who-is-asking': [['Who is asking', a.requester === 'young-person' ? 'A young person asking for themselves' : 'A parent or carer']],
    council: [['Council', councils.find((c) => c.laCode === a.laCode)?.name ?? a.laCode ?? '']],
    consent: [["Parents' agreement", a.consentConfirmed ? 'Confirmed' : 'Not confirmed']],
    'consent-date': [['Date the parents agreed', formatDateLong(a.consentDate)]],
    'child-name': [[self ? 'Your name' : "Child's name", [a.childGivenName, a.childFamilyName].join(' ')]],
    'date-of-birth': [['Date of birth', formatDateLong(a.dateOfBirth)]],
    postcode: [['Postcode', a.postcode ?? '']],
    'school-or-setting': [['School or setting', a.settingName || 'None given']],
    reasons: [['Why the assessment is needed', a.reasons ?? '']],
    evidence: [['Support already provided', a.providedSupport ?? ''], ['Documents', documentNames.length ? documentNames.join(', ') : 'None added']],
    'parent-contact': [['Parent or carer', `${a.parentName ?? ''}, ${a.parentEmail ?? ''}`]],
    'your-name': [['Your name', a.requesterName ?? '']],
    email: [['Email address', a.email ?? '']],
    phone: [['Phone number', a.phone || 'None given']],
    declaration: [['Declaration', a.declaration ? 'Confirmed' : 'Not confirmed']],
  };
  const rows: Row[] = [];
  for (const page of pagesFor(kind, a)) {
    for (const [key, text] of lines[page.slug] ?? []) {
      rows.push({ key: { text: key }, value: { text }, actions: { items: [{ href: `${base}/${page.slug}?change=1`, text: 'Change', visuallyHiddenText: key.toLowerCase() }] } });
    }
  }
  return rows;
}
