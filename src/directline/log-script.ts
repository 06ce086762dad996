/**
 * A conversation's activities logged and announced in one Redis script, when the bus is pub/sub on
 * the store's own Redis (main.ts opens both on one target): one command and one reply instead of the
 * append's and the PUBLISH's, and the announcement can never be published out of order with the append.
 *
 * The script appends the activities when they fit (as the store's listAppendWithin), renews the TTL
 * of the log and of the other keys named, then publishes the framed announcement that
 * `framedAnnouncement` (announcements.ts) would build: each activity's JSON with its id last
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
/** Appends ARGV[5…] to KEYS[1] (the bound checked first: `false` when they do not fit), renews every key's TTL, publishes. */
const APPEND_AND_PUBLISH = `
local count = #ARGV - 4
if redis.call('LLEN', KEYS[1]) + count > tonumber(ARGV[1]) then return false end
local length = redis.call('RPUSH', KEYS[1], unpack(ARGV, 5))
for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ARGV[2]) end
local start = length - count
local items = {}
for i = 1, count do
  items[i] = string.sub(ARGV[4 + i], 1, -2) .. ',"id":"' .. ARGV[4] .. string.format('%07d', start + i - 1) .. '"}'
end
redis.call('PUBLISH', ARGV[3], 'dl1 ' .. count .. ' ' .. length .. ' {"activities":[' .. table.concat(items, ',') .. '],"watermark":"' .. length .. '"}')`;

const APPEND_ANNOUNCE = script(`${APPEND_AND_PUBLISH}
return length`);

/**
 * As APPEND_ANNOUNCE, KEYS[2] being the conversation's record, read first: `{0}` when it does not
 * exist (nothing written or published), `{length, record}` once appended; `false` when they do not fit.
 */
const APPEND_ANNOUNCE_WITH_RECORD = script(`local record = redis.call('GET', KEYS[2])
if not record then return {0} end
${APPEND_AND_PUBLISH}
return {length, record}`);

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

/** Whether one script may do it: the id prefix needs no escaping, the keys and the channel share one slot. */
function scriptable(append: LogAppend): boolean {
  const slot = slotPart(append.keys[0] ?? '');
  // The prefix goes into the JSON as it is: it must need no escaping (conversation ids never do).
  if (JSON.stringify(append.idPrefix) !== `"${append.idPrefix}"`) return false;
  return slotPart(append.channel) === slot && append.keys.every((key) => slotPart(key) === slot);
}

function scriptArguments(append: LogAppend): string[] {
  return [String(append.maxLength), String(append.ttlSeconds), append.channel, append.idPrefix, ...append.jsons];
}

/**
 * Appends and announces in one script; the new length, null when the activities do not fit, or
 * undefined when the keys and the channel are not all in one slot (the caller makes two calls).
 */
export async function appendAnnounced(run: ScriptRunner, append: LogAppend): Promise<number | null | undefined> {
  if (!scriptable(append)) return undefined;
  const length = await run('LLEN+RPUSH+EXPIRE+PUBLISH', APPEND_ANNOUNCE, append.keys, scriptArguments(append));
  if (length === null) return null;
  if (typeof length !== 'number') throw new Error(`the log script returned ${String(length)}`);
  return length;
}

/**
 * As appendAnnounced, `keys[1]` being the conversation's record (its TTL renewed too), read in the
 * same script: `{ length, record }` (the record's text), `'absent'` when the record does not exist
 * (nothing appended), null when the activities do not fit, undefined when one script may not do it.
 */
export async function appendAnnouncedWithRecord(run: ScriptRunner, append: LogAppend): Promise<{ length: number; record: string } | 'absent' | null | undefined> {
  if (append.keys.length < 2 || !scriptable(append)) return undefined;
  const reply = await run('GET+LLEN+RPUSH+EXPIRE+PUBLISH', APPEND_ANNOUNCE_WITH_RECORD, append.keys, scriptArguments(append));
  if (reply === null) return null;
  if (Array.isArray(reply) && reply.length === 1 && reply[0] === 0) return 'absent';
  if (Array.isArray(reply) && reply.length === 2 && typeof reply[0] === 'number' && typeof reply[1] === 'string') return { length: reply[0], record: reply[1] };
  throw new Error('the log script returned an unexpected reply');
}
