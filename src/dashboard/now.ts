/**
 * « Now » for one territory (a département, XX for the national level, or `all`): who waits (calls
 * in the Twilio queue, chats waiting for an advisor), since when the first, the callbacks still to
 * make, and the advisors available. Counts only: the waiting room's members (CallSids, chat ids) and
 * the advisors' names never leave this module.
 */
import type { Presence, PresenceEntry } from '../advisors/presence';
import type { Clock, KeyValueStore } from '../domain/ports';
import { addDays } from '../routing/local-time';
import type { StoreKeys } from '../storage/keys';
import { ALL_TERRITORIES_INDEX } from '../tickets/ticket-store';
import type { DailyFigures } from './dailyFigures';
import { totalsOf } from './figures';

export interface NowFigures {
  callsWaiting: number;
  chatsWaiting: number;
  /** Seconds since the contact that has waited longest joined its queue; null when nobody waits. */
  longestWaitSeconds: number | null;
  /** Callbacks asked for within the tickets' retention and not done yet. */
  callbacksToMake: number;
  advisorsAvailable: number;
  advisorsPaused: number;
}

/** The Twilio queues and the chat queues whose waiting contacts belong to a territory. */
export interface QueuesOf {
  (territory: string): { calls: string[]; chats: string[] };
}

export interface NowDeps {
  store: KeyValueStore;
  keys: StoreKeys;
  clock: Clock;
  presence: Pick<Presence, 'ofTerritory'>;
  daily: Pick<DailyFigures, 'read' | 'dayOf'>;
  queuesOf: QueuesOf;
  /** The territories whose presence makes up `all` (every département, XX, and `all` itself). */
  everyTerritory: readonly string[];
  /** How long a callback ticket lives: older requests cannot be made any more. */
  ticketTtlDays: number;
}

export function createNowFigures(deps: NowDeps): (territory: string) => Promise<NowFigures> {
  const { store, keys, clock } = deps;

  async function waiting(queues: readonly string[]): Promise<{ count: number; since: number | null }> {
    const summaries = await Promise.all(queues.map((name) => store.sortedSummary(keys.queue(name))));
    const scores = summaries.flatMap((s) => (s.lowestScore === null ? [] : [s.lowestScore]));
    return { count: summaries.reduce((a, s) => a + s.count, 0), since: scores.length ? Math.min(...scores) : null };
  }

  async function advisorsOf(territory: string): Promise<PresenceEntry[]> {
    const places = territory === ALL_TERRITORIES_INDEX ? deps.everyTerritory : [territory];
    const maps = await Promise.all(places.map((t) => deps.presence.ofTerritory(t)));
    // Someone who works for several territories counts once in the national total.
    return [...new Map(maps.flat().map((entry) => [entry.subject, entry])).values()];
  }

  async function callbacksToMake(territory: string): Promise<number> {
    const today = deps.daily.dayOf(territory, clock.now());
    const days = Array.from({ length: deps.ticketTtlDays + 1 }, (_, i) => addDays(today, -i));
    const { callbacks } = totalsOf(await deps.daily.read(territory, days));
    return Math.max(0, callbacks.requested - callbacks.done);
  }

  return async (territory) => {
    const queues = deps.queuesOf(territory);
    const [calls, chats, advisors, toMake] = await Promise.all([waiting(queues.calls), waiting(queues.chats), advisorsOf(territory), callbacksToMake(territory)]);
    const firsts = [calls.since, chats.since].filter((s): s is number => s !== null);
    const now = clock.now().getTime();
    return {
      callsWaiting: calls.count,
      chatsWaiting: chats.count,
      longestWaitSeconds: firsts.length ? Math.max(0, Math.round((now - Math.min(...firsts)) / 1000)) : null,
      callbacksToMake: toMake,
      advisorsAvailable: advisors.filter((a) => a.state === 'available').length,
      advisorsPaused: advisors.filter((a) => a.state === 'paused').length,
    };
  };
}
