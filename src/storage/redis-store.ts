/**
 * KeyValueStore on Redis (node-redis v5), built so that a slow or absent Redis never holds a call:
 * - no offline queue: a command while disconnected fails at once;
 * - every command is bounded by `commandTimeoutMs`: the library's own `timeout` only covers the wait
 *   before the command is written, so a timer race also bounds the wait for the reply (a late reply
 *   still goes to its own, already rejected, command: replies never shift);
 * - any failure to get an answer becomes a StoreUnavailableError;
 * - reconnection goes on in the background with a capped backoff; client errors are logged, never thrown.
 * The same store runs on one Redis, on a Sentinel group or on a Cluster (src/storage/redis-target.ts).
 */
import { setMaxListeners } from 'node:events';
import { ErrorReply } from 'redis';
import { StoreTimeoutError, StoreUnavailableError, type Metrics } from '../domain/ports';
import type { Logger } from '../logging/logger';
import { withDeadline } from './deadline';
import type { KeyValueStore as Store, MessageBus } from '../domain/ports';
import { createRedisHandle, type RedisCommands, type RedisHandle, type RedisTarget } from './redis-target';
import { assertTtlSeconds } from './ttl';
import { HINCRBY_EXPIRE, MAX_SCRIPT_VALUES, RPUSH_EXPIRE, runScript, runTtlScript, script, SET_WITH_CAPPED_LIST, ZADD_EXPIRE, type TtlScript } from './ttlScripts';

export interface RedisConnectionOptions {
  /** Longest wait for one command before it rejects with StoreUnavailableError. */
  commandTimeoutMs: number;
  /** Longest wait for `connect()` (and for one socket connection attempt); default max(1000, commandTimeoutMs). */
  connectTimeoutMs?: number;
  /** Cap of the reconnection backoff; default 5000 ms. */
  maxReconnectDelayMs?: number;
  /** Where connection events go; nothing is logged without it. */
  logger?: Logger;
  /** Counts failed commands (timeouts, not connected, errors); nothing is counted without it. */
  metrics?: Pick<Metrics, 'storeFailed'>;
}

/** Either a redis:// URL (one server) or a target: one server, a Sentinel group, a Cluster. */
export type RedisStoreOptions = RedisConnectionOptions &
  (
    | { url: string; target?: undefined }
    | { target: RedisTarget; url?: undefined }
  ) & {
    /**
     * `waitForReplicas` waits for this many replicas, at most `timeoutMs` (Sentinel: 1). Without it,
     * `waitForReplicas` resolves at once (no replica to wait for).
     */
    replication?: { replicas: number; timeoutMs: number };
  };

/**
 * listAppendWithin(Renewing): KEYS = the list, then the keys whose TTL to renew (same slot);
 * ARGV = maxLength, ttlSeconds, values…; the new length, or nil when they do not fit. A renewed key's
 * TTL is set only when it exists (EXPIRE does not create a key).
 */
const APPEND_WITHIN = script(`
if redis.call('LLEN', KEYS[1]) + #ARGV - 2 > tonumber(ARGV[1]) then return false end
local length = redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ARGV[2]) end
return length`);

/** A sorted set's score as Redis reads it (as node-redis writes it). */
function scoreArgument(score: number): string {
  return Number.isFinite(score) ? String(score) : score > 0 ? '+inf' : '-inf';
}

function targetOf(options: { url?: string; target?: RedisTarget }): RedisTarget {
  if (options.target) return options.target;
  if (options.url !== undefined) return { kind: 'standalone', url: options.url };
  throw new TypeError('A Redis store needs a url or a target');
}

