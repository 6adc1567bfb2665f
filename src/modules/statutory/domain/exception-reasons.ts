/**
 * Reasons a time limit need not be met, as recorded on a case. The Regulations say the authority
 * (or body) "need not comply with the time limit ... if it is impractical to do so because" of one
 * of these. Each rule lists which reasons can suspend it, with the paragraph that says so (see the
 * rule catalogue): the same reason has different citations under different regulations.
 */
export const EXCEPTION_REASONS = [
  {
    code: 'school-closure',
    plain: 'the school or college asked for advice was closed for 4 weeks or more',
    citation: 'SEND Regulations 2014, reg 5(4)(a), 10(4)(a), 27(3)(a)',
  },
  {
    code: 'early-years-closure',
    plain: 'the early years setting asked for advice was closed for 4 weeks or more',
    citation: 'SEND Regulations 2014, reg 5(4)(b), 10(4)(b), 27(3)(b)',
  },
  {
    code: 'exceptional-personal-circumstances',
    plain: 'exceptional personal circumstances',
    citation: 'SEND Regulations 2014, reg 5(4)(c), 8(2)(a), 10(4)(c), 27(3)(c)',
  },
  {
    code: 'absent-from-area',
    plain: 'the child or family was away from the area for 4 weeks or more',
    citation: 'SEND Regulations 2014, reg 5(4)(d), 8(2)(b), 10(4)(d)',
  },
  {
    code: 'missed-appointment',
    plain: 'an appointment for an examination or test was missed',
    citation: 'SEND Regulations 2014, reg 8(2)(c)',
  },
] as const;

export type ExceptionReasonCode = (typeof EXCEPTION_REASONS)[number]['code'];

const BY_CODE = new Map<string, (typeof EXCEPTION_REASONS)[number]>(EXCEPTION_REASONS.map((r) => [r.code, r]));

export function isExceptionReasonCode(code: string): code is ExceptionReasonCode {
  return BY_CODE.has(code);
}

export function exceptionReason(code: ExceptionReasonCode): (typeof EXCEPTION_REASONS)[number] {
  return BY_CODE.get(code)!;
}
