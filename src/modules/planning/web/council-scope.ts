import type { Principal } from '../../../platform/identity/principal.ts';

/**
 * The council whose plan and evidence a page shows: the signed-in person's own. Planning roles
 * belong to one council; anyone without one gets a 404 rather than another council's documents.
 */
export function councilOf(principal: Principal): string | undefined {
  return principal.laCodes.length === 1 ? principal.laCodes[0] : undefined;
}