export type RedisStore = Store & {
  /**
   * Opens the connection. Resolves once Redis answers; rejects with StoreUnavailableError after
   * `connectTimeoutMs` if it does not, while reconnection goes on in the background (the store
   * becomes usable as soon as Redis is back). Safe to call again.
   */
  connect(): Promise<void>;
  /** True while connected and ready for commands. */
  isReady(): boolean;
  /**
   * The node-redis client (createClient, createSentinel or createCluster, depending on the target)
   * for a library that takes one; it shares the store's connections.
   */
  readonly client: unknown;
  /** Which kind of Redis this store is on. */
  readonly kind: RedisTarget['kind'];
  /**
   * Runs a script of another module on its keys (one slot), with the store's guarantees (deadline,
   * StoreUnavailableError): by its SHA1, its text only when the server answers NOSCRIPT. `command`
   * names it in the failure metrics and messages.
   */
  runScript(command: string, script: TtlScript, keys: string[], args: string[]): Promise<unknown>;
};

const DEFAULT_MIN_CONNECT_TIMEOUT_MS = 1000;
const DEFAULT_MAX_RECONNECT_DELAY_MS = 5000;
const FIRST_RECONNECT_DELAY_MS = 100;
/** After replicas failed to confirm a write, how long writes go without waiting for them. */
const REPLICATION_RETRY_MS = 5000;

/** Exponential backoff from 100 ms, capped, with up to 20 % jitter so instances do not reconnect in step. */
export function reconnectDelayMs(retries: number, maxDelayMs: number): number {
  const base = Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** Math.min(retries, 20), maxDelayMs);
  return Math.round(base * (0.8 + Math.random() * 0.2));
}

/** Resolves once the handle is ready; rejects after `connectTimeoutMs` (connecting goes on). */
async function waitUntilReady(handle: RedisHandle, connectTimeoutMs: number): Promise<void> {
  if (!(await handle.whenReady(connectTimeoutMs))) {
    throw new StoreUnavailableError(`Redis at ${handle.where} did not answer within ${connectTimeoutMs} ms`);
  }
}

/** Closes politely within the command timeout; otherwise drops the connections. */
async function closeHandle(handle: RedisHandle, commandTimeoutMs: number): Promise<void> {
  try {
    await withDeadline(handle.close(), commandTimeoutMs, () => new Error('close timed out'));
  } catch {
    await handle.destroy();
  }
}

/**
 * Drops from node-redis' queue a command still unwritten when its deadline has passed (Redis not
 * reading, the socket backed up), as the library's per-command `timeout` option does, at a fraction
 * of its cost: commands sent within one window (a tenth of the timeout) go through one client view
 * sharing one AbortSignal, aborted once the last of them is past its deadline. An unwritten command
 * may thus stay queued up to one window longer; its caller is answered at its deadline either way.
 * Written commands are unaffected (node-redis detaches them from the signal when it writes them).
 */
