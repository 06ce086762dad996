/**
 * Rate limits that hold across processes: fixed windows counted in Redis (rate-limiter-flexible's
 * RateLimiterRedis on a node-redis client), so that N processes still allow `limit` per window, not
 * N × `limit`. Without Redis (the embedded store), or while Redis does not answer within
 * `timeoutMs`, each process counts in its own memory (the library's insurance limiter): limits stay
 * on, only per process for that time.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisCommands } from '../storage/redis-target';
import { runScript, script, type TtlScript } from '../storage/ttlScripts';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Where the counters live when they are shared: a node-redis (v4+) client and a key prefix. */
export interface SharedRateLimits {
  /**
   * A node-redis client — createClient, createSentinel or createCluster (src/storage/rate-limit-redis.ts) —
   * opened by its owner. One key per limit and address: on a Cluster, each hit goes to one slot's master.
   */
  redisClient: unknown;
  /** Prefix of this limit's counters, e.g. `o360:rate-limit:chat-token` (StoreKeys.rateLimit). */
  keyPrefix: string;
  /** Longest wait for Redis before the process's own memory counts instead. Default 300 ms. */
  timeoutMs?: number;
}

export interface RateLimiter {
  /** Counts one hit for `key`; resolves 0 when allowed, else the seconds to wait (for Retry-After). */
  hit(key: string): Promise<number>;
}

const DEFAULT_TIMEOUT_MS = 300;

function seconds(windowMs: number): number {
  return Math.max(1, Math.ceil(windowMs / 1000));
}

/**
 * The client as rate-limiter-flexible sees it, its scripts sent by SHA1. With node-redis the library
 * sends its counting script's text by `EVAL` at every hit (its own script support, `defineCommand`, is
 * ioredis's); here `eval` runs the script by `EVALSHA`, with the text only when the server answers
 * NOSCRIPT (as the store's scripts, ttlScripts.ts). Everything else is the client's own.
 */
function scriptsBySha(client: unknown): unknown {
  const redis = client as RedisCommands;
  const known = new Map<string, TtlScript>();
  const evalBySha = (text: string, options: { keys: string[]; arguments: string[] }) => {
    let found = known.get(text);
    if (found === undefined) {
      found = script(text);
      known.set(text, found);
    }
    return runScript(redis, found, options);
  };
  return new Proxy(client as object, {
    get(target, name) {
      if (name === 'eval') return evalBySha;
      const value: unknown = Reflect.get(target, name, target);
      // The client's methods run on the client itself (node-redis keeps its state in private fields).
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function createRateLimiter(rule: RateLimit, shared?: SharedRateLimits): RateLimiter {
  const memory = new RateLimiterMemory({ points: rule.limit, duration: seconds(rule.windowMs) });
  let limiter: RateLimiterAbstract | RLWrapperTimeouts = memory;
  if (shared) {
    const redis = new RateLimiterRedis({
      storeClient: scriptsBySha(shared.redisClient),
      useRedisPackage: true,
      // Not connected: the insurance answers at once rather than waiting.
      rejectIfRedisNotReady: true,
      points: rule.limit,
      duration: seconds(rule.windowMs),
      keyPrefix: shared.keyPrefix,
    });
    limiter = new RLWrapperTimeouts({ limiter: redis, timeoutMs: shared.timeoutMs ?? DEFAULT_TIMEOUT_MS, insuranceLimiter: memory });
  }
  return {
    async hit(key) {
      try {
        await limiter.consume(key);
        return 0;
      } catch (result) {
        if (result instanceof RateLimiterRes) return seconds(result.msBeforeNext);
        throw result;
      }
    },
  };
}
