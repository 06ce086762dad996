/**
 * The Redis connection the chat's rate limits count on (src/directline/rate-limit.ts): its own
 * node-redis client — createClient, createSentinel or createCluster, as for the store — on the same
 * target as the store, built by redis-target.ts with the store's connection options (no offline
 * queue: while Redis does not answer, a command fails at once and each process counts in its own
 * memory). Each hit is one script on one key (`EVALSHA`, see src/directline/rate-limit.ts), so on a
 * Cluster it goes to the master of that key's slot.
 *
 * Not awaited: connecting goes on in the background (Sentinel and Cluster: retried until it
 * succeeds); the limits count per process until then.
 */
import type { Logger } from '../logging/logger';
import { reconnectDelayMs } from './redis-store';
import { createRedisHandle, type RedisHandle, type RedisTarget } from './redis-target';

export interface RateLimitRedisOptions {
  /** Longest wait for one socket connection attempt. */
  connectTimeoutMs: number;
  /** Cap of the reconnection backoff; default 5000 ms (the store's). */
  maxReconnectDelayMs?: number;
  /** Told once when Redis stops answering (again after it came back); nothing is logged without it. */
  logger?: Logger;
}

const DEFAULT_MAX_RECONNECT_DELAY_MS = 5000;

/** Opens the connection; `handle.client` is what rate-limiter-flexible takes, `handle.destroy()` closes it. */
export function openRateLimitRedis(target: RedisTarget, options: RateLimitRedisOptions): RedisHandle {
  const maxDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  const handle = createRedisHandle(target, {
    connectTimeoutMs: options.connectTimeoutMs,
    reconnectDelayMs: (retries) => reconnectDelayMs(retries, maxDelayMs),
  });
  let warned = false;
  handle.onError((err) => {
    if (!warned) options.logger?.warn({ err, redis: handle.where }, 'rate limits: Redis does not answer, counting per process meanwhile');
    warned = true;
  });
  handle.onReady(() => {
    warned = false;
  });
  handle.connect().catch(() => undefined);
  return handle;
}
