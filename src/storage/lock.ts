/**
 * A short lock on one record while it is read, changed and written (SET NX with a TTL, so that a
 * process that dies never holds it for long). `busy()` makes the error thrown when it stays taken.
 */
import type { KeyValueStore } from '../domain/ports';

export interface LockOptions {
  /** How long the lock lives if its holder dies. */
  seconds: number;
  tries: number;
  waitMs: number;
}

export async function withStoreLock<T>(store: KeyValueStore, lockKey: string, options: LockOptions, busy: () => Error, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < options.tries; attempt++) {
    if (await store.setIfAbsent(lockKey, '1', options.seconds)) {
      try {
        return await work();
      } finally {
        await store.del(lockKey);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, options.waitMs));
  }
  throw busy();
}