function unwrittenCommandDropper(handle: RedisHandle, commandTimeoutMs: number): () => RedisCommands {
  const windowMs = Math.max(1, Math.ceil(commandTimeoutMs / 10));
  let current: RedisCommands | null = null;
  let closesAt = 0;
  return () => {
    const now = Date.now();
    if (current === null || now >= closesAt) {
      const controller = new AbortController();
      // One listener per command of the window not yet written: no "possible leak" warning.
      setMaxListeners(0, controller.signal);
      setTimeout(() => controller.abort(), windowMs + commandTimeoutMs).unref();
      current = handle.commands(controller.signal);
      closesAt = now + windowMs;
    }
    return current;
  };
}

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const { commandTimeoutMs, logger } = options;
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.max(DEFAULT_MIN_CONNECT_TIMEOUT_MS, commandTimeoutMs);
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  const backoff = (retries: number) => reconnectDelayMs(retries, maxReconnectDelayMs);

  // No per-command `timeout` option: node-redis makes it an AbortSignal.timeout per command (~10 µs of
  // CPU each, then a timer firing later); `commands()` below drops unwritten commands more cheaply.
  const handle = createRedisHandle(targetOf(options), { connectTimeoutMs, reconnectDelayMs: backoff });
  const where = handle.where;
  const commands = unwrittenCommandDropper(handle, commandTimeoutMs);

  /** Whether the last event said Redis is unreachable: errors are logged once per outage. */
  let unavailable = false;
  /** Whether the last WAIT fell short: logged once until replicas confirm again. */
  let unreplicated = false;
  /** Before this time (after a shortfall), waitForReplicas does not wait. */
  let waitAgainAt = 0;
  handle.onError((err: unknown) => {
    if (!unavailable) {
      unavailable = true;
      logger?.error({ err, redis: where }, 'Redis unavailable; reconnecting in the background');
    } else {
      logger?.debug({ err, redis: where }, 'Redis still unavailable');
    }
  });
  handle.onReady(() => {
    if (unavailable) logger?.info({ redis: where }, 'Redis available again');
    else logger?.info({ redis: where }, 'Redis connected');
    unavailable = false;
  });

  let connecting: Promise<void> | undefined;
  let closed = false;

  const timedOut = (command: string) =>
    new StoreTimeoutError(`Redis did not answer ${command} within ${commandTimeoutMs} ms`);
  const failed = (command: string, cause: unknown) =>
    new StoreUnavailableError(`Redis could not run ${command} (${(cause as Error)?.name ?? 'error'})`, { cause });

  /**
   * Runs one command within the deadline; errors other than Redis replies become StoreUnavailableError.
   * `send` gets the client to send through (unwritten commands are dropped after their deadline).
   */
  async function run<T>(command: string, send: (redis: RedisCommands) => Promise<T>): Promise<T> {
    try {
      if (closed) throw new StoreUnavailableError('The Redis store is closed');
      if (!handle.isReady()) throw new StoreUnavailableError(`Redis is not connected (${command})`);
      return await withDeadline(send(commands()), commandTimeoutMs, () => timedOut(command));
    } catch (error) {
      options.metrics?.storeFailed(command, error instanceof StoreTimeoutError ? 'timeout' : handle.isReady() ? 'error' : 'unavailable');
      if (error instanceof StoreUnavailableError || error instanceof ErrorReply) throw error;
      throw failed(command, error);
    }
  }
  /** Appends when the list stays within maxLength, renewing the TTL of the list and of the other keys named. */
  async function appendWithin(name: string, command: string, keys: string[], value: string | readonly string[], maxLength: number, ttlSeconds: number): Promise<number | null> {
    assertTtlSeconds(ttlSeconds);
    const values = typeof value === 'string' ? [value] : [...value];
    if (values.length === 0) throw new RangeError(`${name}: no value to append`);
    if (!Number.isInteger(maxLength)) throw new RangeError(`${name}: maxLength must be an integer`);
    const length = await run(command, (redis) => runScript(redis, APPEND_WITHIN, { keys, arguments: [String(maxLength), String(ttlSeconds), ...values] }));
    if (length === null) return null;
    if (typeof length !== 'number') throw new Error(`RPUSH returned ${String(length)}`);
    return length;
  }

  return {
    async connect() {
      if (closed) throw new StoreUnavailableError('The Redis store is closed');
      connecting ??= handle.connect().catch((err: unknown) => {
        logger?.error({ err, redis: where }, 'Redis connection abandoned');
      });
      await waitUntilReady(handle, connectTimeoutMs);
    },

    isReady: () => handle.isReady(),
    client: handle.client,
    kind: handle.kind,

    get: (key) => run('GET', (redis) => redis.get(key)),

    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      await run('SET', (redis) => redis.set(key, value, { expiration: { type: 'EX', value: ttlSeconds } }));
    },

    async setIfAbsent(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      const reply = await run('SET NX', (redis) =>
        redis.set(key, value, { condition: 'NX', expiration: { type: 'EX', value: ttlSeconds } }),
      );
      return reply !== null;
    },

    async del(key) {
      await run('DEL', (redis) => redis.del(key));
    },

    incr: (key) => run('INCR', (redis) => redis.incr(key)),

    ttl: (key) => run('TTL', (redis) => redis.ttl(key)),

    async ping() {
      await run('PING', (redis) => redis.ping());
    },

    async sortedAdd(key, member, score, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      await run('ZADD+EXPIRE', (redis) => runTtlScript(redis, ZADD_EXPIRE, key, [String(ttlSeconds), scoreArgument(score), member]));
    },

    async sortedRemove(key, member) {
      return (await run('ZREM', (redis) => redis.zRem(key, member))) > 0;
    },

    async sortedMembers(key) {
      const members = await run('ZRANGE', (redis) => redis.zRangeWithScores(key, 0, -1));
      return members.map(({ value, score }) => ({ member: value, score }));
    },

    async sortedFirst(key) {
      const [first] = await run('ZRANGE', (redis) => redis.zRange(key, 0, 0));
      return first ?? null;
    },

    async sortedSummary(key) {
      const [count, first] = await run('ZCARD+ZRANGE', (redis) => redis.multi().zCard(key).zRangeWithScores(key, 0, 0).exec());
      const lowest = (first as Array<{ score: number }> | undefined)?.[0];
      return { count: Number(count ?? 0), lowestScore: lowest ? lowest.score : null };
    },

    async hashIncrement(key, increments, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      const fields = Object.entries(increments);
      if (fields.length === 0) return;
      if (fields.length > MAX_SCRIPT_VALUES / 2) throw new RangeError('hashIncrement: too many fields at once');
      await run('HINCRBY+EXPIRE', (redis) => runTtlScript(redis, HINCRBY_EXPIRE, key, [String(ttlSeconds), ...fields.flatMap(([field, by]) => [field, String(by)])]));
    },

    hashGetAll: (key) => run('HGETALL', async (redis) => ({ ...(await redis.hGetAll(key)) })),

    async listAppend(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      if (typeof value !== 'string' && value.length === 0) throw new RangeError('listAppend: no value to append');
      const length =
        typeof value === 'string' || value.length <= MAX_SCRIPT_VALUES
          ? await run('RPUSH+EXPIRE', (redis) => runTtlScript(redis, RPUSH_EXPIRE, key, typeof value === 'string' ? [String(ttlSeconds), value] : [String(ttlSeconds), ...value]))
          : (await run('RPUSH+EXPIRE', (redis) => redis.multi().rPush(key, [...value]).expire(key, ttlSeconds).exec()))[0];
      if (typeof length !== 'number') throw new Error(`RPUSH returned ${String(length)}`);
      return length;
    },

    async listAppendCapped(key, values, keep, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      if (!Number.isInteger(keep) || keep < 1) throw new RangeError('listAppendCapped: keep must be a positive integer');
      await run('RPUSH+LTRIM+EXPIRE', (redis) => {
        const multi = redis.multi();
        if (values.length > 0) multi.rPush(key, [...values]).lTrim(key, -keep, -1);
        return multi.expire(key, ttlSeconds).exec();
      });
    },

    async setWithCappedList(key, value, listKey, values, keep, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      if (!Number.isInteger(keep) || keep < 1) throw new RangeError('setWithCappedList: keep must be a positive integer');
      // Only the last `keep` can stay in the list: the others need not be sent.
      const kept = values.slice(-keep);
      if (kept.length > MAX_SCRIPT_VALUES) throw new RangeError('setWithCappedList: too many values at once');
      await run('SET+RPUSH+LTRIM+EXPIRE', (redis) => runScript(redis, SET_WITH_CAPPED_LIST, { keys: [key, listKey], arguments: [String(ttlSeconds), value, String(keep), ...kept] }));
    },

    listAppendWithin: (key, value, maxLength, ttlSeconds) => appendWithin('listAppendWithin', 'LLEN+RPUSH+EXPIRE', [key], value, maxLength, ttlSeconds),

    listAppendWithinRenewing: (key, value, maxLength, ttlSeconds, renewKey) =>
      appendWithin('listAppendWithinRenewing', 'LLEN+RPUSH+EXPIRE+EXPIRE', [key, renewKey], value, maxLength, ttlSeconds),

    runScript: (command, given, keys, args) => run(command, (redis) => runScript(redis, given, { keys, arguments: args })),

    listRange: (key, start, stop) => {
      if (!Number.isInteger(start) || !Number.isInteger(stop)) {
        return Promise.reject(new RangeError('ERR value is not an integer or out of range'));
      }
      return run('LRANGE', (redis) => redis.lRange(key, start, stop));
    },

    async waitForReplicas(keys) {
      const replication = options.replication;
      if (!replication || replication.replicas < 1 || keys.length === 0) return true;
      // WAIT holds its connection (every command behind it) until it times out: after a shortfall (a
      // replica gone, e.g. the old primary after a failover), try again only once in a while.
      if (Date.now() < waitAgainAt) return false;
      // One connection per node: one WAIT covers every earlier write on it (Cluster: per slot's master).
      const waitOn = handle.kind === 'cluster' ? [...new Set(keys)] : [keys[0]!];
      const counts = await Promise.all(
        waitOn.map((key) =>
          run('WAIT', () => handle.waitForReplicas(key, replication.replicas, Math.max(1, Math.min(replication.timeoutMs, Math.floor(commandTimeoutMs / 2))))),
        ),
      );
      const held = counts.every((count) => count >= replication.replicas);
      if (!held && !unreplicated) logger?.warn({ redis: where }, 'Redis replicas did not confirm a write in time: it stands on the primary only');
      if (held && unreplicated) logger?.info({ redis: where }, 'Redis replicas confirm writes again');
      unreplicated = !held;
      waitAgainAt = held ? 0 : Date.now() + REPLICATION_RETRY_MS;
      return held;
    },

    async close() {
      if (closed) return;
      closed = true;
      await closeHandle(handle, commandTimeoutMs);
    },
  };
}

