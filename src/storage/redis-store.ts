/**
 * KeyValueStore on Redis (node-redis v5), built so that a slow or absent Redis never holds a call:
 * - no offline queue: a command while disconnected fails at once;
 * - every command is bounded by `commandTimeoutMs`: the library's own `timeout` only covers the wait
 *   before the command is written, so a timer race also bounds the wait for the reply (a late reply
 *   still goes to its own, already rejected, command: replies never shift);
 * - any failure to get an answer becomes a StoreUnavailableError;
 * - reconnection goes on in the background with a capped backoff; client errors are logged, never thrown.
 */
import { createClient, ErrorReply } from 'redis';
import { StoreUnavailableError } from '../domain/ports';
import type { Logger } from '../logging/logger';
import { withDeadline } from './deadline';
import type { KeyValueStore as Store } from '../domain/ports';
import { assertTtlSeconds } from './ttl';

export interface RedisStoreOptions {
  /** redis:// or rediss:// URL. */
  url: string;
  /** Longest wait for one command before it rejects with StoreUnavailableError. */
  commandTimeoutMs: number;
  /** Longest wait for `connect()` (and for one socket connection attempt); default max(1000, commandTimeoutMs). */
  connectTimeoutMs?: number;
  /** Cap of the reconnection backoff; default 5000 ms. */
  maxReconnectDelayMs?: number;
  /** Where connection events go; nothing is logged without it. */
  logger?: Logger;
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
};

const DEFAULT_MIN_CONNECT_TIMEOUT_MS = 1000;
const DEFAULT_MAX_RECONNECT_DELAY_MS = 5000;
const FIRST_RECONNECT_DELAY_MS = 100;

/** Exponential backoff from 100 ms, capped, with up to 20 % jitter so instances do not reconnect in step. */
export function reconnectDelayMs(retries: number, maxDelayMs: number): number {
  const base = Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** Math.min(retries, 20), maxDelayMs);
  return Math.round(base * (0.8 + Math.random() * 0.2));
}

/** The URL without its password, for log lines. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const { commandTimeoutMs, logger } = options;
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.max(DEFAULT_MIN_CONNECT_TIMEOUT_MS, commandTimeoutMs);
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  const where = describeUrl(options.url);

  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    commandOptions: { timeout: commandTimeoutMs },
    socket: {
      connectTimeout: connectTimeoutMs,
      reconnectStrategy: (retries: number) => reconnectDelayMs(retries, maxReconnectDelayMs),
    },
  });

  /** Whether the last event said Redis is unreachable: errors are logged once per outage. */
  let unavailable = false;
  client.on('error', (err: unknown) => {
    if (!unavailable) {
      unavailable = true;
      logger?.error({ err, redis: where }, 'Redis unavailable; reconnecting in the background');
    } else {
      logger?.debug({ err, redis: where }, 'Redis still unavailable');
    }
  });
  client.on('ready', () => {
    if (unavailable) logger?.info({ redis: where }, 'Redis available again');
    else logger?.info({ redis: where }, 'Redis connected');
    unavailable = false;
  });

  let connecting: Promise<void> | undefined;
  let closed = false;

  const timedOut = (command: string) =>
    new StoreUnavailableError(`Redis did not answer ${command} within ${commandTimeoutMs} ms`);
  const failed = (command: string, cause: unknown) =>
    new StoreUnavailableError(`Redis could not run ${command} (${(cause as Error)?.name ?? 'error'})`, { cause });

  /** Runs one command within the deadline; errors other than Redis replies become StoreUnavailableError. */
  async function run<T>(command: string, send: () => Promise<T>): Promise<T> {
    if (closed) throw new StoreUnavailableError('The Redis store is closed');
    if (!client.isReady) throw new StoreUnavailableError(`Redis is not connected (${command})`);
    try {
      return await withDeadline(send(), commandTimeoutMs, () => timedOut(command));
    } catch (error) {
      if (error instanceof StoreUnavailableError || error instanceof ErrorReply) throw error;
      throw failed(command, error);
    }
  }

  function waitUntilReady(): Promise<void> {
    if (client.isReady) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        reject(new StoreUnavailableError(`Redis at ${where} did not answer within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      timer.unref();
      client.once('ready', onReady);
    });
  }

  return {
    async connect() {
      if (closed) throw new StoreUnavailableError('The Redis store is closed');
      if (!connecting) {
        // With a reconnect strategy that always retries, this settles only when ready (or closed).
        connecting = client.connect().then(
          () => undefined,
          (err: unknown) => {
            logger?.error({ err, redis: where }, 'Redis connection abandoned');
          },
        );
      }
      await waitUntilReady();
    },

    isReady: () => client.isReady,

    get: (key) => run('GET', () => client.get(key)),

    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      await run('SET', () => client.set(key, value, { expiration: { type: 'EX', value: ttlSeconds } }));
    },

    async setIfAbsent(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      const reply = await run('SET NX', () =>
        client.set(key, value, { condition: 'NX', expiration: { type: 'EX', value: ttlSeconds } }),
      );
      return reply !== null;
    },

    async del(key) {
      await run('DEL', () => client.del(key));
    },

    incr: (key) => run('INCR', () => client.incr(key)),

    ttl: (key) => run('TTL', () => client.ttl(key)),

    async ping() {
      await run('PING', () => client.ping());
    },

    async sortedAdd(key, member, score, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      await run('ZADD+EXPIRE', () => client.multi().zAdd(key, { score, value: member }).expire(key, ttlSeconds).exec());
    },

    async sortedRemove(key, member) {
      await run('ZREM', () => client.zRem(key, member));
    },

    async sortedFirst(key) {
      const [first] = await run('ZRANGE', () => client.zRange(key, 0, 0));
      return first ?? null;
    },

    async close() {
      if (closed) return;
      closed = true;
      if (!client.isOpen) return;
      if (!client.isReady) {
        client.destroy();
        return;
      }
      try {
        await withDeadline(client.close(), commandTimeoutMs, () => new Error('close timed out'));
      } catch {
        client.destroy();
      }
    },
  };
}
