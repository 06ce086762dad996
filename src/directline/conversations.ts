/**
 * Conversations and their activity logs, in the shared store; every new activity is announced on
 * the bus so that a WebSocket held by any process pushes it at once.
 *
 * - The log is a list: an activity's 0-based position gives its id and the watermark after it is
 *   position + 1, so ids need no counter and concurrent appends from several processes never clash.
 * - Typing activities are ephemeral (Direct Line: "WebSocket only"): announced, never logged.
 * - Every key has a TTL, renewed by activity (chat text is personal data).
 */
import type { Clock, KeyValueStore, MessageBus } from '../domain/ports';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import { activityId, type DirectLineActivity, type NewActivity } from './activity';
import { framedAnnouncement, type BusAnnouncement } from './announcements';
import { appendAnnounced, appendAnnouncedWithRecord, type ScriptRunner } from './log-script';
import { randomBytes } from 'node:crypto';

// The bus messages' forms live in announcements.ts; read from here as before.
export { decodeAnnouncement, decodeFramed, framedAnnouncement, type BusAnnouncement, type FramedAnnouncement } from './announcements';

export interface ConversationRecord {
  conversationId: string;
  userId: string;
  locale?: string;
  createdAt: string;
}

export interface ActivityPage {
  activities: DirectLineActivity[];
  watermark: number;
}

export class ConversationFull extends Error {
  constructor() {
    super('The conversation has reached its maximum length');
    this.name = 'ConversationFull';
  }
}

export interface ConversationLogOptions {
  store: KeyValueStore;
  bus: MessageBus;
  keys: StoreKeys;
  clock: Clock;
  logger: Logger;
  /** Retention of a conversation after its last activity. */
  ttlSeconds: number;
  /** Most activities one conversation may hold. */
  maxActivities: number;
  /**
   * Given when the bus is pub/sub on the store's own Redis: activities are then logged and announced
   * in one script (log-script.ts); absent, two calls (the store's append, then the bus's publish).
   */
  runScript?: ScriptRunner;
}

export interface ConversationLog {
  /** Creates the record; false when it already existed (the existing one is kept). */
  create(record: ConversationRecord): Promise<boolean>;
  get(conversationId: string): Promise<ConversationRecord | null>;
  /**
   * Logs an activity (without id: the log gives it one), then announces it: resolves once it is
   * logged, the announcement sent (its publish is issued before this resolves, so what is published
   * later on the bus comes after it) and `announced` settling when the bus has taken it (never rejects).
   * `renewRecord`: the conversation record's TTL is renewed in the same step (a user's message).
   */
  append(activity: NewActivity, renewRecord?: boolean): Promise<{ activity: DirectLineActivity; watermark: number; announced: Promise<void> }>;
  /**
   * Present when the log appends in one script (`runScript`): a user's activity logged, announced and
   * its record's TTL renewed (as `append(activity, true)`) only if the conversation's record exists,
   * read in the same script; null when it does not (nothing logged). A user's message: one command
   * instead of the record's GET and the append.
   */
  appendToRecord?(activity: NewActivity): Promise<{ record: ConversationRecord; activity: DirectLineActivity; watermark: number } | null>;
  /**
   * Logs several activities of one conversation in order, together (one write), then announces each:
   * the bot's replies to one message. When they do not all fit, as many as fit are logged one by one
   * (as `append` would), then ConversationFull.
   */
  appendAll(activities: readonly NewActivity[]): Promise<DirectLineActivity[]>;
  /** Announces an activity that is not logged (typing). */
  announceEphemeral(activity: NewActivity): Promise<DirectLineActivity>;
  /**
   * Logged activities after `watermark`, at most `limit`, and the watermark after them. A watermark
   * beyond the log (a client that kept one from an expired log) reads from the start again, so the
   * client can never miss what comes next; Web Chat replaces an activity it already has by id.
   */
  read(conversationId: string, watermark: number, limit: number): Promise<ActivityPage>;
  transcript(conversationId: string): Promise<DirectLineActivity[]>;
  /** The bus channel of a conversation and how to decode what it carries. */
  channel(conversationId: string): string;
}

