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
  /** Removes a member; the key disappears with its last member. True when this call removed it (it was there). */
  sortedRemove(key: string, member: string): Promise<boolean>;
  /** Every member with its score, lowest score first ([] when the key does not exist). */
  sortedMembers(key: string): Promise<Array<{ member: string; score: number }>>;
  /** The member with the lowest score (equal scores: the lowest member), or null when empty. */
  sortedFirst(key: string): Promise<string | null>;
  /** How many members, and the lowest score (null when empty): who waits, and since when the first. */
  sortedSummary(key: string): Promise<{ count: number; lowestScore: number | null }>;
  /**
   * Hashes of counters (daily figures, no personal data): adds each increment to its field (HINCRBY)
   * and sets the hash's TTL (EXPIRE), atomically.
   */
  hashIncrement(key: string, increments: Readonly<Record<string, number>>, ttlSeconds: number): Promise<void>;
  /**
   * `hashIncrement` of several hashes, all with `ttlSeconds`: one round trip where the store can (one
   * Redis server; on a Cluster, one per slot), each hash's increments and TTL atomic as with `hashIncrement`.
   */
  hashIncrementAll(hashes: ReadonlyArray<{ key: string; increments: Readonly<Record<string, number>> }>, ttlSeconds: number): Promise<void>;
  /** Every field of a hash ({} when the key does not exist). */
  hashGetAll(key: string): Promise<Record<string, string>>;
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
   * Several values: appended in order, together (one RPUSH); the length is the last one's watermark.
   */
  listAppend(key: string, value: string | readonly string[], ttlSeconds: number): Promise<number>;
  /**
   * As `listAppend`, when the list then holds at most `maxLength` items; otherwise nothing is appended
   * and it resolves null. One atomic step (the bound checked and the values appended together).
   */
  listAppendWithin(key: string, value: string | readonly string[], maxLength: number, ttlSeconds: number): Promise<number | null>;
  /**
   * As `listAppendWithin`, and in the same atomic step, when the values are appended, sets the TTL of
   * `renewKey` (a record that goes with the list, in the same slot: same hash tag) to `ttlSeconds` if
   * it exists (a missing one is not created). One round trip instead of two.
   */
  listAppendWithinRenewing(key: string, value: string | readonly string[], maxLength: number, ttlSeconds: number, renewKey: string): Promise<number | null>;
  /**
   * A bounded list (a chat's transcript): appends `values` (possibly none) at the tail, keeps the last
   * `keep` items only (LTRIM) and sets the list's TTL, atomically. With no value, the TTL of the
   * list (if it exists) is renewed and nothing else changes.
   */
  listAppendCapped(key: string, values: readonly string[], keep: number, ttlSeconds: number): Promise<void>;
  /**
   * A record and its bounded list together (a chat's state and its transcript), in one atomic step:
   * `set(key, value, ttlSeconds)` and `listAppendCapped(listKey, values, keep, ttlSeconds)`. Both keys
   * in one slot (same hash tag). One round trip instead of two.
   */
  setWithCappedList(key: string, value: string, listKey: string, values: readonly string[], keep: number, ttlSeconds: number): Promise<void>;
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

