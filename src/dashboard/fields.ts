/**
 * The daily figures' vocabulary: what one event adds to the counters of its day and territory. Pure.
 * Every field name comes from a closed list (channels, call outcomes, need ids, wait buckets): a
 * field can hold no number, no ref, no word a person said, and the set of fields stays bounded.
 */
import { NEED_IDS } from '../domain/vocabulary';
import { CALL_OUTCOME_LABELS, needLabel, oneOf } from '../metrics/labels';

/** Five years (the observatory's counters live as long): daily figures hold no personal data. */
export const DAILY_FIGURES_TTL_SECONDS = 5 * 366 * 24 * 60 * 60;

/**
 * Upper bounds (seconds) of the queue-wait buckets: a wait of 42 s counts in `wait.le60`, beyond the
 * last one in `wait.inf`. Enough for p50 / p90 « at most », never an individual wait.
 */
export const WAIT_BUCKETS = [15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600] as const;
export const WAIT_FIELDS = [...WAIT_BUCKETS.map((b) => `wait.le${b}`), 'wait.inf'] as const;

export const CHANNELS = ['voice', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];
export type Increments = Record<string, number>;

/** Every field a day's counters may hold (the reader ignores anything else). */
export const DAILY_FIELDS: readonly string[] = [
  'chats.started',
  'contacts.chat',
  'chats.answered',
  'chats.abandoned',
  'faq.answered',
  'faq.not_sure',
  'voice.ended',
  ...CALL_OUTCOME_LABELS.map((o) => `voice.${o}`),
  ...CHANNELS.map((c) => `handoffs.${c}`),
  ...CHANNELS.map((c) => `callbacks.requested.${c}`),
  'callbacks.done',
  'callbacks.done_in_target',
  ...[...NEED_IDS, 'none'].map((n) => `needs.${n}`),
  ...WAIT_FIELDS,
];

/**
 * A ticket saved by a turn: a hand-off (to the territory or the national level) or a callback request.
 * Its need is counted once per conversation, with its first ticket (needFields, chatContactFields):
 * a call queued then called back, or a chat handed over then called back, is one need.
 */
export function ticketFields(channel: Channel, kind: 'routed' | 'callback' | 'fallback'): Increments {
  return { [kind === 'callback' ? `callbacks.requested.${channel}` : `handoffs.${channel}`]: 1 };
}

/** A conversation's need, counted with its first ticket. */
export function needFields(need: unknown): Increments {
  return { [`needs.${needLabel(need)}`]: 1 };
}

/** A chat conversation's first ticket: one contact of the chat channel, and its need. */
export function chatContactFields(need: unknown): Increments {
  return { 'contacts.chat': 1, ...needFields(need) };
}

/** A call is over, with its outcome. */
export function callEndedFields(outcome: unknown): Increments {
  return { 'voice.ended': 1, [`voice.${oneOf(CALL_OUTCOME_LABELS, outcome, 'other')}`]: 1 };
}

/** The bucket of one queue wait; null when the wait is not a usable number of seconds. */
export function waitField(seconds: number | undefined): string | null {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return null;
  const bound = WAIT_BUCKETS.find((b) => seconds <= b);
  return bound === undefined ? 'wait.inf' : `wait.le${bound}`;
}

/** A callback done: counted on the day it was asked for, and whether within its territory's target (hours). */
export function callbackDoneFields(requestedAt: Date | null, doneAt: Date, targetHours: number): Increments {
  const withinTarget = requestedAt !== null && doneAt.getTime() - requestedAt.getTime() <= targetHours * 3600 * 1000;
  return withinTarget ? { 'callbacks.done': 1, 'callbacks.done_in_target': 1 } : { 'callbacks.done': 1 };
}
