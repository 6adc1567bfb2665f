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
  'ehc-coordinator': [{ href: '/provision/settings', text: 'Provision', description: 'Settings, places and occupancy; tailored lists of settings from a case.' }],
  'send-manager': [
    { href: '/provision/settings', text: 'Provision', description: 'Settings directory, places and occupancy.' },
    { href: '/provision/ap', text: 'Alternative provision', description: 'Referrals, placements and return to mainstream.' },
    { href: '/provision/costs', text: 'Cost of plans', description: 'Bands, tariffs and the cost of every plan.' },
  ],
  'parent-carer': [{ href: '/family', text: 'Your children', description: 'Their records and who has looked at them.' }],
  'young-person': [{ href: '/family', text: 'Your plan', description: 'Your record and who has looked at it.' }],
};

export function homeLinks(role: Role): HomeLink[] {
  return LINKS[role] ?? [];
}

