/**
 * The staff use cases: list, create, change and remove accounts (each change audited), and the
 * sign-in decision (does this proven identity have an account, and which principal is it?).
 */
import type { Clock } from '../domain/ports';
import type { AuditEntry, AuditTrail } from './audit';
import { actorOf, type Principal } from './principal';
import type { Outcome } from './service';
import { MAX_CAPACITY, managesStaff, mayManage, principalOfAccount, type StaffAccount, type StaffAccountBody, type StaffAccountUpdate } from './staff';
import type { StaffDirectory } from './staffDirectory';

/** Who the identity provider says signed in (already verified: id_token, userinfo). */
export interface ProvenIdentity {
  subject: string;
  email: string;
  /** false only when the provider says the e-mail is not verified. */
  emailVerified: boolean;
  /** Given name and usual name as the provider gives them. */
  name?: string;
}

export type SignInDecision =
  | { ok: true; account: StaffAccount; principal: Principal }
  | { ok: false; reason: 'no_account' | 'email_not_verified' | 'subject_mismatch' };

const BOOTSTRAP_ACTOR = 'system:bootstrap';
const STAFF_AUDIT_ACTIONS = new Set(['staff.create', 'staff.update', 'staff.delete', 'staff.list', 'session.sign_in', 'session.sign_out']);

export interface StaffService {
  list(principal: Principal): Promise<Outcome<{ accounts: StaffAccount[] }>>;
  create(principal: Principal, body: StaffAccountBody): Promise<Outcome<StaffAccount>>;
  update(principal: Principal, email: string, body: StaffAccountUpdate): Promise<Outcome<StaffAccount>>;
  remove(principal: Principal, email: string): Promise<Outcome<{ removed: string }>>;
  /** The staff changes and sign-ins of one day (YYYY-MM-DD) the principal may read. */
  auditOfDay(principal: Principal, day: string): Promise<Outcome<{ entries: AuditEntry[] }>>;
  signIn(identity: ProvenIdentity): Promise<SignInDecision>;
  /** The current principal of a session (null when the account was removed or rebound meanwhile). */
  principalOf(email: string, subject: string): Promise<Principal | null>;
  recordSignOut(principal: Principal): Promise<void>;
  /** The most chats at once the account signed in as `subject` allows (MAX_CAPACITY without an account or a limit). */
  chatLimitOf(subject: string): Promise<number>;
}

