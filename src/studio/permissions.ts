/**
 * Who may do what in the studio (pure). Decisions (issue 11):
 * - national_admin: everything (flow, prompts, FAQ, safety messages, national settings, crisis switch).
 * - coordinator: the entries of their own territories (hours, closures, target, messages), never the
 *   flow, the prompts, the FAQ, the safety messages or the national settings.
 * - advisor: reads the versions and drafts, changes nothing. Authorities: nothing.
 */
import { canSeeTerritory, worksOnCases, type Principal } from '../advisors/principal';
import type { Scope } from './diff';

const PART_NAMES: Record<string, string> = {
  national: 'les réglages nationaux',
  flow: 'le parcours vocal',
  prompts: 'les phrases',
  faq: 'la FAQ (foire aux questions)',
  safety: 'les messages de sécurité',
  other: 'les fichiers nationaux',
};

export function readsStudio(principal: Principal): boolean {
  return worksOnCases(principal);
}

/** May the principal write a draft at all? */
export function editsStudio(principal: Principal): boolean {
  return principal.role === 'national_admin' || principal.role === 'coordinator';
}

/** Null when allowed; else why not, in French. */
export function refusalOf(principal: Principal, scopes: readonly Scope[]): string | null {
  if (principal.role === 'national_admin') return null;
  if (principal.role !== 'coordinator') return 'Votre rôle permet de lire le studio, pas de le modifier.';
  for (const scope of scopes) {
    if ('part' in scope) return `Seule l’équipe nationale peut modifier ${PART_NAMES[scope.part] ?? scope.part}.`;
    if (!canSeeTerritory(principal, scope.territory)) return `Vous ne pouvez pas modifier le territoire ${scope.territory} : ce n’est pas le vôtre.`;
  }
  return null;
}

/** The crisis switch: national admins only. A territory's exceptional closure: also its coordinators. */
export function mayUseCrisisSwitch(principal: Principal): boolean {
  return principal.role === 'national_admin';
}

export function mayCloseTerritory(principal: Principal, territory: string): boolean {
  return refusalOf(principal, [{ territory }]) === null;
}

/** The second person of the two-person rule on safety numbers. */
export function mayApprove(principal: Principal): boolean {
  return principal.role === 'national_admin';
}
