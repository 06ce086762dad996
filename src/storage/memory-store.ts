/**
 * The embedded store (REDIS_URL absent, and tests): a Map with Redis-like TTL semantics.
 * Expired keys vanish on read; a periodic sweep (unref'd) frees memory.
 */
import { StoreUnavailableError, systemClock, type Clock } from '../domain/ports';
import type { KeyValueStore as Store } from '../domain/ports';
import { assertTtlSeconds } from './ttl';

type Entry =
  | { kind: 'string'; value: string; expiresAt: number | null }
  | { kind: 'sorted'; scores: Map<string, number>; expiresAt: number | null };
/** `expiresAt`: epoch milliseconds; null when the key has no TTL (counters). */

export interface MemoryStoreOptions {
  /** How often expired keys are swept; default 60 s. 0 disables the sweep. */
  sweepIntervalMs?: number;
}

const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

function wrongType(): Error {
  return new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
}

export function createMemoryStore(clock: Clock = systemClock, options: MemoryStoreOptions = {}): Store {
  const entries = new Map<string, Entry>();
  let closed = false;

  const nowMs = () => clock.now().getTime();
  const isExpired = (entry: Entry, now: number) => entry.expiresAt !== null && entry.expiresAt <= now;
  const expiryIn = (ttlSeconds: number) => nowMs() + ttlSeconds * 1000;

  function live(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (entry && isExpired(entry, nowMs())) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function liveString(key: string): Extract<Entry, { kind: 'string' }> | undefined {
    const entry = live(key);
    if (entry && entry.kind !== 'string') throw wrongType();
    return entry;
  }

  function liveSorted(key: string): Extract<Entry, { kind: 'sorted' }> | undefined {
    const entry = live(key);
    if (entry && entry.kind !== 'sorted') throw wrongType();
    return entry;
  }

  function sweep(): void {
    const now = nowMs();
    for (const [key, entry] of entries) {
      if (isExpired(entry, now)) entries.delete(key);
    }
  }

  const sweepIntervalMs = options.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
  const sweeper = sweepIntervalMs > 0 ? setInterval(sweep, sweepIntervalMs) : undefined;
  sweeper?.unref();

  /** Runs a command as the Redis store would: asynchronously, and never after close(). */
  async function run<T>(command: () => T): Promise<T> {
    if (closed) throw new StoreUnavailableError('The in-memory store is closed');
    return command();
  }

  return {
    get: (key) => run(() => liveString(key)?.value ?? null),

    set: (key, value, ttlSeconds) =>
      run(() => {
        assertTtlSeconds(ttlSeconds);
        entries.set(key, { kind: 'string', value, expiresAt: expiryIn(ttlSeconds) });
      }),

    setIfAbsent: (key, value, ttlSeconds) =>
      run(() => {
        assertTtlSeconds(ttlSeconds);
        if (live(key)) return false;
        entries.set(key, { kind: 'string', value, expiresAt: expiryIn(ttlSeconds) });
        return true;
      }),

    del: (key) =>
      run(() => {
        entries.delete(key);
      }),

    incr: (key) =>
      run(() => {
        const entry = liveString(key);
        const text = entry?.value ?? '0';
        const next = Number(text) + 1;
        if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(next)) {
          throw new Error('ERR value is not an integer or out of range');
        }
        entries.set(key, { kind: 'string', value: String(next), expiresAt: entry?.expiresAt ?? null });
        return next;
      }),

    ttl: (key) =>
      run(() => {
        const entry = live(key);
        if (!entry) return -2;
        if (entry.expiresAt === null) return -1;
        return Math.ceil((entry.expiresAt - nowMs()) / 1000);
      }),

    ping: () => run(() => undefined),

    sortedAdd: (key, member, score, ttlSeconds) =>
      run(() => {
        assertTtlSeconds(ttlSeconds);
        const scores = liveSorted(key)?.scores ?? new Map<string, number>();
        scores.set(member, score);
        entries.set(key, { kind: 'sorted', scores, expiresAt: expiryIn(ttlSeconds) });
      }),

    sortedRemove: (key, member) =>
      run(() => {
        const entry = liveSorted(key);
        if (!entry) return;
        entry.scores.delete(member);
        if (entry.scores.size === 0) entries.delete(key);
      }),

    sortedFirst: (key) =>
      run(() => {
        let first: [string, number] | undefined;
        for (const [member, score] of liveSorted(key)?.scores ?? []) {
          if (!first || score < first[1] || (score === first[1] && member < first[0])) first = [member, score];
        }
        return first?.[0] ?? null;
      }),

    close: async () => {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      entries.clear();
    },
  };
}
