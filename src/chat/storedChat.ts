/**
 * The chat state's JSON form in the store, compact (≈ 8 % of a chat turn was its save and load in
 * full): as a stored call (src/voice/storedCall.ts), the context's fields that differ from a new
 * conversation's, the choices as tuples, and the chat's own fields only when they are not their default
 * (mode 'bot', no misses, not acknowledged, no danger, département not asked).
 *
 *   { "v": 2, "s": "askProfile", "k": "<config version>", "c": { "profile": "aidant" }, "misses": 1 }
 *
 * Version 1 (the whole state, nulls included; before it, with the transcript inside) is still read:
 * conversations saved by a previous release live until their TTL.
 */
import type { DangerKind } from '../domain/vocabulary';
import type { TranscriptLine } from '../tickets/ticket';
import type { CallContext } from '../voice/callMachine';
import { compactContext, expandContext, type CompactChoice } from '../voice/storedCall';
import { CompactChatRecord, FullChatRecord, faultyFields } from './storedChatSchema';

/** Who has the conversation: the bot, nobody yet (a hand-off waits), or an advisor. */
export type ChatMode = 'bot' | 'waiting' | 'human';

export interface PendingHandoff {
  reason: 'asked' | 'retries';
  /** Answers that named no département. */
  misses: number;
  /** A postcode shared by several départements: the ones to choose from. */
  candidates: string[];
}

export interface StoredChat {
  v: 1;
  value: string;
  context: CallContext;
  /** The configuration version the chat started on (src/studio): it finishes on it. Absent: the one served now. */
  configVersion?: string;
  mode: ChatMode;
  /** Messages in a row the bot did not understand. */
  misses: number;
  /** The transcript's lines of this turn, not stored yet (in memory only: saved to the transcript's list). */
  newLines: TranscriptLine[];
  acknowledged: boolean;
  danger: DangerKind | null;
  /** The second-stage question was asked (« Êtes-vous en danger en ce moment ? »), about this kind: the answer is awaited. */
  dangerCheck?: DangerKind;
  /** The question was asked while an advisor had (or was to have) the chat: a doubt, not a confirmed danger (the ticket's summary says so). */
  dangerDoubt?: DangerKind;
  /** A hand-off waits for the département (one question), for these reasons; absent when none does. */
  pendingHandoff?: PendingHandoff | null;
  /** The département question was asked once in this conversation: it is not asked again. */
  departementAsked?: boolean;
  /** The person was asked whether their contacts may be linked (src/people/chatConsent.ts). */
  linkConsent?: 'asked';
  /** The conversation's first ticket was counted as a contact of the chat channel. */
  contactCounted?: true;
  /**
   * Where its hand-off stands: waiting for an advisor, a callback booked instead, taken by an advisor
   * (answered), or left by the person before anyone took it (abandoned). The last two are counted once.
   */
  handoff?: 'waiting' | 'callback' | 'answered' | 'abandoned';
}

/** The chat's own fields, absent when they hold their default. */
type ChatFields = Partial<Omit<StoredChat, 'v' | 'value' | 'context' | 'configVersion' | 'newLines'>>;

interface CompactChat extends ChatFields {
  v: 2;
  s: string;
  /** The configuration version (absent: none recorded). */
  k?: string;
  c: Partial<CallContext>;
  ch?: CompactChoice[];
  /** The context's callSid when it is not the conversation's id. */
  id?: string;
}

/** A pending hand-off set back to null (after one) is kept as it is: the round trip is exact. */
const DEFAULTS: Required<Pick<StoredChat, 'mode' | 'misses' | 'acknowledged' | 'danger' | 'departementAsked'>> = {
  mode: 'bot',
  misses: 0,
  acknowledged: false,
  danger: null,
  departementAsked: false,
};

/** The chat's own fields read from the compact form (anything else in the record is left out). */
const CHAT_FIELDS = ['mode', 'misses', 'acknowledged', 'danger', 'dangerCheck', 'dangerDoubt', 'pendingHandoff', 'departementAsked', 'linkConsent', 'contactCounted', 'handoff'] as const satisfies ReadonlyArray<keyof ChatFields>;

/** The state's compact JSON (its new transcript lines are not in it: they go to the transcript's list). */
export function serialiseChat(conversationId: string, chat: StoredChat): string {
  const { v: _v, value, context, configVersion, newLines: _lines, ...fields } = chat;
  const compact: CompactChat = { v: 2, s: value, ...compactContext(context) };
  if (configVersion !== undefined) compact.k = configVersion;
  if (context.callSid !== conversationId) compact.id = context.callSid;
  for (const [field, fieldValue] of Object.entries(fields)) {
    const empty = DEFAULTS[field as keyof typeof DEFAULTS];
    if (fieldValue === undefined || fieldValue === empty) continue;
    (compact as unknown as Record<string, unknown>)[field] = fieldValue;
  }
  return JSON.stringify(compact);
}

/**
 * The stored state (no new lines, or the transcript of a state saved before it had its own list). A
 * record that is not JSON throws its SyntaxError; one that is not a state (checked by zod,
 * storedChatSchema.ts) throws « Stored chat <id> is unusable », the fields at fault in its cause
 * (never their values). Either way the turn fails and the person gets the apology (bot.ts).
 */
export function parseStoredChat(conversationId: string, raw: string): StoredChat {
  const parsed: unknown = JSON.parse(raw);
  // The version read first: one schema's check, not the union's.
  const checked = ((parsed as { v?: unknown } | null)?.v === 1 ? FullChatRecord : CompactChatRecord).safeParse(parsed);
  if (!checked.success) throw new Error(`Stored chat ${conversationId} is unusable`, { cause: new Error(`fields at fault: ${faultyFields(checked.error)}`) });
  const record = checked.data;
  if (record.v === 2) {
    const { s, k, c, ch, id } = record;
    const context = expandContext(id ?? conversationId, c as Partial<CallContext>, ch as CompactChoice[] | undefined);
    const chat: StoredChat = { v: 1, value: s, context, ...(k !== undefined ? { configVersion: k } : {}), mode: 'bot', misses: 0, newLines: [], acknowledged: false, danger: null };
    const fields = chat as unknown as Record<string, unknown>;
    for (const field of CHAT_FIELDS) if (record[field] !== undefined) fields[field] = record[field];
    return chat;
  }
  // A conversation saved before the transcript had its own list kept it in the state: its lines
  // go to the list at the next save (its list does not exist yet).
  const { transcript: before, ...state } = record;
  return { ...state, newLines: (before ?? []) as TranscriptLine[] } as unknown as StoredChat;
}