export function createStaffService(deps: { directory: StaffDirectory; audit: AuditTrail; clock: Clock; bootstrapAdminEmails: readonly string[] }): StaffService {
  const { directory, audit, clock } = deps;
  const now = () => clock.now().toISOString();
  const forbidden = (error: string): Outcome<never> => ({ ok: false, status: 403, error });
  const detailOf = (account: Pick<StaffAccount, 'email' | 'role' | 'territories'>) => ({
    account: account.email,
    role: account.role,
    territories: account.territories === 'all' ? ['all'] : account.territories,
  });
  const isSelf = (principal: Principal, account: StaffAccount) => account.subject !== undefined && account.subject === principal.subject;

  return {
    async list(principal) {
      if (!managesStaff(principal)) return forbidden('Seuls les coordinateurs et l’équipe nationale gèrent les comptes.');
      const accounts = (await directory.list()).filter((a) => mayManage(principal, a) || isSelf(principal, a));
      await audit.record({ actor: actorOf(principal), action: 'staff.list', detail: { count: accounts.length } });
      return { ok: true, value: { accounts } };
    },

    async create(principal, body) {
      if (!managesStaff(principal)) return forbidden('Seuls les coordinateurs et l’équipe nationale gèrent les comptes.');
      if (!mayManage(principal, body)) return forbidden('Vous ne pouvez gérer que les conseillers de vos départements.');
      const outcome = await directory.update<Outcome<StaffAccount>>(body.email, (current) => {
        if (current) return { next: 'keep', result: { ok: false, status: 409, error: 'Un compte existe déjà avec cette adresse.' } };
        const at = now();
        const account: StaffAccount = {
          email: body.email,
          ...(body.name !== undefined ? { name: body.name } : {}),
          role: body.role,
          territories: body.territories,
          ...(body.maxChats !== undefined ? { maxChats: body.maxChats } : {}),
          createdAt: at,
          createdBy: principal.subject,
          updatedAt: at,
          updatedBy: principal.subject,
        };
        return { next: account, result: { ok: true, value: account } };
      });
      if (outcome.ok) await audit.record({ actor: actorOf(principal), action: 'staff.create', detail: detailOf(outcome.value) });
      return outcome;
    },

    async update(principal, email, body) {
      if (!managesStaff(principal)) return forbidden('Seuls les coordinateurs et l’équipe nationale gèrent les comptes.');
      const outcome = await directory.update<Outcome<StaffAccount>>(email, (current) => {
        if (!current || !(mayManage(principal, current) || isSelf(principal, current))) return { next: 'keep', result: { ok: false, status: 404, error: 'Ce compte n’existe pas ou n’est pas de vos départements.' } };
        if (isSelf(principal, current)) return { next: 'keep', result: { ok: false, status: 409, error: 'Vous ne pouvez pas modifier votre propre compte.' } };
        if (!mayManage(principal, body)) return { next: 'keep', result: forbidden('Vous ne pouvez gérer que les conseillers de vos départements.') };
        const { name: _oldName, maxChats: _oldMaxChats, ...rest } = current;
        const name = body.name ?? current.name;
        const maxChats = body.maxChats ?? current.maxChats;
        const next: StaffAccount = {
          ...rest,
          ...(name !== undefined ? { name } : {}),
          ...(maxChats !== undefined ? { maxChats } : {}),
          role: body.role,
          territories: body.territories,
          updatedAt: now(),
          updatedBy: principal.subject,
        };
        return { next, result: { ok: true, value: next } };
      });
      if (outcome.ok) await audit.record({ actor: actorOf(principal), action: 'staff.update', detail: detailOf(outcome.value) });
      return outcome;
    },

    async remove(principal, email) {
      if (!managesStaff(principal)) return forbidden('Seuls les coordinateurs et l’équipe nationale gèrent les comptes.');
      const outcome = await directory.update<Outcome<StaffAccount>>(email, (current) => {
        if (!current || !(mayManage(principal, current) || isSelf(principal, current))) return { next: 'keep', result: { ok: false, status: 404, error: 'Ce compte n’existe pas ou n’est pas de vos départements.' } };
        if (isSelf(principal, current)) return { next: 'keep', result: { ok: false, status: 409, error: 'Vous ne pouvez pas retirer votre propre compte.' } };
        return { next: 'remove', result: { ok: true, value: current } };
      });
      if (!outcome.ok) return outcome;
      await audit.record({ actor: actorOf(principal), action: 'staff.delete', detail: detailOf(outcome.value) });
      return { ok: true, value: { removed: outcome.value.email } };
    },

    async auditOfDay(principal, day) {
      if (!managesStaff(principal)) return forbidden('Seuls les coordinateurs et l’équipe nationale gèrent les comptes.');
      const entries = (await audit.ofDay(day)).filter((entry) => {
        if (!STAFF_AUDIT_ACTIONS.has(entry.action)) return false;
        if (principal.role === 'national_admin') return true;
        // A coordinator reads what concerns the advisors of their territories, and their own acts.
        if (entry.actor.subject === principal.subject) return true;
        const territories = entry.detail?.territories;
        return entry.detail?.role === 'advisor' && Array.isArray(territories) && mayManage(principal, { role: 'advisor', territories });
      });
      return { ok: true, value: { entries } };
    },

    async signIn(identity) {
      if (!identity.emailVerified) return { ok: false, reason: 'email_not_verified' };
      const email = identity.email.trim().toLowerCase();
      const seen = await directory.bySubject(identity.subject);
      let bootstrapped = false;
      const decision = await directory.update<SignInDecision>(seen?.email ?? email, (current) => {
        const at = now();
        let account = current;
        if (!account && deps.bootstrapAdminEmails.includes(email)) {
          account = { email, role: 'national_admin', territories: 'all', createdAt: at, createdBy: BOOTSTRAP_ACTOR, updatedAt: at, updatedBy: BOOTSTRAP_ACTOR };
          bootstrapped = true;
        }
        if (!account) return { next: 'keep', result: { ok: false, reason: 'no_account' } };
        if (account.subject !== undefined && account.subject !== identity.subject) return { next: 'keep', result: { ok: false, reason: 'subject_mismatch' } };
        const name = account.name ?? identity.name;
        const next: StaffAccount = { ...account, ...(name !== undefined ? { name } : {}), subject: identity.subject, lastSignInAt: at };
        return { next, result: { ok: true, account: next, principal: principalOfAccount(next, identity.subject) } };
      });
      if (decision.ok) {
        await audit.record({
          actor: actorOf(decision.principal),
          action: 'session.sign_in',
          detail: { ...detailOf(decision.account), ...(bootstrapped ? { bootstrap: true } : {}) },
        });
      }
      return decision;
    },

    async principalOf(email, subject) {
      const account = await directory.get(email);
      return account && account.subject === subject ? principalOfAccount(account, subject) : null;
    },

    async chatLimitOf(subject) {
      return (await directory.bySubject(subject))?.maxChats ?? MAX_CAPACITY;
    },

    async recordSignOut(principal) {
      await audit.record({ actor: actorOf(principal), action: 'session.sign_out' });
    },
  };
}
