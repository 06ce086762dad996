/**
 * Where staff accounts live: one key per account (by e-mail), one per bound subject (`sub` → e-mail),
 * and one list of every e-mail for listing. Every write happens under one short lock, so two managers
 * never lose each other's change. Every key has a TTL: an account nobody uses or changes for
 * STAFF_RETENTION_DAYS expires (each sign-in renews it).
 */
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import { StaffAccountSchema, type StaffAccount } from './staff';
import { withStoreLock } from '../storage/lock';

export const STAFF_RETENTION_DAYS = 400;
const TTL_SECONDS = STAFF_RETENTION_DAYS * 24 * 3600;
const LOCK = { seconds: 5, tries: 50, waitMs: 20 };

export class StaffDirectoryBusyError extends Error {
  constructor() {
    super('Les comptes changent en ce moment. Réessayez dans un instant.');
    this.name = 'StaffDirectoryBusyError';
  }
}

export interface StaffDirectory {
  get(email: string): Promise<StaffAccount | null>;
  /** The account a subject signed in as, or null when this subject was never seen. */
  bySubject(subject: string): Promise<StaffAccount | null>;
  list(): Promise<StaffAccount[]>;
  /**
   * Runs `change` on the current account (null when absent) under the directory's lock, and writes
   * what it returns: an account (saved, TTL renewed), 'remove', or 'keep' (nothing written).
   */
  update<T>(email: string, change: (current: StaffAccount | null) => { next: StaffAccount | 'remove' | 'keep'; result: T }): Promise<T>;
}

export function createStaffDirectory(store: KeyValueStore, keys: StoreKeys): StaffDirectory {
  const parse = (raw: string | null): StaffAccount | null => {
    if (raw === null) return null;
    const parsed = StaffAccountSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  };
  const get = async (email: string) => parse(await store.get(keys.staffAccount(email)));
  const readIndex = async (): Promise<string[]> => {
    const raw = await store.get(keys.staffIndex());
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((e): e is string => typeof e === 'string') : [];
  };
  const withLock = <T>(work: () => Promise<T>): Promise<T> =>
    withStoreLock(store, keys.lock('staff', 'directory'), LOCK, () => new StaffDirectoryBusyError(), work);

  return {
    get,
    async bySubject(subject) {
      const email = await store.get(keys.staffBySubject(subject));
      if (email === null) return null;
      const account = await get(email);
      return account?.subject === subject ? account : null;
    },
    async list() {
      const accounts = await Promise.all((await readIndex()).map(get));
      return accounts.filter((a): a is StaffAccount => a !== null).sort((a, b) => a.email.localeCompare(b.email));
    },
    update(email, change) {
      return withLock(async () => {
        const current = await get(email);
        const { next, result } = change(current);
        if (next === 'keep') return result;
        const index = new Set(await readIndex());
        if (next === 'remove') {
          index.delete(email);
          await store.del(keys.staffAccount(email));
          if (current?.subject !== undefined) await store.del(keys.staffBySubject(current.subject));
        } else {
          const account = StaffAccountSchema.parse(next);
          index.add(account.email);
          await store.set(keys.staffAccount(account.email), JSON.stringify(account), TTL_SECONDS);
          if (account.subject !== undefined) await store.set(keys.staffBySubject(account.subject), account.email, TTL_SECONDS);
        }
        await store.set(keys.staffIndex(), JSON.stringify([...index].sort()), TTL_SECONDS);
        return result;
      });
    },
  };
}
