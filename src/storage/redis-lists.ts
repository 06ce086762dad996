/**
 * The store's lists on Redis (chat logs and transcripts): appends that renew the TTL in the same step
 * (one script), bounded appends (within a length, or capped to the last items, alone or with the
 * record they go with), and ranges. Each
 * command runs through the store's `run` (deadline, errors; redis-store.ts).
 */
import type { KeyValueStore } from '../domain/ports';
import type { RunCommand } from './redis-connection';
import { assertTtlSeconds } from './ttl';
import { APPEND_WITHIN, MAX_SCRIPT_VALUES, RPUSH_EXPIRE, runScript, runTtlScript, SET_WITH_CAPPED_LIST } from './ttlScripts';

export type ListCommands = Pick<KeyValueStore, 'listAppend' | 'listAppendCapped' | 'setWithCappedList' | 'listAppendWithin' | 'listAppendWithinRenewing' | 'listRange'>;

export function listCommands(run: RunCommand): ListCommands {
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

    listRange: (key, start, stop) => {
      if (!Number.isInteger(start) || !Number.isInteger(stop)) {
        return Promise.reject(new RangeError('ERR value is not an integer or out of range'));
      }
      return run('LRANGE', (redis) => redis.lRange(key, start, stop));
    },
  };
}
