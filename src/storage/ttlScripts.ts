/**
 * Writes that give their key a TTL in the same step, as one Lua script each (`EVALSHA`: one command and
 * one reply) instead of `MULTI`, the write, `EXPIRE`, `EXEC` (four commands and four replies). Atomic
 * alike: the key never stands without its TTL. The script's text is sent only when the server does not
 * know it yet (`NOSCRIPT`: a restarted server, another Cluster master, a failover); `runScript` runs
 * the store's other scripts (appends within a length) the same way.
 */
import { createHash } from 'node:crypto';
import type { RedisCommands } from './redis-target';

export interface TtlScript {
  readonly text: string;
  readonly sha: string;
}

export function script(text: string): TtlScript {
  return { text, sha: createHash('sha1').update(text).digest('hex') };
}

/** KEYS[1] the list; ARGV = ttlSeconds, values…; the new length. */
export const RPUSH_EXPIRE = script(`local length = redis.call('RPUSH', KEYS[1], unpack(ARGV, 2))
redis.call('EXPIRE', KEYS[1], ARGV[1])
return length`);

/** KEYS[1] the sorted set; ARGV = ttlSeconds, score, member. */
export const ZADD_EXPIRE = script(`redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`);

/** KEYS[1] the hash; ARGV = ttlSeconds, field, increment, field, increment… */
export const HINCRBY_EXPIRE = script(`for i = 2, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1`);

/** KEYS = the hashes; ARGV = ttlSeconds, then for each hash: its number of fields, field, increment… */
export const HINCRBY_EXPIRE_ALL = script(`local at = 2
for k = 1, #KEYS do
  local last = at + 2 * tonumber(ARGV[at])
  for i = at + 1, last, 2 do redis.call('HINCRBY', KEYS[k], ARGV[i], ARGV[i + 1]) end
  redis.call('EXPIRE', KEYS[k], ARGV[1])
  at = last + 1
end
return 1`);

/**
 * listAppendWithin(Renewing): KEYS = the list, then the keys whose TTL to renew (same slot);
 * ARGV = maxLength, ttlSeconds, values…; the new length, or nil when they do not fit. A renewed key's
 * TTL is set only when it exists (EXPIRE does not create a key).
 */
export const APPEND_WITHIN = script(`
if redis.call('LLEN', KEYS[1]) + #ARGV - 2 > tonumber(ARGV[1]) then return false end
local length = redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ARGV[2]) end
return length`);

/** setWithCappedList: KEYS = the record, the list; ARGV = ttlSeconds, value, keep, values… */
export const SET_WITH_CAPPED_LIST = script(`redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[1])
if #ARGV > 3 then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 4))
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
end
redis.call('EXPIRE', KEYS[2], ARGV[1])
return 1`);

/** Lua's `unpack` and the argument list stay well under their limits below this many values. */
export const MAX_SCRIPT_VALUES = 1000;

/** Runs the script on its one key: by its SHA1, with its text only when the server answers NOSCRIPT. */
export function runTtlScript(redis: RedisCommands, ttlScript: TtlScript, key: string, args: string[]): Promise<unknown> {
  return runScript(redis, ttlScript, { keys: [key], arguments: args });
}

/** Runs a script on its keys (one slot): by its SHA1, with its text only when the server answers NOSCRIPT. */
export async function runScript(redis: RedisCommands, { text, sha }: TtlScript, options: { keys: string[]; arguments: string[] }): Promise<unknown> {
  try {
    return await redis.evalSha(sha, options);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('NOSCRIPT')) return redis.eval(text, options);
    throw error;
  }
}
