/**
 * What a chat conversation is: what comes in (ChatInput), what goes out (ChatReply), and what is
 * kept in the store between two messages (StoredChat, with the configuration version it started on).
 *
 * The transcript is not in the state: it is a list of its own beside it (same hash tag, same TTL),
 * appended with the lines of each turn and read whole only when a ticket or a hand-off needs it, so
 * that a message does not parse and write the whole conversation again.
 */
import type { KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import type { TranscriptLine } from '../tickets/ticket';
import type { PureMachine } from '../voice/pureMachine';
import type { ChatButton } from './chatRenderer';
import { parseStoredChat, serialiseChat, type StoredChat } from './storedChat';

export type { ChatMode, PendingHandoff, StoredChat } from './storedChat';

export interface ChatInput {
  conversationId: string;
  /** What the person wrote (or the title of the button they pressed). */
  text?: string;
  /** The value of a pressed button: a menu key, « 0 » for a human, « faq:<id> ». */
  choice?: string;
  at: string;
}

export type ChatReply =
  | { kind: 'message'; text: string; buttons: ChatButton[]; urgent?: boolean }
  /** Bot Framework hand-off: a contact centre (or our advisor console) takes the conversation. */
  | { kind: 'handoff'; ticketRef: string; context: HandoffContext; transcript: TranscriptLine[] };

export interface HandoffContext {
  ticketRef: string;
  departement: string | null;
  territoryName: string | null;
  priority: 'normale' | 'prioritaire';
  profile: string | null;
  need: string | null;
  summary: string;
  queue: string;
}

/** The lines of a conversation kept (and put on its ticket). */
export const TRANSCRIPT_LIMIT = 200;
/** The longest line kept, in characters. */
const LINE_LIMIT = 4000;

const CHAT_QUEUE_PREFIX = 'chat-';
const NATIONAL_CHAT_QUEUE = 'national';

/** The chat queue of a territory (advisors of that territory take its chats). */
export function chatQueueName(departement: string | null): string {
  return `${CHAT_QUEUE_PREFIX}${departement ?? NATIONAL_CHAT_QUEUE}`;
}

/** The territory of a chat queue (null: the national one), the inverse of chatQueueName. */
export function departementOfChatQueue(queueName: string): string | null {
  const territory = queueName.startsWith(CHAT_QUEUE_PREFIX) ? queueName.slice(CHAT_QUEUE_PREFIX.length) : '';
  return territory === '' || territory === NATIONAL_CHAT_QUEUE ? null : territory;
}

/** When the person last showed up: their last line of `transcript`, or the hand-off (`since`) if later. */
export function lastSeenOf(transcript: readonly TranscriptLine[], since: Date): Date {
  const lines = transcript.filter((line) => line.from === 'user').map((line) => Date.parse(line.at));
  return new Date(Math.max(since.getTime(), ...lines.filter((t) => Number.isFinite(t))));
}

/** A new conversation, at the first question of the orientation of this version's machine. */
export function initialChat(pure: PureMachine, conversationId: string, configVersion: string): StoredChat {
  const [snapshot] = pure.initial({ callSid: conversationId, caller: null });
  return { v: 1, value: String(snapshot.value), context: snapshot.context, configVersion, mode: 'bot', misses: 0, newLines: [], acknowledged: false, danger: null };
}

export function pushLine(chat: StoredChat, line: TranscriptLine): void {
  chat.newLines.push({ ...line, text: line.text.slice(0, LINE_LIMIT) });
}

/** The bot's messages, in the transcript. */
export function rememberReplies(chat: StoredChat, replies: readonly ChatReply[], at: string): void {
  for (const reply of replies) if (reply.kind === 'message' && reply.text) pushLine(chat, { from: 'bot', text: reply.text, at });
}

/**
 * Conversations in the store, each with a time to live: the state (one compact JSON value, storedChat.ts) and its transcript
 * (a list of JSON lines, the last TRANSCRIPT_LIMIT kept), written together at each save (one slot, one step).
 */
export function chatStore(store: KeyValueStore, keys: StoreKeys, ttlSeconds: number) {
  return {
    async load(conversationId: string): Promise<StoredChat | null> {
      const raw = await store.get(keys.chat(conversationId));
      if (raw === null) return null;
      return parseStoredChat(conversationId, raw);
    },
    /** Saves the state and appends the turn's new lines to the transcript (both TTLs renewed). */
    async save(conversationId: string, chat: StoredChat): Promise<void> {
      const newLines = chat.newLines;
      const state = serialiseChat(conversationId, chat);
      chat.newLines = [];
      await store.setWithCappedList(keys.chat(conversationId), state, keys.chatTranscript(conversationId), newLines.map((line) => JSON.stringify(line)), TRANSCRIPT_LIMIT, ttlSeconds);
    },
    /** The whole transcript (the last TRANSCRIPT_LIMIT lines), with the lines of `chat` not saved yet. */
    async transcript(conversationId: string, chat?: StoredChat): Promise<TranscriptLine[]> {
      const stored = await store.listRange(keys.chatTranscript(conversationId), -TRANSCRIPT_LIMIT, -1);
      const lines = stored.map((line) => JSON.parse(line) as TranscriptLine);
      if (chat) lines.push(...chat.newLines);
      return lines.slice(-TRANSCRIPT_LIMIT);
    },
  };
}

export type ChatStore = ReturnType<typeof chatStore>;
