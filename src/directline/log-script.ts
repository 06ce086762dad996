/**
 * A conversation's activities logged and announced in one Redis script, when the bus is pub/sub on
 * the store's own Redis (main.ts opens both on one target): one command and one reply instead of the
 * append's and the PUBLISH's, and the announcement can never be published out of order with the append.
 *
 * The script appends the activities when they fit (as the store's listAppendWithin), renews the TTL
 * of the log and of the other keys named, then publishes the framed announcement that
 * `framedAnnouncement` (conversations.ts) would build: each activity's JSON with its id last
 * (`<conversation>|<position on 7 digits>`), and the watermark after them. On a Cluster the keys and
 * the channel must share one slot (same hash tag, see keys.ts): the PUBLISH then goes out from the
 * channel's node, as the bus sends it; otherwise the log makes its two calls.
 */
import { script, type TtlScript } from '../storage/ttlScripts';

/** Runs a script on its keys, with the store's deadline and errors (RedisStore.runScript). */
export type ScriptRunner = (command: string, script: TtlScript, keys: string[], args: string[]) => Promise<unknown>;

/**
 * KEYS = the log, then the keys whose TTL to renew (same slot); ARGV = maxLength, ttlSeconds, channel,
 * id prefix (`<conversation>|`), the activities' JSON…; the new length, or nil when they do not fit
 * (then nothing is written or published).
 */
const APPEND_ANNOUNCE = script(`
local count = #ARGV - 4
if redis.call('LLEN', KEYS[1]) + count > tonumber(ARGV[1]) then return false end
local length = redis.call('RPUSH', KEYS[1], unpack(ARGV, 5))
for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ARGV[2]) end
local start = length - count
local items = {}
for i = 1, count do
  items[i] = string.sub(ARGV[4 + i], 1, -2) .. ',"id":"' .. ARGV[4] .. string.format('%07d', start + i - 1) .. '"}'
end
redis.call('PUBLISH', ARGV[3], 'dl1 ' .. count .. ' ' .. length .. ' {"activities":[' .. table.concat(items, ',') .. '],"watermark":"' .. length .. '"}')
return length`);

/** The hash tag of a key or channel (`{…}`, as Redis Cluster reads it), or the whole name. */
function slotPart(name: string): string {
  const open = name.indexOf('{');
  if (open === -1) return name;
  const close = name.indexOf('}', open + 1);
  return close === -1 || close === open + 1 ? name : name.slice(open + 1, close);
}

export interface LogAppend {
  /** The log, then the keys whose TTL is renewed with it. */
  keys: string[];
  channel: string;
  /** What every id of this conversation starts with: `<conversation>|`. */
  idPrefix: string;
  /** The activities as logged (JSON objects, without id), in order. */
  jsons: readonly string[];
  maxLength: number;
  ttlSeconds: number;
}

/**
 * Appends and announces in one script; the new length, null when the activities do not fit, or
 * undefined when the keys and the channel are not all in one slot (the caller makes two calls).
 */
export async function appendAnnounced(run: ScriptRunner, append: LogAppend): Promise<number | null | undefined> {
  const slot = slotPart(append.keys[0] ?? '');
  // The prefix goes into the JSON as it is: it must need no escaping (conversation ids never do).
  if (JSON.stringify(append.idPrefix) !== `"${append.idPrefix}"`) return undefined;
  if (slotPart(append.channel) !== slot || append.keys.some((key) => slotPart(key) !== slot)) return undefined;
  const length = await run('LLEN+RPUSH+EXPIRE+PUBLISH', APPEND_ANNOUNCE, append.keys, [String(append.maxLength), String(append.ttlSeconds), append.channel, append.idPrefix, ...append.jsons]);
  if (length === null) return null;
  if (typeof length !== 'number') throw new Error(`the log script returned ${String(length)}`);
  return length;
}
