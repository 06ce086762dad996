/**
 * The embedded store (REDIS_URL absent, and tests): a Map with Redis-like TTL semantics.
 * Expired keys vanish on read; a periodic sweep (unref'd) frees memory.
 */
import { StoreUnavailableError, systemClock, type Clock } from '../domain/ports';
import type { KeyValueStore as Store, MessageBus } from '../domain/ports';
import { assertTtlSeconds } from './ttl';

type Entry =
  | { kind: 'string'; value: string; expiresAt: number | null }
  | { kind: 'sorted'; scores: Map<string, number>; expiresAt: number | null }
  | { kind: 'list'; items: string[]; expiresAt: number | null }
  | { kind: 'hash'; fields: Map<string, number>; expiresAt: number | null };
/** `expiresAt`: epoch milliseconds; null when the key has no TTL (counters). */

export interface MemoryStoreOptions {
  /** How often expired keys are swept; default 60 s. 0 disables the sweep. */
  sweepIntervalMs?: number;
}

const DEFAULT_SWEEP_INTERVAL_MS = 60_000;

function wrongType(): Error {
  return new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
}

/** LRANGE's index arithmetic as slice(from, to) bounds: negatives from the tail, clamped, inclusive stop. */
function lrangeBounds(length: number, start: number, stop: number): [number, number] {
  if (!Number.isInteger(start) || !Number.isInteger(stop)) throw new RangeError('ERR value is not an integer or out of range');
  const from = Math.max(start < 0 ? length + start : start, 0);
  const to = Math.min(stop < 0 ? length + stop : stop, length - 1);
  return from > to ? [0, 0] : [from, to + 1];
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

  function liveList(key: string): Extract<Entry, { kind: 'list' }> | undefined {
    const entry = live(key);
    if (entry && entry.kind !== 'list') throw wrongType();
    return entry;
  }

  /** Appends when the list stays within maxLength, renewing the TTL of the list and of the other live keys named. */
  function appendWithin(name: string, key: string, value: string | readonly string[], maxLength: number, ttlSeconds: number, renew: readonly string[]): number | null {
    assertTtlSeconds(ttlSeconds);
    const values = typeof value === 'string' ? [value] : value;
    if (values.length === 0) throw new RangeError(`${name}: no value to append`);
    if (!Number.isInteger(maxLength)) throw new RangeError(`${name}: maxLength must be an integer`);
    const items = liveList(key)?.items ?? [];
    if (items.length + values.length > maxLength) return null;
    items.push(...values);
    entries.set(key, { kind: 'list', items, expiresAt: expiryIn(ttlSeconds) });
    for (const other of renew) {
      const renewed = live(other);
      if (renewed) renewed.expiresAt = expiryIn(ttlSeconds);
    }
    return items.length;
  }

  function liveHash(key: string): Extract<Entry, { kind: 'hash' }> | undefined {
    const entry = live(key);
    if (entry && entry.kind !== 'hash') throw wrongType();
    return entry;
  }

  /** HINCRBY of each field, then the hash's TTL (nothing when there is no increment). */
  function incrementHash(key: string, increments: Readonly<Record<string, number>>, ttlSeconds: number): void {
    if (Object.keys(increments).length === 0) return;
    const fields = liveHash(key)?.fields ?? new Map<string, number>();
    for (const [field, by] of Object.entries(increments)) {
      if (!Number.isSafeInteger(by)) throw new Error('ERR value is not an integer or out of range');
      fields.set(field, (fields.get(field) ?? 0) + by);
    }
    entries.set(key, { kind: 'hash', fields, expiresAt: expiryIn(ttlSeconds) });
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

    // One process, no replica: nothing to wait for.
    waitForReplicas: () => run(() => true),

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
        if (!entry) return false;
        const removed = entry.scores.delete(member);
        if (entry.scores.size === 0) entries.delete(key);
        return removed;
      }),

    sortedMembers: (key) =>
      run(() =>
        [...(liveSorted(key)?.scores ?? [])]
          .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
          .map(([member, score]) => ({ member, score })),
      ),

    sortedFirst: (key) =>
      run(() => {
        let first: [string, number] | undefined;
        for (const [member, score] of liveSorted(key)?.scores ?? []) {
          if (!first || score < first[1] || (score === first[1] && member < first[0])) first = [member, score];
        }
        return first?.[0] ?? null;
      }),

    sortedSummary: (key) =>
      run(() => {
        const scores = [...(liveSorted(key)?.scores.values() ?? [])];
        return { count: scores.length, lowestScore: scores.length === 0 ? null : Math.min(...scores) };
      }),

    hashIncrement: (key, increments, ttlSeconds) =>
      run(() => {
        assertTtlSeconds(ttlSeconds);
        incrementHash(key, increments, ttlSeconds);
      }),

    hashIncrementAll: (hashes, ttlSeconds) =>
      run(() => {
        assertTtlSeconds(ttlSeconds);
        for (const { key, increments } of hashes) incrementHash(key, increments, ttlSeconds);
      }),

    hashGetAll: (key) => run(() => Object.fromEntries([...(liveHash(key)?.fields ?? [])].map(([field, value]) => [field, String(value)]))),

    listAppend: (key, value, ttlSeconds) =>
      run(() => {
        assertTtlSeconds(ttlSeconds);
        if (typeof value !== 'string' && value.length === 0) throw new RangeError('listAppend: no value to append');
        const items = liveList(key)?.items ?? [];
        items.push(...(typeof value === 'string' ? [value] : value));
        entries.set(key, { kind: 'list', items, expiresAt: expiryIn(ttlSeconds) });
        return items.length;
      }),

    listAppendWithin: (key, value, maxLength, ttlSeconds) => run(() => appendWithin('listAppendWithin', key, value, maxLength, ttlSeconds, [])),

    listAppendWithinRenewing: (key, value, maxLength, ttlSeconds, renewKey) =>
      run(() => appendWithin('listAppendWithinRenewing', key, value, maxLength, ttlSeconds, [renewKey])),

    listAppendCapped: (key, values, keep, ttlSeconds) =>
      run(() => {
        assertTtlSeconds(ttlSeconds);
        if (!Number.isInteger(keep) || keep < 1) throw new RangeError('listAppendCapped: keep must be a positive integer');
        const items = [...(liveList(key)?.items ?? []), ...values].slice(-keep);
        if (items.length > 0) entries.set(key, { kind: 'list', items, expiresAt: expiryIn(ttlSeconds) });
      }),

    setWithCappedList: (key, value, listKey, values, keep, ttlSeconds) =>
      run(() => {
        assertTtlSeconds(ttlSeconds);
        if (!Number.isInteger(keep) || keep < 1) throw new RangeError('setWithCappedList: keep must be a positive integer');
        entries.set(key, { kind: 'string', value, expiresAt: expiryIn(ttlSeconds) });
        const items = [...(liveList(listKey)?.items ?? []), ...values].slice(-keep);
        if (items.length > 0) entries.set(listKey, { kind: 'list', items, expiresAt: expiryIn(ttlSeconds) });
      }),

    listRange: (key, start, stop) =>
      run(() => {
        const items = liveList(key)?.items ?? [];
        return items.slice(...lrangeBounds(items.length, start, stop));
      }),

    close: async () => {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      entries.clear();
    },
  };
}

