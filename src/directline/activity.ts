/**
 * Direct Line activities as plain JSON (no botbuilder types): what a browser may post, what the bot
 * may send, and what both sides read back. User input is validated and cleaned here, once.
 */
import { z } from 'zod';

export const DIRECT_LINE_CHANNEL_ID = 'directline';

/**
 * Longest user message, in characters (Unicode code points), after cleaning: long enough for a
 * person to tell their whole situation in one message (the Web Chat page caps its input at it too).
 */
export const MAX_USER_TEXT_CHARS = 10_000;
/** Longest JSON `value` a user activity (event, postBack) may carry. */
export const MAX_USER_VALUE_JSON_CHARS = 8 * 1024;

export interface ChannelAccount {
  id: string;
  name?: string;
  role?: 'user' | 'bot';
}

/** An activity before the channel gives it its id. */
export type NewActivity = ActivityCore & { [property: string]: unknown };

/** An activity as the channel stores it and as clients and the bot read it. */
export type DirectLineActivity = NewActivity & {
  /** `${conversationId}|${position padded to 7 digits}` for logged activities. */
  id: string;
};

interface ActivityCore {
  type: string;
  timestamp: string;
  channelId: typeof DIRECT_LINE_CHANNEL_ID;
  conversation: { id: string };
  from: ChannelAccount;
  recipient?: ChannelAccount;
  text?: string;
  textFormat?: string;
  locale?: string;
  replyToId?: string;
  channelData?: Record<string, unknown>;
}

/** The parts of an outgoing (bot or advisor) activity a caller chooses; the channel sets the rest. */
export type OutgoingActivityInput = { type: string; from?: { id?: string; name?: string } } & Record<string, unknown>;

export class ActivityRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActivityRejected';
  }
}

// C0 controls except tab and line feed, DEL, C1 controls; bidirectional overrides and isolates
// (they make text display in another order than it reads); the byte order mark.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as the channel keeps it: NFC, `\n` line ends, no control characters, no broken surrogates, trimmed. */
export function cleanText(text: string): string {
  return text
    .replace(LONE_SURROGATES, '\uFFFD')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .trim();
}

export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** What a browser may post (Web Chat's outgoing activity); unknown properties are dropped. */
const userActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing'], { error: 'must be message, event or typing' }),
  // Raw bound before cleaning; the MAX_USER_TEXT_CHARS rule applies to the cleaned text.
  text: z.string({ error: 'must be a string' }).max(4 * MAX_USER_TEXT_CHARS, 'is too long').optional(),
  name: z.string().max(100).regex(/^[\w.:/-]+$/, 'may only hold letters, digits and . : / - _').optional(),
  value: z.unknown().optional(),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/)
    .optional()
    .catch(undefined),
  localTimestamp: z.string().max(40).optional().catch(undefined),
  localTimezone: z.string().max(64).regex(/^[\w+/-]+$/).optional().catch(undefined),
  from: z.object({ name: z.string().max(200).optional().catch(undefined) }).optional().catch(undefined),
  attachments: z.array(z.unknown()).max(0, 'are not supported by this chat').optional(),
  channelData: z
    .object({
      clientActivityID: z.string().max(100).regex(/^[\w.:-]+$/, 'has unexpected characters').optional(),
      clientTimestamp: z.string().max(40).optional().catch(undefined),
      postBack: z.boolean().optional().catch(undefined),
      messageBack: z
        .object({ displayText: z.string().max(4 * MAX_USER_TEXT_CHARS).optional().catch(undefined) })
        .optional()
        .catch(undefined),
    })
    .optional(),
});

/** The user's fields of an activity, validated and cleaned; the channel adds id, from, conversation… */
export type UserActivityFields = Pick<DirectLineActivity, 'type' | 'text' | 'textFormat' | 'locale' | 'channelData'> & {
  name?: string;
  value?: unknown;
  localTimestamp?: string;
  localTimezone?: string;
  fromName?: string;
};

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the activity is invalid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/**
 * Validates and cleans what a browser posted. Throws ActivityRejected with a short English message
 * that never quotes the input.
 */