/** The store did not answer a command within its deadline (a StoreUnavailableError like the others). */
export class StoreTimeoutError extends StoreUnavailableError {
  constructor(message: string) {
    super(message);
    this.name = 'StoreTimeoutError';
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

/**
 * Live figures (Prometheus, src/metrics): the edges (routes, turn executors, the store) tell what
 * happened, in named calls; the flows never count. Arguments are codes from closed lists (a
 * département or null, a need id, a channel, a route as registered), never personal data: the
 * implementation maps anything else to a catch-all value.
 */
export interface Metrics {
  /** A new call (not a retried webhook); its territory is not known yet. */
  callStarted(): void;
  /**
   * A ticket saved by a turn: a call or chat put through (to its territory or the national level), or a
   * callback requested. A call tells each once: its first hand-off (not the national fallback that
   * follows a failed queue) and its callback request.
   */
  ticketSaved(channel: 'voice' | 'chat', ticket: { kind: 'routed' | 'callback' | 'fallback'; departement: string | null; need: string | null }): void;
  /** A call's first ticket (its first hand-off or callback request): its need, once per call, whatever follows. */
  callOriented(departement: string | null, need: string | null): void;
  /** A call is over (status callback): connected, abandoned in a menu or in the queue, callback booked, declined. */
  callEnded(departement: string | null, outcome: string): void;
  /** A caller left a Twilio queue (<Enqueue action>): how, and after how many seconds. */
  queueLeft(departement: unknown, result: string, waitedSeconds: number | undefined): void;
  /** A web chat conversation opened (its territory is not known yet). */
  chatStarted(): void;
  /** A chat conversation's first ticket (its first hand-off or callback request): one contact of the chat channel, and its need, whatever follows. */
  chatContact(departement: string | null, need: string | null): void;
  /**
   * A chat hand-off ended: an advisor took it (answered), or the person left before anyone did
   * (abandoned). Once per conversation. `at`: when it ended, if not now (a person found gone later).
   */
  chatHandoffEnded(departement: string | null, outcome: 'answered' | 'abandoned', at?: Date): void;
  /**
   * An advisor reached a person who had asked to be called back (once per callback, at the attempt
   * that reached them); `requestedAt`: when the callback was asked for (ISO 8601), null if unknown.
   */
  callbackDone(departement: string | null, requestedAt: string | null): void;
  /** The chat answered from the knowledge base, or said it was not sure. */
  faqAnswered(result: 'answered' | 'not_sure'): void;
  /** Words of danger found in what a person wrote or said. */
  dangerDetected(channel: 'voice' | 'chat', category: string): void;
  /**
   * The second-stage question of safety (« Êtes-vous en danger en ce moment ? ») was asked about a
   * kind of danger (`asked`), or its answer came: `yes` (the emergency of that kind), `no`, or
   * `no_answer` (anything else: another message, silence, a hang-up).
   */
  dangerCheck(channel: 'voice' | 'chat', kind: string, outcome: DangerCheckOutcome): void;
  /** A store command failed: no answer in time, not connected, or another error. */
  storeFailed(command: string, kind: 'timeout' | 'unavailable' | 'error'): void;
  /** A voice webhook or a chat turn answered, by route as registered (never a raw path). */
  requestServed(kind: 'voice' | 'chat', route: string, seconds: number): void;
}

/** What became of a second-stage question of safety (see Metrics.dangerCheck). */
export type DangerCheckOutcome = 'asked' | 'yes' | 'no' | 'no_answer';

/** Tells every one of `sinks` (the live figures and the daily ones) what happened. */
export function allMetrics(...sinks: readonly Metrics[]): Metrics {
  const each =
    <K extends keyof Metrics>(name: K) =>
    (...args: Parameters<Metrics[K]>): void => {
      for (const sink of sinks) (sink[name] as (...a: Parameters<Metrics[K]>) => void)(...args);
    };
  return {
    callStarted: each('callStarted'),
    ticketSaved: each('ticketSaved'),
    callOriented: each('callOriented'),
    callEnded: each('callEnded'),
    queueLeft: each('queueLeft'),
    chatStarted: each('chatStarted'),
    chatContact: each('chatContact'),
    chatHandoffEnded: each('chatHandoffEnded'),
    callbackDone: each('callbackDone'),
    faqAnswered: each('faqAnswered'),
    dangerDetected: each('dangerDetected'),
    dangerCheck: each('dangerCheck'),
    storeFailed: each('storeFailed'),
    requestServed: each('requestServed'),
  };
}

/** Counts nothing: for a module tested alone. */
export const NO_METRICS: Metrics = {
  callStarted: () => undefined,
  ticketSaved: () => undefined,
  callOriented: () => undefined,
  callEnded: () => undefined,
  queueLeft: () => undefined,
  chatStarted: () => undefined,
  chatContact: () => undefined,
  chatHandoffEnded: () => undefined,
  callbackDone: () => undefined,
  faqAnswered: () => undefined,
  dangerDetected: () => undefined,
  dangerCheck: () => undefined,
  storeFailed: () => undefined,
  requestServed: () => undefined,
};
