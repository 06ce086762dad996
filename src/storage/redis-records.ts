/**
 * The store's records on Redis: strings with a TTL (GET, SET EX, SET NX EX, DEL, INCR, TTL), hashes of
 * counters renewed with their TTL in one script, and PING. Each command runs through the store's
 * `run` (deadline, errors; redis-store.ts).
 */
import type { KeyValueStore } from '../domain/ports';
import type { RunCommand } from './redis-connection';
import { assertTtlSeconds } from './ttl';
import type { RedisTarget } from './redis-target';
import { HINCRBY_EXPIRE, HINCRBY_EXPIRE_ALL, MAX_SCRIPT_VALUES, runScript, runTtlScript } from './ttlScripts';

export type RecordCommands = Pick<KeyValueStore, 'get' | 'set' | 'setIfAbsent' | 'del' | 'incr' | 'ttl' | 'ping' | 'hashIncrement' | 'hashIncrementAll' | 'hashGetAll'>;

/** The hash tag of a key (`{…}`, as Redis Cluster reads it), or the whole key: keys with the same one share a slot. */
function slotPart(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  return close === -1 || close === open + 1 ? key : key.slice(open + 1, close);
}

/** `kind`: on a Cluster, the hashes of one script must share a slot. */
export function recordCommands(run: RunCommand, kind: RedisTarget['kind'] = 'standalone'): RecordCommands {
  /** Increments of several hashes in one script (one slot, or one server). */
  async function incrementTogether(hashes: ReadonlyArray<{ key: string; increments: Readonly<Record<string, number>> }>, ttlSeconds: number): Promise<void> {
    const keys: string[] = [];
    const args = [String(ttlSeconds)];
    for (const { key, increments } of hashes) {
      const fields = Object.entries(increments);
      if (fields.length === 0) continue;
      keys.push(key);
      args.push(String(fields.length));
      for (const [field, by] of fields) args.push(field, String(by));
    }
    if (keys.length === 0) return;
    if (args.length > MAX_SCRIPT_VALUES) throw new RangeError('hashIncrementAll: too many fields at once');
    await run('HINCRBY+EXPIRE', (redis) => runScript(redis, HINCRBY_EXPIRE_ALL, { keys, arguments: args }));
  }

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

    async hashIncrementAll(hashes, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      if (kind !== 'cluster') return incrementTogether(hashes, ttlSeconds);
      const bySlot = new Map<string, Array<(typeof hashes)[number]>>();
      for (const hash of hashes) {
        const slot = slotPart(hash.key);
        bySlot.set(slot, [...(bySlot.get(slot) ?? []), hash]);
      }
      await Promise.all([...bySlot.values()].map((together) => incrementTogether(together, ttlSeconds)));
    },

    hashGetAll: (key) => run('HGETALL', async (redis) => ({ ...(await redis.hGetAll(key)) })),
  };
}