export function parseUserActivity(body: unknown): UserActivityFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ActivityRejected('the body must be a JSON activity');
  const parsed = userActivitySchema.safeParse(body);
  if (!parsed.success) throw new ActivityRejected(describeIssue(parsed.error));
  const input = parsed.data;
  const fields: UserActivityFields = { type: input.type };

  if (input.type === 'message') {
    const text = cleanText(input.text ?? '');
    if (codePointLength(text) > MAX_USER_TEXT_CHARS) {
      throw new ActivityRejected(`text is too long: at most ${MAX_USER_TEXT_CHARS} characters`);
    }
    if (text === '' && input.value === undefined) throw new ActivityRejected('the message is empty');
    fields.text = text;
    // Web Chat renders a plain-text message as text, never as Markdown or HTML.
    fields.textFormat = 'plain';
  }
  if (input.type === 'event') {
    if (!input.name) throw new ActivityRejected('an event needs a name');
    fields.name = input.name;
  }
  if (input.value !== undefined && input.type !== 'typing') {
    const json = JSON.stringify(input.value);
    if (json === undefined || json.length > MAX_USER_VALUE_JSON_CHARS) {
      throw new ActivityRejected(`value is too large: at most ${MAX_USER_VALUE_JSON_CHARS} characters of JSON`);
    }
    fields.value = JSON.parse(json) as unknown;
  }
  if (input.locale) fields.locale = input.locale;
  if (input.localTimestamp) fields.localTimestamp = input.localTimestamp;
  if (input.localTimezone) fields.localTimezone = input.localTimezone;
  const fromName = input.from?.name === undefined ? '' : cleanText(input.from.name).slice(0, 100);
  if (fromName) fields.fromName = fromName;

  const channelData: Record<string, unknown> = {};
  const given = input.channelData;
  if (given?.clientActivityID) channelData.clientActivityID = given.clientActivityID;
  if (given?.clientTimestamp) channelData.clientTimestamp = given.clientTimestamp;
  if (given?.postBack !== undefined) channelData.postBack = given.postBack;
  if (given?.messageBack) {
    const displayText = given.messageBack.displayText === undefined ? undefined : cleanText(given.messageBack.displayText);
    if (displayText !== undefined && codePointLength(displayText) > MAX_USER_TEXT_CHARS) {
      throw new ActivityRejected(`channelData.messageBack.displayText is too long: at most ${MAX_USER_TEXT_CHARS} characters`);
    }
    channelData.messageBack = displayText === undefined ? {} : { displayText };
  }
  if (Object.keys(channelData).length > 0) fields.channelData = channelData;
  return fields;
}

/** What the bot (or the advisor relay) may send: any activity with a type; the channel sets the addressing. */
const outgoingActivitySchema = z.looseObject({
  type: z.string().min(1).max(50).regex(/^[A-Za-z]+$/, 'must be a word'),
  from: z.looseObject({ id: z.string().max(200).optional(), name: z.string().max(200).optional() }).optional().catch(undefined),
  text: z.string().optional(),
  replyToId: z.string().max(200).optional().catch(undefined),
});

/** Properties of an outgoing activity the channel owns (addressing, transport) and never takes from the sender. */
const CHANNEL_OWNED = new Set(['id', 'timestamp', 'channelId', 'conversation', 'from', 'recipient', 'serviceUrl', 'callerId']);

export function parseOutgoingActivity(body: unknown): OutgoingActivityInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ActivityRejected('the body must be a JSON activity');
  const parsed = outgoingActivitySchema.safeParse(body);
  if (!parsed.success) throw new ActivityRejected(describeIssue(parsed.error));
  return parsed.data as OutgoingActivityInput;
}

/** What `outgoingActivitySchema` keeps as it is: a string of at most 200 characters, or nothing. */
const shortStringOrAbsent = (value: unknown): boolean => value === undefined || (typeof value === 'string' && value.length <= 200);
const ACTIVITY_TYPE = /^[A-Za-z]+$/;

/**
 * An activity of our own bot or advisor relay (in this process: not outside input). The same rules as
 * `parseOutgoingActivity`, without zod's copy of the whole activity at every reply: an activity that
 * its schema would keep as it is (a word for its type, text a string, `from` and `replyToId` plain) is
 * taken as it is; anything else goes through the schema, which decides as before.
 */
export function trustedOutgoingActivity(activity: OutgoingActivityInput): OutgoingActivityInput {
  const { type, from, text, replyToId } = activity;
  const plain =
    typeof type === 'string' &&
    type.length <= 50 &&
    ACTIVITY_TYPE.test(type) &&
    (text === undefined || typeof text === 'string') &&
    shortStringOrAbsent(replyToId) &&
    (from === undefined || (typeof from === 'object' && from !== null && !Array.isArray(from) && shortStringOrAbsent(from.id) && shortStringOrAbsent(from.name)));
  return plain ? activity : parseOutgoingActivity(activity);
}

/** The outgoing activity without the properties the channel owns. */
export function outgoingContent(input: OutgoingActivityInput): Record<string, unknown> {
  // Copied without the channel's properties rather than deleted from a copy (`delete` makes V8 keep
  // the object as a slow dictionary, which costs again when it is serialised).
  const content: Record<string, unknown> = {};
  for (const property of Object.keys(input)) if (!CHANNEL_OWNED.has(property)) content[property] = input[property];
  return content;
}

/** Activity ids: the conversation, then the 0-based position in its log on 7 digits. */
export function activityId(conversationId: string, position: number): string {
  return `${conversationId}|${String(position).padStart(7, '0')}`;
}
