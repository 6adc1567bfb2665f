import type { Permission, Role } from './roles.ts';
import { roleHas } from './roles.ts';

export interface RoleAssignment {
  role: Role;
  laCode: string | null;
  organisationId: string | null;
  team: string | null;
}

/** The signed-in person as the request sees them: one active role, and the councils it reaches. */
export interface Principal {
  userId: string;
  displayName: string;
  email: string;
  role: Role;
  /** Councils whose rows this request may see (row-level security scope). Empty for national roles. */
  laCodes: string[];
  organisationIds: string[];
  team: string | null;
  assignments: RoleAssignment[];
}

export function buildPrincipal(
  user: { id: string; display_name: string; email: string },
  assignments: RoleAssignment[],
  activeRole: Role | undefined,
): Principal | undefined {
  const role = activeRole && assignments.some((a) => a.role === activeRole) ? activeRole : assignments[0]?.role;
  if (!role) return undefined;
  const mine = assignments.filter((a) => a.role === role);
  return {
    userId: user.id,
    displayName: user.display_name,
    email: user.email,
    role,
    laCodes: [...new Set(mine.map((a) => a.laCode).filter((c): c is string => c !== null))],
    organisationIds: [...new Set(mine.map((a) => a.organisationId).filter((c): c is string => c !== null))],
    team: mine.find((a) => a.team)?.team ?? null,
    assignments,
  };
}

export function can(principal: Principal | undefined, permission: Permission): boolean {
  return principal !== undefined && roleHas(principal.role, permission);
}
