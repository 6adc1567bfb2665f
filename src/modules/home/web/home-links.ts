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
  'parent-carer': [{ href: '/family', text: 'Your children', description: 'Their records and who has looked at them.' }],
  'young-person': [{ href: '/family', text: 'Your plan', description: 'Your record and who has looked at it.' }],
};

export function homeLinks(role: Role): HomeLink[] {
  return LINKS[role] ?? [];
}