/**
 * The embedded message bus (one process: REDIS_URL absent, and tests). Like Redis pub/sub, a
 * message reaches the handlers subscribed when it is published, asynchronously, never the publisher's
 * own call stack; a handler that throws does not stop the others.
 */
export function createMemoryBus(): MessageBus {
  const channels = new Map<string, Set<(message: string) => void>>();
  let closed = false;

  return {
    async publish(channel, message) {
      if (closed) throw new StoreUnavailableError('The in-memory bus is closed');
      const handlers = [...(channels.get(channel) ?? [])];
      if (handlers.length === 0) return;
      setImmediate(() => {
        for (const handler of handlers) {
          try {
            handler(message);
          } catch {
            // A subscriber's failure is its own; the others still get the message.
          }
        }
      });
    },

    async subscribe(channel, handler) {
      if (closed) throw new StoreUnavailableError('The in-memory bus is closed');
      // Each subscription is its own entry, even for the same function subscribed twice.
      const subscription = (message: string) => handler(message);
      let handlers = channels.get(channel);
      if (!handlers) {
        handlers = new Set();
        channels.set(channel, handlers);
      }
      handlers.add(subscription);
      return async () => {
        const current = channels.get(channel);
        if (!current) return;
        current.delete(subscription);
        if (current.size === 0) channels.delete(channel);
      };
    },

    async close() {
      closed = true;
      channels.clear();
    },
  };
}
