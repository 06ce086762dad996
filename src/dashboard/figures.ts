/**
 * From days of counters to the figures the dashboard shows: contacts by channel, answered, abandoned
 * rate, wait p50 / p90, callbacks asked for and done within their target, hand-offs, needs. Pure.
 */
import { NEED_IDS } from '../domain/vocabulary';
import type { DayCounts } from './dailyFigures';
import { WAIT_BUCKETS, WAIT_FIELDS } from './fields';

export interface Totals {
  /** Calls over (every outcome) and chat conversations that reached advisors (a hand-off or a callback request, once each). */
  contacts: { voice: number; chat: number; total: number };
  /** Web chat conversations opened (counted nationally: the territory is not known then). */
  chatsStarted: number;
  /**
   * Chat hand-offs an advisor took (answered), and those the person left before anyone took them
   * (abandoned); abandoned / (answered + abandoned), null without either.
   */
  chats: { answered: number; abandoned: number; abandonedRate: number | null };
  /** Chat questions answered from the knowledge base, and those it was not sure of (counted nationally). */
  faq: { answered: number; notSure: number };
  /** Calls an advisor answered. */
  answered: number;
  /** Calls that hung up in a menu or in the queue. */
  abandoned: number;
  /** abandoned / calls over, from 0 to 1; null without calls. */
  abandonedRate: number | null;
  /**
   * Time in the queue (calls): how many waits, and the upper bound of the bucket that holds the
   * median and the 90th percentile (« at most »); null without waits, or beyond the last bucket.
   */
  waits: { count: number; p50AtMostSeconds: number | null; p90AtMostSeconds: number | null };
  callbacks: { requested: number; done: number; doneWithinTarget: number };
  handoffs: { voice: number; chat: number };
  /** Contacts put through or called back, by need (`none`: not said). */
  needs: Record<string, number>;
}

export interface DaySummary extends Totals {
  day: string;
}

const NEED_KEYS = [...NEED_IDS, 'none'] as const;

/** The counters of several days added up. */
function sum(days: readonly DayCounts[]): Record<string, number> {
  const all: Record<string, number> = {};
  for (const { counts } of days) for (const [field, value] of Object.entries(counts)) all[field] = (all[field] ?? 0) + value;
  return all;
}

/**
 * The upper bound of the bucket in which the `quantile` (0.5, 0.9) of the waits falls: the smallest
 * bound such that at least that share of the waits is at or under it. null beyond the last bound.
 */
export function waitQuantile(bucketCounts: readonly number[], quantile: number): number | null {
  const total = bucketCounts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < bucketCounts.length; i++) {
    seen += bucketCounts[i] ?? 0;
    if (seen >= quantile * total) return WAIT_BUCKETS[i] ?? null;
  }
  return null;
}

export function totalsOf(days: readonly DayCounts[]): Totals {
  const c = sum(days);
  const n = (field: string) => c[field] ?? 0;
  const voice = n('voice.ended');
  const abandoned = n('voice.abandoned_in_menu') + n('voice.abandoned_in_queue');
  const chat = n('contacts.chat');
  const [chatsAnswered, chatsAbandoned] = [n('chats.answered'), n('chats.abandoned')];
  const buckets = WAIT_FIELDS.map(n);
  return {
    contacts: { voice, chat, total: voice + chat },
    chatsStarted: n('chats.started'),
    chats: { answered: chatsAnswered, abandoned: chatsAbandoned, abandonedRate: chatsAnswered + chatsAbandoned === 0 ? null : chatsAbandoned / (chatsAnswered + chatsAbandoned) },
    faq: { answered: n('faq.answered'), notSure: n('faq.not_sure') },
    answered: n('voice.connected'),
    abandoned,
    abandonedRate: voice === 0 ? null : abandoned / voice,
    waits: { count: buckets.reduce((a, b) => a + b, 0), p50AtMostSeconds: waitQuantile(buckets, 0.5), p90AtMostSeconds: waitQuantile(buckets, 0.9) },
    callbacks: { requested: n('callbacks.requested.voice') + n('callbacks.requested.chat'), done: n('callbacks.done'), doneWithinTarget: n('callbacks.done_in_target') },
    handoffs: { voice: n('handoffs.voice'), chat: n('handoffs.chat') },
    needs: Object.fromEntries(NEED_KEYS.map((need) => [need, n(`needs.${need}`)])),
  };
}

/** Each day on its own (the charts' series), oldest first. */
export function daySummaries(days: readonly DayCounts[]): DaySummary[] {
  return days.map((d) => ({ day: d.day, ...totalsOf([d]) }));
}
