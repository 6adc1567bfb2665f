/**
 * The sections of the self-evaluation, following the evaluation criteria of the Ofsted and CQC
 * area SEND inspection framework (2023, updated 2025): first the experiences and outcomes of
 * children and young people, then how the partnership's leaders work. The wording is OpenSEND's
 * short form of each criterion; `evidence` names the data-pack figures that bear on it, so the
 * pack can put the partnership's commentary beside the numbers.
 */
export type EvidenceGroup = 'timeliness' | 'requests' | 'reviews' | 'advice' | 'disputes' | 'placements' | 'finance';

export interface FrameworkSection {
  id: string;
  heading: string;
  /** What the partnership is asked to evaluate (the hint on the form). */
  prompt: string;
  evidence: readonly EvidenceGroup[];
}

export const SELF_EVALUATION_SECTIONS: readonly FrameworkSection[] = [
  {
    id: 'identification-and-assessment',
    heading: 'Identification and assessment of need',
    prompt: 'How accurately and quickly children’s needs are identified and assessed, including EHC needs assessments within the statutory time limits.',
    evidence: ['requests', 'timeliness', 'advice'],
  },
  {
    id: 'experiences-of-families',
    heading: 'The experiences of children, young people and families',
    prompt: 'How families take part in decisions about their plans and support, how plans are reviewed, and how disagreements are resolved.',
    evidence: ['reviews', 'disputes'],
  },
  {
    id: 'right-help-right-time',
    heading: 'Children and young people receive the right help at the right time',
    prompt: 'Whether the provision in plans is delivered, including health and social care, and whether children wait for it.',
    evidence: ['advice', 'placements'],
  },
  {
    id: 'outcomes-and-next-steps',
    heading: 'Outcomes and preparation for next steps',
    prompt: 'How well children and young people are prepared for their next steps, including phase transfers and adulthood, and what they achieve.',
    evidence: ['placements', 'reviews'],
  },
  {
    id: 'commissioning-and-provision',
    heading: 'Commissioning and provision',
    prompt: 'How the partnership understands local needs and commissions services and places to meet them, including alternative provision and sufficiency.',
    evidence: ['placements', 'finance'],
  },
  {
    id: 'leadership-and-improvement',
    heading: 'Leadership, co-production and improvement',
    prompt: 'How leaders work together and with families, evaluate services and make improvements.',
    evidence: ['disputes', 'finance'],
  },
];

export function findFrameworkSection(id: string): FrameworkSection | undefined {
  return SELF_EVALUATION_SECTIONS.find((s) => s.id === id);
}
