import type { Role } from '../../../platform/identity/roles.ts';

export interface HomeLink {
  href: string;
  text: string;
  description: string;
}

/**
 * The main things each role comes to do. A link is listed only once the page behind it exists.
 */
const LINKS: Partial<Record<Role, HomeLink[]>> = {
  'ehc-coordinator': [{ href: '/caseload', text: 'Caseload', description: 'Your cases, their stage and next statutory deadline.' }, { href: '/timeliness', text: 'Timeliness', description: 'Decisions within 6 weeks and plans within 20 weeks.' }, { href: '/reviews', text: 'Annual reviews', description: 'Reviews due and overdue, amendments, phase transfers and moves between councils.' }, { href: '/disputes', text: 'Disputes', description: 'Open disagreements, mediations and appeals, the plan sections they are about and their next deadlines.' }, { href: '/provision/settings', text: 'Provision', description: 'Settings, places and occupancy; tailored lists of settings from a case.' }, { href: '/insight', text: 'How the local area is doing', description: "Indicators from the case records beside England, the region and similar councils, with the partnership's narrative." }],
  'send-manager': [
    { href: '/caseload?scope=council', text: 'Caseload', description: 'Every case in the council, its stage and next statutory deadline.' },
    { href: '/timeliness', text: 'Timeliness', description: 'Requests, decisions within 6 weeks and plans within 20 weeks.' },
    { href: '/reviews', text: 'Annual reviews', description: 'Reviews due and overdue, amendments, phase transfers and moves between councils.' },
    { href: '/disputes', text: 'Disputes', description: 'Every open disagreement, mediation and appeal, its plan sections and next deadline; analysis by section.' },
    { href: '/provision/settings', text: 'Provision', description: 'Settings directory, places and occupancy.' },
    { href: '/provision/ap', text: 'Alternative provision', description: 'Referrals, placements and return to mainstream.' },
    { href: '/provision/costs', text: 'Cost of plans', description: 'Bands, tariffs and the cost of every plan.' },
    { href: '/partnership', text: 'Local SEND partnership', description: "Partners' scorecard: advice on time, what is late and what was done about it, formal notices, provision not delivered; board pack." },
    { href: '/finance', text: 'High-needs budget and forecast', description: 'Budget against committed and actual spend, the five-year DSG forecast, scenarios and the specialist place gap.' },
    { href: '/returns/sen2', text: 'SEN2 return', description: 'Check the statutory return before submission and download it.' },
    { href: '/admin/records', text: 'Retention and subject access', description: 'Retention periods, records due for deletion, legal holds and subject access exports.' },
    { href: '/insight', text: 'How the local area is doing', description: "Indicators from the case records beside England, the region and similar councils, with the partnership's narrative." },
    { href: '/planning', text: 'Inclusion plan and inspection evidence', description: 'The local inclusion plan and the area SEND inspection evidence pack, as pages and PDFs; priorities, actions and self-evaluation.' },
  ],
  'parent-carer': [{ href: '/family', text: 'Your children', description: 'Where each assessment is, what happens next and by when; who has looked at their records.' }, { href: '/family/disputes', text: 'Disagreements and appeals', description: 'Mediation and appeals about decisions, with what you can do and by when.' }, { href: '/family/provision', text: 'Health and social care in the plan', description: 'What health and social care committed to in the plan, and telling us if it is not happening.' }],
  'young-person': [{ href: '/family', text: 'Your plan', description: 'Where your assessment is, what happens next and by when; who has looked at your record.' }, { href: '/family/disputes', text: 'Disagreements and appeals', description: 'Mediation and appeals about decisions, with what you can do and by when.' }, { href: '/family/provision', text: 'Health and social care in the plan', description: 'What health and social care committed to in the plan, and telling us if it is not happening.' }],
  'setting-senco': [{ href: '/setting/pupils', text: 'Pupils with EHC plans', description: 'Every plan for pupils at your setting, across councils: reviews coming up and overdue.' }, { href: '/setting-request', text: 'Ask for an EHC needs assessment', description: "For a pupil, with the parents' agreement and the setting's evidence." }],
  'national-analyst': [{ href: '/national', text: 'EHC plans in every council', description: 'Aggregate figures for every council using OpenSEND, small numbers suppressed.' }],
  mediator: [{ href: '/mediation', text: 'Mediation cases', description: 'The mediations assigned to you, with the dates to meet.' }],
  'health-partner': [{ href: '/work-tray', text: 'Advice requests', description: 'Advice asked of your organisation, by when, and what is overdue.' }],
  'social-care-partner': [{ href: '/work-tray', text: 'Advice requests', description: 'Advice asked of your organisation, by when, and what is overdue.' }],
};

export function homeLinks(role: Role): HomeLink[] {
  return LINKS[role] ?? [];
}

