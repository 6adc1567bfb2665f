import { formatDate } from '../domain/iso-date.ts';
import type { NoNeedsConfirmation, PlanDocument, SectionKey } from '../domain/plan-document.ts';
import { SECTION_KEYS, SECTION_TITLES } from '../domain/plan-document.ts';
import { needsOf } from '../domain/plan-items.ts';
import { describeProvisionQuantity } from '../domain/provision-wording.ts';
import { kindOf, type SectionFormKind } from './forms/section-form-spec.ts';
import { OPTION_TEXT } from './plan-wording.ts';

/**
 * The plan as people read it: every code turned into words and every link (need → provision →
 * outcome, need → advice) spelt out, computed once so the templates only lay it out. The same
 * model feeds the plan page, the PDF, the family's view and the conflict page.
 */
export interface SectionView {
  key: SectionKey;
  heading: string;
  kind: SectionFormKind;
  aboutMe?: { writtenBy: string; rows: Array<{ label: string; text: string }>; parentsViews: string | null };
  needs?: Array<{ id: string; area: string | null; statement: string; evidence: string }>;
  outcomes?: Array<{ id: string; text: string; successLooksLike: string; byWhen: string; pfa: string | null; needs: string }>;
  provision?: Array<{ id: string; what: string; quantity: string; fundedBy: string; needs: string; outcomes: string }>;
  placement?: string | null;
  budget?: Array<{ id: string; description: string; amount: string; kind: string; section: string }>;
  advice?: Array<{ id: string; title: string; source: string; authorRole: string; date: string }>;
  noNeeds?: string | null;
  empty: boolean;
}

export interface PlanView {
  childName: string;
  dateOfBirth: string;
  laName: string;
  version: number;
  status: 'draft' | 'final';
  issued: string | null;
  primaryNeed: string;
  secondaryNeeds: string;
  sections: SectionView[];
}

export const sectionHeading = (key: SectionKey): string => `Section ${key}: ${SECTION_TITLES[key].charAt(0).toUpperCase()}${SECTION_TITLES[key].slice(1)}`;

const ABOUT_ME_LABELS = {
  aspirations: 'My aspirations and hopes for the future', interests: 'My interests', whatPeopleLikeAndAdmire: 'What people like and admire about me',
  whatIsImportant: 'What is important to me', howBestToSupport: 'How best to support me',
} as const;

function confirmation(c: NoNeedsConfirmation | null): string | null {
  return c ? `No needs identified. Confirmed by ${c.confirmedBy} (${c.role}) on ${formatDate(c.date)}.` : null;
}

export function sectionView(plan: PlanDocument, key: SectionKey, names: Names = namesOf(plan)): SectionView {
  const heading = sectionHeading(key);
  const kind = kindOf(key);
  const s = plan.sections;
  const join = (ids: string[], map: Map<string, string>): string => ids.map((id) => map.get(id) ?? id).join('; ') || 'None';
  switch (kind) {
    case 'about-me':
      return {
        key, heading, kind, empty: false,
        aboutMe: {
          writtenBy: OPTION_TEXT.writtenBy[s.A.writtenBy],
          rows: Object.entries(ABOUT_ME_LABELS).map(([field, label]) => ({ label, text: s.A.aboutMe[field as keyof typeof ABOUT_ME_LABELS] })),
          parentsViews: s.A.parentsViews,
        },
      };
    case 'needs': {
      const section = s[key as 'B' | 'C' | 'D'];
      return {
        key, heading, kind, empty: section.needs.length === 0,
        needs: section.needs.map((n) => ({ id: n.id, area: 'area' in n ? OPTION_TEXT.area[n.area as keyof typeof OPTION_TEXT.area] : null, statement: n.statement, evidence: join(n.evidence, names.advice) })),
        noNeeds: 'noNeedsIdentified' in section ? confirmation(section.noNeedsIdentified) : null,
      };
    }
    case 'outcomes':
      return {
        key, heading, kind, empty: s.E.outcomes.length === 0,
        outcomes: s.E.outcomes.map((o) => ({
          id: o.id, text: o.text, successLooksLike: o.successLooksLike, byWhen: o.byWhen ? formatDate(o.byWhen) : 'Not yet decided',
          pfa: o.preparingForAdulthood ? OPTION_TEXT.pfa[o.preparingForAdulthood] : null, needs: join(o.needIds, names.needs),
        })),
      };
    case 'provision': {
      const section = s[key as 'F' | 'G' | 'H1' | 'H2'];
      return {
        key, heading, kind, empty: section.provision.length === 0,
        provision: section.provision.map((p) => ({
          id: p.id, what: p.what, quantity: describeProvisionQuantity(p), fundedBy: OPTION_TEXT.fundedBy[p.fundedBy],
          needs: join(p.needIds, names.needs), outcomes: join(p.outcomeIds, names.outcomes),
        })),
        noNeeds: 'noNeedsIdentified' in section ? confirmation(section.noNeedsIdentified) : null,
      };
    }
    case 'placement': {
      const p = s.I;
      const type = p ? OPTION_TEXT.settingType[p.settingType] : '';
      return {
        key, heading, kind, empty: p === null,
        placement: p === null ? null : p.kind === 'named'
          ? `${p.settingName} (${type.toLowerCase()}${p.urn ? `, URN ${p.urn}` : ''}${p.ukprn ? `, UKPRN ${p.ukprn}` : ''})`
          : `${type} (type of setting only; no setting named yet)`,
      };
    }
    case 'budget':
      return {
        key, heading, kind, empty: s.J.items.length === 0,
        budget: s.J.items.map((j) => ({ id: j.id, description: j.description, amount: `£${(j.amountPence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`, kind: OPTION_TEXT.budgetKind[j.kind], section: `Section ${j.section}` })),
      };
    case 'advice':
      return {
        key, heading, kind, empty: s.K.advice.length === 0,
        advice: s.K.advice.map((k) => ({ id: k.id, title: k.title, source: OPTION_TEXT.source[k.source], authorRole: k.authorRole, date: formatDate(k.date) })),
      };
  }
}

interface Names {
  needs: Map<string, string>;
  outcomes: Map<string, string>;
  advice: Map<string, string>;
}

function namesOf(plan: PlanDocument): Names {
  return {
    needs: new Map(needsOf(plan).map((n) => [n.item.id, n.item.statement])),
    outcomes: new Map(plan.sections.E.outcomes.map((o) => [o.id, o.text])),
    advice: new Map(plan.sections.K.advice.map((a) => [a.id, `${a.title} (${a.authorRole}, ${formatDate(a.date)})`])),
  };
}

export function planView(plan: PlanDocument): PlanView {
  const names = namesOf(plan);
  return {
    childName: `${plan.child.givenName} ${plan.child.familyName}`,
    dateOfBirth: formatDate(plan.child.dateOfBirth),
    laName: plan.la.name,
    version: plan.version,
    status: plan.status,
    issued: plan.issuedOn ? `${formatDate(plan.issuedOn)}${plan.issuedBy ? ` by ${plan.issuedBy.name} (${plan.issuedBy.role})` : ''}` : null,
    primaryNeed: plan.primaryNeed,
    secondaryNeeds: plan.secondaryNeeds.join(', ') || 'None',
    sections: SECTION_KEYS.map((key) => sectionView(plan, key, names)),
  };
}