export type RedisBusOptions = RedisConnectionOptions & ({ url: string; target?: undefined } | { target: RedisTarget; url?: undefined });

export type RedisBus = MessageBus & {
  /** Opens both connections (publish, subscribe); like RedisStore.connect(). Safe to call again. */
  connect(): Promise<void>;
  /** True while both connections are ready. */
  isReady(): boolean;
};


/**
 * MessageBus on Redis pub/sub, with the store's guarantees: every command bounded by
 * `commandTimeoutMs`, failures as StoreUnavailableError, background reconnection with a capped backoff.
 * A subscribing connection can do nothing else, so the bus holds two: one publishes, its duplicate()
 * subscribes. The subscriber subscribes once per channel whatever the number of local handlers, and
 * node-redis subscribes again after a reconnection (what was published in between is lost: readers
 * catch up from the store).
 */
export function createRedisBus(options: RedisBusOptions): RedisBus {
  const { commandTimeoutMs, logger } = options;
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.max(DEFAULT_MIN_CONNECT_TIMEOUT_MS, commandTimeoutMs);
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  const backoff = (retries: number) => reconnectDelayMs(retries, maxReconnectDelayMs);
  const publisher = createRedisHandle(targetOf(options), { connectTimeoutMs, reconnectDelayMs: backoff });
  const subscriber = publisher.duplicate();
  const where = publisher.where;

  for (const [role, handle] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    let unavailable = false;
    handle.onError((err: unknown) => {
      if (!unavailable) {
        unavailable = true;
        logger?.error({ err, redis: where, bus: role }, 'Redis bus unavailable; reconnecting in the background');
      } else {
        logger?.debug({ err, redis: where, bus: role }, 'Redis bus still unavailable');
      }
    });
    handle.onReady(() => {
      if (unavailable) logger?.info({ redis: where, bus: role }, 'Redis bus available again');
      unavailable = false;
    });
  }

  type Handler = (message: string) => void;
  /** Local handlers by channel; a channel is in this map once Redis confirmed its SUBSCRIBE. */
  const handlers = new Map<string, Set<Handler>>();
  /** SUBSCRIBE commands in flight, by channel, so that concurrent subscribers share one. */
  const pending = new Map<string, Promise<void>>();
  /** Channels nobody listens to any more whose UNSUBSCRIBE failed: retried when Redis is back. */
  const stale = new Set<string>();
  let closed = false;
  let connecting: Array<Promise<void>> | undefined;
  const publishing = unwrittenCommandDropper(publisher, commandTimeoutMs);

  const dispatch = (message: string, channel: string) => {
    for (const handler of [...(handlers.get(channel) ?? [])]) {
      try {
        handler(message);
      } catch (err) {
        logger?.error({ err, bus: 'subscriber' }, 'a bus message handler failed');
      }
    }
  };

  function bounded<T>(handle: RedisHandle, command: string, send: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new StoreUnavailableError('The Redis bus is closed'));
    if (!handle.isReady()) return Promise.reject(new StoreUnavailableError(`Redis is not connected (${command})`));
    return withDeadline(send(), commandTimeoutMs, () => new StoreUnavailableError(`Redis did not answer ${command} within ${commandTimeoutMs} ms`)).catch(
      (error: unknown) => {
        if (error instanceof StoreUnavailableError || error instanceof ErrorReply) throw error;
        throw new StoreUnavailableError(`Redis could not run ${command} (${(error as Error)?.name ?? 'error'})`, { cause: error });
      },
    );
  }

  function dropChannel(channel: string): void {
    bounded(subscriber, 'UNSUBSCRIBE', () => subscriber.unsubscribe(channel, dispatch)).then(
      () => stale.delete(channel),
      () => stale.add(channel),
    );
  }

  subscriber.onReady(() => {
    for (const channel of [...stale]) {
      if (handlers.has(channel) || pending.has(channel)) stale.delete(channel);
      else dropChannel(channel);
    }
  });

  return {
    async connect() {
      if (closed) throw new StoreUnavailableError('The Redis bus is closed');
      connecting ??= [publisher, subscriber].map((handle) =>
        handle.connect().catch((err: unknown) => logger?.error({ err, redis: where }, 'Redis bus connection abandoned')),
      );
      await Promise.all([waitUntilReady(publisher, connectTimeoutMs), waitUntilReady(subscriber, connectTimeoutMs)]);
    },

    isReady: () => publisher.isReady() && subscriber.isReady(),

    async publish(channel, message) {
      await bounded(publisher, 'PUBLISH', () => publishing().publish(channel, message));
    },

    async subscribe(channel, handler) {
      const subscription: Handler = (message) => handler(message);
      for (;;) {
        const inFlight = pending.get(channel);
        if (inFlight) {
          await inFlight;
          continue;
        }
        const current = handlers.get(channel);
        if (current) {
          current.add(subscription);
          break;
        }
        const subscribing = bounded(subscriber, 'SUBSCRIBE', () => subscriber.subscribe(channel, dispatch));
        pending.set(channel, subscribing);
        try {
          await subscribing;
          handlers.set(channel, new Set([subscription]));
          stale.delete(channel);
          break;
        } catch (error) {
          // A SUBSCRIBE that timed out may still succeed later: make sure Redis ends unsubscribed.
          if (!closed) dropChannel(channel);
          throw error;
        } finally {
          pending.delete(channel);
        }
      }
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        const current = handlers.get(channel);
        if (!current) return;
        current.delete(subscription);
        if (current.size > 0) return;
        handlers.delete(channel);
        if (!closed) dropChannel(channel);
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      handlers.clear();
      await Promise.all([closeHandle(publisher, commandTimeoutMs), closeHandle(subscriber, commandTimeoutMs)]);
    },
  };
}
