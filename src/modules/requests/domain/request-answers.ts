/** What a request draft holds. Only answers that passed their page's checks are ever stored. */
export type RequestKind = 'family' | 'setting';
export type Requester = 'parent' | 'young-person';

export interface RequestAnswers {
  requester?: Requester;
  laCode?: string;
  childGivenName?: string;
  childFamilyName?: string;
  /** 'YYYY-MM-DD' */
  dateOfBirth?: string;
  postcode?: string;
  settingId?: string;
  settingName?: string;
  reasons?: string;
  requesterName?: string;
  email?: string;
  phone?: string;
  declaration?: boolean;
  // A setting's request
  consentConfirmed?: boolean;
  consentDate?: string;
  parentName?: string;
  parentEmail?: string;
  providedSupport?: string;
}

export const ANSWER_KEYS = [
  'requester', 'laCode', 'childGivenName', 'childFamilyName', 'dateOfBirth', 'postcode', 'settingId', 'settingName', 'reasons',
  'requesterName', 'email', 'phone', 'declaration', 'consentConfirmed', 'consentDate', 'parentName', 'parentEmail', 'providedSupport',
] as const satisfies ReadonlyArray<keyof RequestAnswers>;

/** Reads stored JSON back, keeping only known keys of the right type. */
export function readAnswers(json: Record<string, unknown>): RequestAnswers {
  const out: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) {
    const v = json[key];
    if (typeof v === 'string' || typeof v === 'boolean') out[key] = v;
  }
  return out as RequestAnswers;
}

export const childName = (a: RequestAnswers): string => [a.childGivenName, a.childFamilyName].filter(Boolean).join(' ');

/** How the pages refer to the child: "you" when a young person asks for themselves. */
export const isSelf = (kind: RequestKind, a: RequestAnswers): boolean => kind === 'family' && a.requester === 'young-person';
