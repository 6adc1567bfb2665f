import type { PlanDocument, Sen2NeedCode } from '../domain/plan-document.ts';
import { SCHEMA_VERSION } from '../domain/plan-document.ts';

const UPN = /^[A-Z][0-9]{11}[0-9A-Z]$/;

/**
 * The first draft of a plan: the child's details and the council come from the case, every
 * section starts empty. Section A starts as the child's own voice, which is what the checklist
 * asks for; the family or the caseworker changes it if someone else writes it.
 */
export function newDraftDocument(input: {
  planId: string;
  child: { givenName: string; familyName: string; dateOfBirth: string; upn: string | null };
  la: { code: string; name: string };
  primaryNeed: Sen2NeedCode;
}): PlanDocument {
  const { child } = input;
  const empty = { provision: [], noNeedsIdentified: null };
  return {
    schemaVersion: SCHEMA_VERSION,
    planId: input.planId,
    version: 1,
    status: 'draft',
    child: { givenName: child.givenName, familyName: child.familyName, dateOfBirth: child.dateOfBirth, ...(child.upn && UPN.test(child.upn) ? { upn: child.upn } : {}) },
    la: input.la,
    primaryNeed: input.primaryNeed,
    secondaryNeeds: [],
    sections: {
      A: { writtenBy: 'child', aboutMe: { aspirations: '', interests: '', whatPeopleLikeAndAdmire: '', whatIsImportant: '', howBestToSupport: '' }, parentsViews: null },
      B: { needs: [] },
      C: { needs: [], noNeedsIdentified: null },
      D: { needs: [], noNeedsIdentified: null },
      E: { outcomes: [] },
      F: { provision: [] },
      G: { ...empty },
      H1: { ...empty },
      H2: { ...empty },
      I: null,
      J: { items: [] },
      K: { advice: [] },
    },
  };
}
