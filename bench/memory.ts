/**
 * Redis memory per live call, read from Redis itself (MEMORY USAGE, which counts the key, the value
 * and Redis' own overhead for them): the calls' state (`<ns>:call:{CA…}`, one key per live call) and,
 * for information, everything the app wrote in its namespace (tickets, their indexes, the waiting
 * rooms, counters) per call.
 */
import type { RedisClient } from './serverChild';

export interface CallMemory {
  /** Live calls in the store (call state keys). */
  calls: number;
  /** Mean MEMORY USAGE of one call's state, in bytes. */
  bytesPerCall: number;
  /** The largest call state, in bytes. */
  largestCall: number;
  /** Every key of the namespace, in bytes, per live call (tickets are kept 90 days: not live state). */
  namespaceBytesPerCall: number;
}

async function usage(redis: RedisClient, keys: string[]): Promise<number[]> {
  const sizes = await Promise.all(keys.map((key) => redis.memoryUsage(key, { SAMPLES: 0 })));
  return sizes.map((size) => size ?? 0);
}

export async function callMemory(redis: RedisClient, namespace: string): Promise<CallMemory> {
  let calls = 0;
  let callBytes = 0;
  let largestCall = 0;
  let allBytes = 0;
  for await (const batch of redis.scanIterator({ MATCH: `${namespace}:*`, COUNT: 1000 })) {
    const sizes = await usage(redis, batch);
    batch.forEach((key, index) => {
      const size = sizes[index] ?? 0;
      allBytes += size;
      if (!key.startsWith(`${namespace}:call:`)) return;
      calls++;
      callBytes += size;
      largestCall = Math.max(largestCall, size);
    });
  }
  return { calls, bytesPerCall: calls === 0 ? Number.NaN : callBytes / calls, largestCall, namespaceBytesPerCall: calls === 0 ? Number.NaN : allBytes / calls };
}
