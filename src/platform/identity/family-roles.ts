import type { Role } from './roles.ts';

/** Roles held by families themselves; every other role is council or partner staff. */
export const FAMILY_ROLES: readonly Role[] = ['parent-carer', 'young-person'];

export const isFamilyRole = (role: string): boolean => (FAMILY_ROLES as readonly string[]).includes(role);
