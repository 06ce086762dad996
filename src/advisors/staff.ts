/**
 * Staff accounts: who may use the console, with which role and for which territories. The identity
 * provider (ProConnect or another OpenID Connect provider) only proves who someone is; this account,
 * kept in our store and managed by people who coordinate, says what they may do. Pure: schemas and
 * the rules of who manages whom.
 *
 * - A national admin manages every account, of every role.
 * - A coordinator manages the advisors of their own départements only (an advisor whose départements
 *   are all among theirs); never a coordinator or a national admin.
 * - Nobody changes or removes their own account (a national admin cannot lock the service out by mistake).
 */
import { z } from 'zod';
import { IsoDate } from './caseFile';
import { DepartementCodeSchema, ROLES, type Principal, type Role } from './principal';

/** The most chats at once anyone may take (an account may allow fewer). */
export const MAX_CAPACITY = 10;
const MaxChatsSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_CAPACITY, { error: `${MAX_CAPACITY} chats en même temps au plus` })
  .describe(`The most chats at once this person may set in the console (1 to ${MAX_CAPACITY}; default ${MAX_CAPACITY})`);

export const StaffEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'l’adresse e-mail n’est pas valide' }).max(254));

const TerritoriesSchema = z.union([z.literal('all'), z.array(DepartementCodeSchema).min(1).max(101)]);
const adminWorksForAll = {
  error: 'un administrateur national n’a pas de département (« all ») ; les autres rôles en ont au moins un',
  path: ['territories'],
};
const isConsistent = (a: { role: Role; territories: string[] | 'all' }) => (a.role === 'national_admin') === (a.territories === 'all');

/** What a manager gives: the role, the territories and, if they wish, a display name. */
export const StaffAccountBodySchema = z
  .object({
    email: StaffEmailSchema,
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES),
    territories: TerritoriesSchema,
    maxChats: MaxChatsSchema.optional(),
  })
  .strict()
  .refine(isConsistent, adminWorksForAll);
export type StaffAccountBody = z.output<typeof StaffAccountBodySchema>;

export const StaffAccountUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES),
    territories: TerritoriesSchema,
    maxChats: MaxChatsSchema.optional(),
  })
  .strict()
  .refine(isConsistent, adminWorksForAll);
export type StaffAccountUpdate = z.output<typeof StaffAccountUpdateSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const StaffAccountSchema = z
  .object({
    email: StaffEmailSchema,
    name: z.string().min(1).max(200).optional(),
    role: z.enum(ROLES),
    territories: TerritoriesSchema,
    maxChats: MaxChatsSchema.optional(),
    /** The identity provider's `sub`, bound at the first sign-in; later sign-ins must match it. */
    subject: z.string().min(1).max(255).optional(),
    createdAt: isoDateTime,
    /** The subject of who created it (`system:bootstrap` for a bootstrap admin). */
    createdBy: z.string().min(1).max(255),
    updatedAt: isoDateTime,
    updatedBy: z.string().min(1).max(255),
    lastSignInAt: isoDateTime.optional(),
  })
  .strict()
  .refine(isConsistent, adminWorksForAll);
export type StaffAccount = z.output<typeof StaffAccountSchema>;

export const StaffAuditQuerySchema = z.object({ day: IsoDate }).strict();

export const StaffListSchema = z.object({ accounts: z.array(StaffAccountSchema) }).strict();

/** May `manager` create, change or remove an account with this role and these territories? */
export function mayManage(manager: Principal, target: { role: Role; territories: readonly string[] | 'all' }): boolean {
  if (manager.role === 'national_admin') return true;
  if (manager.role !== 'coordinator' || target.role !== 'advisor' || target.territories === 'all') return false;
  const own = manager.territories;
  return own !== 'all' && target.territories.length > 0 && target.territories.every((t) => own.includes(t));
}

/** May the principal use the staff API at all? */
export function managesStaff(principal: Principal): boolean {
  return principal.role === 'national_admin' || principal.role === 'coordinator';
}

/** The principal a staff account stands for, once signed in as `subject`. */
export function principalOfAccount(account: StaffAccount, subject: string): Principal {
  return {
    subject,
    ...(account.name !== undefined ? { name: account.name } : {}),
    role: account.role,
    territories: account.territories === 'all' ? 'all' : [...account.territories],
  };
}
