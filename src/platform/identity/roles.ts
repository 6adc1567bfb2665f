/**
 * Roles and what each may do. A route declares one permission; the per-record check (is this my
 * case, my child, my council?) happens in the application layer against SQL.
 */
export const ROLES = [
  'parent-carer',
  'young-person',
  'ehc-coordinator',
  'send-manager',
  'setting-senco',
  'health-partner',
  'social-care-partner',
  'mediator',
  'national-analyst',
  'system-admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  'parent-carer': 'Parent or carer',
  'young-person': 'Young person',
  'ehc-coordinator': 'EHC coordinator',
  'send-manager': 'SEND manager',
  'setting-senco': 'Setting SENCO',
  'health-partner': 'Health partner',
  'social-care-partner': 'Social care partner',
  mediator: 'Mediator',
  'national-analyst': 'National analyst',
  'system-admin': 'System administrator',
};

export const PERMISSIONS = [
  'family:own-records', // a family's own children's records and who viewed them
  'caseload:view', // council caseloads and case pages
  'case:record', // record steps on a case
  'case:manage', // reassign, team caseloads, council-wide reports
  'setting:own-pupils', // a SENCO's pupils' plans across councils
  'partner:work-tray', // advice and provision asked of a partner organisation
  'partnership:board', // the partnership board: partners' scorecard, escalations, formal notices
  'mediation:own-cases',
  'insight:local',
  'insight:national', // aggregates only, never person-level
  'provision:view', // settings directory, places, tailored lists
  'provision:manage', // edit settings, bands and tariffs, import/export
  'returns:manage', // statutory returns (SEN2)
  'audit:council', // the council's audit trail
  'finance:view', // high-needs budget, DSG forecast, scenarios, place planning (aggregates only)
  'finance:manage', // budget edits, ledger import, scenarios, capital projects
  'planning:view', // the local inclusion plan and the area inspection evidence pack (aggregates only)
  'planning:edit', // the partnership's priorities, actions and self-evaluation
  'admin:system',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  'parent-carer': ['family:own-records'],
  'young-person': ['family:own-records'],
  'ehc-coordinator': ['caseload:view', 'case:record', 'insight:local', 'provision:view'],
  'send-manager': ['caseload:view', 'case:record', 'case:manage', 'insight:local', 'audit:council', 'provision:view', 'provision:manage', 'returns:manage', 'partnership:board', 'planning:view', 'planning:edit', 'finance:view', 'finance:manage'],
  'setting-senco': ['setting:own-pupils'],
  'health-partner': ['partner:work-tray'],
  'social-care-partner': ['partner:work-tray'],
  mediator: ['mediation:own-cases'],
  'national-analyst': ['insight:national'],
  'system-admin': ['admin:system', 'insight:national', 'finance:view', 'finance:manage'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
