/**
 * Who is asking: an authenticated person with one role and the territories they work for, and the
 * rules of what that role may see and do. Pure: no express, no jose.
 *
 * Territories are département codes; XX stands for the national level (tickets whose département
 * is unknown). Decisions (documented in src/advisors/README.md):
 * - advisor: sees and works on the tickets of their territories only.
 * - coordinator: the same tickets as the advisors of their territories (never another one), plus what
 *   coordinating needs: reassigning the referent, escalating to N3, the audit trail and the
 *   observatory of their territories.
 * - national_admin: every territory, XX included; everything a coordinator may do.
 * - The national team: an advisor or coordinator whose territories include XX sees the national
 *   list (chats and calls handed over before a département was known), as the advisors of a
 *   département see theirs.
 * - authority (ARS, conseil départemental, MDPH): read only, and only the observatory's published
 *   figures of their départements (src/observatory/): no ticket, no personal data, no chat, no
 *   callback, no audit trail; every advisor endpoint refuses them (403), and canSeeTerritory is
 *   false for them whatever the territory.
 */
import { z } from 'zod';
import { DEPARTEMENT_CODE_PATTERN, UNKNOWN_DEPARTEMENT_SEGMENT } from '../tickets/ref';
import type { DepartementCode } from '../domain/vocabulary';

export const ROLES = ['advisor', 'coordinator', 'national_admin', 'authority'] as const;
/** The roles that work on tickets (everyone but the authorities). */
export const CASE_ROLES = ['advisor', 'coordinator', 'national_admin'] as const satisfies readonly Role[];
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The identity provider's stable subject (`sub`). */
  subject: string;
  name?: string;
  role: Role;
  /** The départements the person works for (XX: the national team); 'all' for a national admin. */
  territories: Array<DepartementCode | typeof UNKNOWN_DEPARTEMENT_SEGMENT> | 'all';
}

export const DepartementCodeSchema = z
  .string()
  .regex(DEPARTEMENT_CODE_PATTERN, { error: 'il faut un numéro de département, par exemple 44 ou 2A' });

/** A territory one works for: a département, or XX for the national team. */
export const TerritoryCodeSchema = z.union([DepartementCodeSchema, z.literal(UNKNOWN_DEPARTEMENT_SEGMENT)]);

/** What the token must say, once verified. A national admin works for 'all'; the others list territories (XX: the national team). */
export const PrincipalSchema = z
  .object({
    subject: z.string().min(1).max(255),
    name: z.string().min(1).max(200).optional(),
    role: z.enum(ROLES),
    territories: z.union([z.literal('all'), z.array(TerritoryCodeSchema).min(1).max(102)]),
  })
  .strict()
  .refine((p) => (p.role === 'national_admin') === (p.territories === 'all'), {
    error: 'un administrateur national n’a pas de département (« all ») ; les autres rôles en ont au moins un',
    path: ['territories'],
  });

/** May the principal see (and so act on) what belongs to `territory` (a département code or XX)? */
export function canSeeTerritory(principal: Principal, territory: string): boolean {
  if (!worksOnCases(principal)) return false;
  if (principal.territories === 'all') return true;
  return (principal.territories as readonly string[]).includes(territory);
}

/** The index territories to read when listing for the principal. */
export function territoriesToList(principal: Principal): string[] | 'all' {
  return principal.territories === 'all' ? 'all' : [...principal.territories];
}

/** Everyone but the authorities: they read published figures, never a ticket. */
export function worksOnCases(principal: Principal): boolean {
  return (CASE_ROLES as readonly Role[]).includes(principal.role);
}

/** May the principal read the observatory's published (suppressed, anonymous) figures of `territory`? */
export function readsObservatoryOf(principal: Principal, territory: string): boolean {
  if (principal.role === 'advisor') return false;
  if (principal.territories === 'all') return true;
  return territory !== UNKNOWN_DEPARTEMENT_SEGMENT && principal.territories.includes(territory);
}

/** Coordinating actions: reassign the referent, escalate to N3, read the audit trail and the observatory. */
export function coordinates(principal: Principal): boolean {
  return principal.role === 'coordinator' || principal.role === 'national_admin';
}

/** Who acted, as the audit trail and the case file record it (never more). */
export interface Actor {
  subject: string;
  name?: string;
  role: Role;
}

export function actorOf(principal: Principal): Actor {
  return principal.name === undefined
    ? { subject: principal.subject, role: principal.role }
    : { subject: principal.subject, name: principal.name, role: principal.role };
}
