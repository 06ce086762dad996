/**
 * The store's records on Redis: strings with a TTL (GET, SET EX, SET NX EX, DEL, INCR, TTL), hashes of
 * counters renewed with their TTL in one script, and PING. Each command runs through the store's
 * `run` (deadline, errors; redis-store.ts).
 */
import type { KeyValueStore } from '../domain/ports';
import type { RunCommand } from './redis-connection';
import { assertTtlSeconds } from './ttl';
import { HINCRBY_EXPIRE, MAX_SCRIPT_VALUES, runTtlScript } from './ttlScripts';

export type RecordCommands = Pick<KeyValueStore, 'get' | 'set' | 'setIfAbsent' | 'del' | 'incr' | 'ttl' | 'ping' | 'hashIncrement' | 'hashGetAll'>;

export function recordCommands(run: RunCommand): RecordCommands {
  return {
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

    async hashIncrement(key, increments, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      const fields = Object.entries(increments);
      if (fields.length === 0) return;
      if (fields.length > MAX_SCRIPT_VALUES / 2) throw new RangeError('hashIncrement: too many fields at once');
      await run('HINCRBY+EXPIRE', (redis) => runTtlScript(redis, HINCRBY_EXPIRE, key, [String(ttlSeconds), ...fields.flatMap(([field, by]) => [field, String(by)])]));
    },

    hashGetAll: (key) => run('HGETALL', async (redis) => ({ ...(await redis.hGetAll(key)) })),
  };
}