/** An activity id ends with its position on this many digits (activityId). */
const ID_POSITION_DIGITS = 7;
const ANNOUNCED = Promise.resolve();

export function createConversationLog(options: ConversationLogOptions): ConversationLog {
  const { store, bus, keys, logger, ttlSeconds, maxActivities } = options;

  /** Publishes a BusAnnouncement (as JSON). */
  async function announce(conversationId: string, announcement: string): Promise<void> {
    try {
      await bus.publish(keys.directLineChannel(conversationId), announcement);
    } catch (err) {
      // Logged activities are not lost: open WebSockets catch up from the store at their next tick.
      logger.warn({ err, conversationId }, 'chat activity not announced on the bus');
    }
  }

  function withIds(conversationId: string, start: number, items: string[]): DirectLineActivity[] {
    const activities: DirectLineActivity[] = [];
    items.forEach((item, index) => {
      try {
        const stored = JSON.parse(item) as NewActivity;
        activities.push({ ...stored, id: activityId(conversationId, start + index) } as DirectLineActivity);
      } catch {
        logger.error({ conversationId, position: start + index }, 'unreadable chat activity skipped');
      }
    });
    return activities;
  }

  /**
   * Each activity is serialised once: its logged JSON, and the same with its id for the announcement
   * (the bytes JSON.stringify would give for `{ ...activity, id }`: the id last).
   */
  function withId(json: string, id: string): string {
    return `${json.slice(0, -1)},"id":${JSON.stringify(id)}}`;
  }

  function announcementOf(conversationId: string, start: number, jsons: readonly string[], watermark: number): string {
    return framedAnnouncement(jsons.map((json, index) => withId(json, activityId(conversationId, start + index))), watermark);
  }

  async function append(activity: NewActivity, renewRecord = false): Promise<{ activity: DirectLineActivity; watermark: number; announced: Promise<void> }> {
    const conversationId = activity.conversation.id;
    const logKey = keys.directLineActivities(conversationId);
    const json = JSON.stringify(activity);
    const scripted = await appendInOneScript(conversationId, renewRecord ? [logKey, keys.directLineConversation(conversationId)] : [logKey], [json]);
    const watermark =
      scripted !== undefined
        ? scripted
        : renewRecord
          ? await store.listAppendWithinRenewing(logKey, json, maxActivities, ttlSeconds, keys.directLineConversation(conversationId))
          : await store.listAppendWithin(logKey, json, maxActivities, ttlSeconds);
    if (watermark === null) throw new ConversationFull();
    const logged = { ...activity, id: activityId(conversationId, watermark - 1) } as DirectLineActivity;
    const announced = scripted !== undefined ? ANNOUNCED : announce(conversationId, announcementOf(conversationId, watermark - 1, [json], watermark));
    return { activity: logged, watermark, announced };
  }

  /** Logged and announced in one script when the bus is on the store's Redis; undefined: not done (two calls then). */
  function appendInOneScript(conversationId: string, logAndRenewed: string[], jsons: readonly string[]): Promise<number | null | undefined> {
    if (!options.runScript) return Promise.resolve(undefined);
    const idPrefix = activityId(conversationId, 0).slice(0, -ID_POSITION_DIGITS);
    return appendAnnounced(options.runScript, { keys: logAndRenewed, channel: keys.directLineChannel(conversationId), idPrefix, jsons, maxLength: maxActivities, ttlSeconds });
  }

  /** A stored record, or null when it is not one. */
  function recordOf(text: string): ConversationRecord | null {
    try {
      return JSON.parse(text) as ConversationRecord;
    } catch {
      return null;
    }
  }

  async function get(conversationId: string): Promise<ConversationRecord | null> {
    const text = await store.get(keys.directLineConversation(conversationId));
    return text === null ? null : recordOf(text);
  }

  async function appendToRecord(activity: NewActivity): Promise<{ record: ConversationRecord; activity: DirectLineActivity; watermark: number } | null> {
    const conversationId = activity.conversation.id;
    const json = JSON.stringify(activity);
    const idPrefix = activityId(conversationId, 0).slice(0, -ID_POSITION_DIGITS);
    const logKey = keys.directLineActivities(conversationId);
    const scripted = await appendAnnouncedWithRecord(options.runScript as ScriptRunner, {
      keys: [logKey, keys.directLineConversation(conversationId)],
      channel: keys.directLineChannel(conversationId),
      idPrefix,
      jsons: [json],
      maxLength: maxActivities,
      ttlSeconds,
    });
    if (scripted === undefined) {
      // Not in one script (keys in several slots): the record read first, then the append.
      const record = await get(conversationId);
      if (!record) return null;
      const logged = await append(activity, true);
      return { record, activity: logged.activity, watermark: logged.watermark };
    }
    if (scripted === null) throw new ConversationFull();
    if (scripted === 'absent') return null;
    // A record this service did not write (unreadable): answered as absent, its activity logged all the same.
    const record = recordOf(scripted.record);
    if (!record) return null;
    return { record, activity: { ...activity, id: activityId(conversationId, scripted.length - 1) } as DirectLineActivity, watermark: scripted.length };
  }

  return {
    async create(record) {
      return store.setIfAbsent(keys.directLineConversation(record.conversationId), JSON.stringify(record), ttlSeconds);
    },

    get,

    append,

    ...(options.runScript ? { appendToRecord } : {}),

    async appendAll(activities) {
      const [first] = activities;
      if (first === undefined) return [];
      const conversationId = first.conversation.id;
      if (activities.some((activity) => activity.conversation.id !== conversationId)) throw new Error('appendAll: activities of one conversation only');
      const logKey = keys.directLineActivities(conversationId);
      const jsons = activities.map((activity) => JSON.stringify(activity));
      const scripted = await appendInOneScript(conversationId, [logKey], jsons);
      const watermark = scripted !== undefined ? scripted : await store.listAppendWithin(logKey, jsons, maxActivities, ttlSeconds);
      if (watermark === null) {
        const logged: DirectLineActivity[] = [];
        for (const activity of activities) {
          const one = await append(activity);
          await one.announced;
          logged.push(one.activity);
        }
        return logged;
      }
      const start = watermark - activities.length;
      const logged = activities.map((activity, index) => ({ ...activity, id: activityId(conversationId, start + index) }) as DirectLineActivity);
      // Announced together: one message, one WebSocket frame (already, by the script, when it logged them).
      if (scripted === undefined) await announce(conversationId, announcementOf(conversationId, start, jsons, watermark));
      return logged;
    },

    async announceEphemeral(activity) {
      const conversationId = activity.conversation.id;
      const ephemeral = { ...activity, id: `${conversationId}|t${randomBytes(6).toString('base64url')}` } as DirectLineActivity;
      await announce(conversationId, JSON.stringify({ activities: [ephemeral] } satisfies BusAnnouncement));
      return ephemeral;
    },

    async read(conversationId, watermark, limit) {
      const logKey = keys.directLineActivities(conversationId);
      let start = watermark;
      let items = await store.listRange(logKey, start, start + limit - 1);
      if (items.length === 0 && start > 0) {
        const [previous] = await store.listRange(logKey, start - 1, start - 1);
        if (previous === undefined) {
          start = 0;
          items = await store.listRange(logKey, 0, limit - 1);
        }
      }
      return { activities: withIds(conversationId, start, items), watermark: start + items.length };
    },

    async transcript(conversationId) {
      return withIds(conversationId, 0, await store.listRange(keys.directLineActivities(conversationId), 0, -1));
    },

    channel: (conversationId) => keys.directLineChannel(conversationId),
  };
}
