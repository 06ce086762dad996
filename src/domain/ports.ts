/**
 * The contracts between the pure core (flows, routing decisions) and the edges (Redis, Twilio, HTTP).
 * Modules implement these; nothing here imports a library.
 */
import type { DepartementCode } from './vocabulary';

/** Time, injected so that out-of-hours and holiday journeys run at any hour. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Key-value storage port. One Redis implementation, one in-memory implementation, one contract suite.
 * Every command rejects with StoreUnavailableError when the store does not answer in time.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Sets with a TTL in seconds (every key that holds personal data has one). */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only if absent; true when this call created it. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Increments a counter (no personal data), returns the new value. */
  incr(key: string): Promise<number>;
  /** Remaining TTL in seconds; -1 when the key has none, -2 when it does not exist. */
  ttl(key: string): Promise<number>;
  /** Sorted sets (who waits in a Twilio queue, oldest first): adds a member at `score`, sets the set's TTL. */
  sortedAdd(key: string, member: string, score: number, ttlSeconds: number): Promise<void>;
  /** Removes a member; the key disappears with its last member. */
  sortedRemove(key: string, member: string): Promise<void>;
  /** The member with the lowest score (equal scores: the lowest member), or null when empty. */
  sortedFirst(key: string): Promise<string | null>;
  ping(): Promise<void>;
  /**
   * Makes the writes already made to `keys` survive the loss of the primary: resolves true once the
   * configured number of replicas hold them (Redis WAIT), false when they did not confirm in time (the
   * writes stand, on the primary only). True at once when there is no replica to wait for.
   */
  waitForReplicas(keys: readonly string[]): Promise<boolean>;
  close(): Promise<void>;
  /**
   * Lists (a chat transcript, oldest first): appends `value` at the tail (RPUSH) and sets the list's
   * TTL (EXPIRE), atomically; returns the new length, which is the watermark of the appended item.
   */
  listAppend(key: string, value: string, ttlSeconds: number): Promise<number>;
  /**
   * Items `start`..`stop` inclusive, with LRANGE semantics: 0-based, negative indexes count from the
   * tail (-1 is the last), out-of-range indexes are clamped; [] when the key does not exist.
   */
  listRange(key: string, start: number, stop: number): Promise<string[]>;
}

export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** A département as the places data knows it. */
export interface Departement {
  code: DepartementCode;
  name: string;
  timeZone: string;
}

/**
 * Publish/subscribe between the processes of the service (a chat activity posted through process B
 * reaches the WebSocket held by process A). Delivery is at most once: a subscriber that was
 * disconnected misses what was published meanwhile, so messages are notifications and the store
 * stays the source of truth. One Redis implementation, one in-memory implementation, one contract.
 */
export interface MessageBus {
  /** Sends `message` to every current subscriber of `channel` (in every process); rejects with StoreUnavailableError when the bus does not answer in time. */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Calls `handler` for every message published on `channel` from now on, until the returned
   * function is called (it never rejects). Rejects with StoreUnavailableError when the bus is down.
   */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
