/**
 * The store's sorted sets on Redis (the waiting rooms, the ticket indexes): a member added with its
 * score and the set's TTL in one script, removed, listed, the first one, the count and lowest score.
 * Each command runs through the store's `run` (deadline, errors; redis-store.ts).
 */
import type { KeyValueStore } from '../domain/ports';
import type { RunCommand } from './redis-connection';
import { assertTtlSeconds } from './ttl';
import { runTtlScript, ZADD_EXPIRE } from './ttlScripts';

export type SortedSetCommands = Pick<KeyValueStore, 'sortedAdd' | 'sortedRemove' | 'sortedMembers' | 'sortedFirst' | 'sortedSummary'>;

/** A sorted set's score as Redis reads it (as node-redis writes it). */
function scoreArgument(score: number): string {
  return Number.isFinite(score) ? String(score) : score > 0 ? '+inf' : '-inf';
}

export function sortedSetCommands(run: RunCommand): SortedSetCommands {
  return {
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
  };
}
