/**
 * The daily figures in the store: one hash of counters per territory and local day (and one for the
 * whole country, `all`), written where things happen. It is an implementation of the Metrics port
 * (src/domain/ports.ts), beside the Prometheus one: the edges that count for /metrics count here too,
 * through the same calls. No ref, no number, no individual wait: counters only, kept five years.
 *
 * A day is the territory's own calendar day (its time zone; the national level's is Paris). Writes
 * are fire and forget: a figure lost while the store is down never delays or breaks a call or a chat.
 * What is counted in one synchronous run is added up and sent once per hash.
 */
import type { Clock, KeyValueStore, Metrics } from '../domain/ports';
import type { Logger } from '../logging';
import { territoryLabel } from '../metrics/labels';
import { localMoment } from '../routing/local-time';
import type { StoreKeys } from '../storage/keys';
import { ALL_TERRITORIES_INDEX } from '../tickets/ticket-store';
import { callbackDoneFields, callEndedFields, chatContactFields, DAILY_FIELDS, DAILY_FIGURES_TTL_SECONDS, needFields, ticketFields, waitField, type Increments } from './fields';

export const NATIONAL_TIME_ZONE = 'Europe/Paris';

/** One territory's counters for one day (fields from DAILY_FIELDS, absent when zero). */
export interface DayCounts {
  day: string;
  counts: Record<string, number>;
}

export interface DailyFigures extends Metrics {
  /** The counters of `territory` (a département code, XX, or `all`) for each day of `days`. */
  read(territory: string, days: readonly string[]): Promise<DayCounts[]>;
  /** The local calendar day of an instant in a territory. */
  dayOf(territory: string, at: Date): string;
}

export interface DailyFiguresDeps {
  store: KeyValueStore;
  keys: StoreKeys;
  clock: Clock;
  logger: Logger;
  /** The time zone of a département (undefined for XX or an unknown code). */
  timeZoneOf(territory: string): string | undefined;
  /** The callback target of a territory (config/territories.yaml, the version served when the callback is done). */
  callbackTargetHoursOf(territory: string): number;
}

const known = new Set(DAILY_FIELDS);

export function createDailyFigures(deps: DailyFiguresDeps): DailyFigures {
  const { store, keys, clock, logger } = deps;
  const dayOf = (territory: string, at: Date) => localMoment(at, deps.timeZoneOf(territory) ?? NATIONAL_TIME_ZONE).date;

  /**
   * Increments not yet sent, by hash: what one turn counts (a call oriented and its ticket saved) goes
   * out in one script (one HINCRBY per hash), once the turn's synchronous work is done.
   */
  const pending = new Map<string, Increments>();
  function flush(): void {
    const hashes = [...pending].map(([key, increments]) => ({ key, increments }));
    pending.clear();
    // The territory's day and the country's together: one script on one Redis server.
    void store.hashIncrementAll(hashes, DAILY_FIGURES_TTL_SECONDS).catch((error: unknown) => {
      logger.warn({ err: error }, 'dashboard: daily figures not counted');
    });
  }

  /** Adds to the territory's day and to the country's (the same local day: the national total is their sum). */
  function add(departement: unknown, increments: Increments, at: Date = clock.now()): void {
    const territory = territoryLabel(departement);
    const day = dayOf(territory, at);
    if (pending.size === 0) queueMicrotask(flush);
    for (const where of [territory, ALL_TERRITORIES_INDEX]) {
      const key = keys.dailyFigures(where, day);
      const sum: Increments = { ...pending.get(key) };
      for (const [field, by] of Object.entries(increments)) sum[field] = (sum[field] ?? 0) + by;
      pending.set(key, sum);
    }
  }

  const nothing = () => undefined;
  return {
    callStarted: nothing,
    chatStarted: () => add(null, { 'chats.started': 1 }),
    chatContact: (departement, need) => add(departement, chatContactFields(need)),
    chatHandoffEnded: (departement, outcome, at) => add(departement, { [`chats.${outcome}`]: 1 }, at),
    ticketSaved: (channel, ticket) => add(ticket.departement, ticketFields(channel, ticket.kind)),
    callOriented: (departement, need) => add(departement, needFields(need)),
    callEnded: (departement, outcome) => add(departement, callEndedFields(outcome)),
    queueLeft(departement, _result, waitedSeconds) {
      const field = waitField(waitedSeconds);
      if (field !== null) add(departement, { [field]: 1 });
    },
    callbackDone(departement, requestedAt) {
      const asked = requestedAt === null ? null : new Date(requestedAt);
      const usable = asked !== null && !Number.isNaN(asked.getTime()) ? asked : null;
      add(departement, callbackDoneFields(usable, clock.now(), deps.callbackTargetHoursOf(territoryLabel(departement))), usable ?? clock.now());
    },
    // Counted nationally, like the chats opened: a question is often asked before the département is known.
    faqAnswered: (result) => add(null, { [`faq.${result}`]: 1 }),
    dangerDetected: nothing,
    dangerCheck: nothing,
    storeFailed: nothing,
    requestServed: nothing,

    async read(territory, days) {
      const hashes = await Promise.all(days.map((day) => store.hashGetAll(keys.dailyFigures(territory, day))));
      return days.map((day, i) => {
        const counts: Record<string, number> = {};
        for (const [field, text] of Object.entries(hashes[i] ?? {})) {
          const value = Number(text);
          if (known.has(field) && Number.isSafeInteger(value) && value > 0) counts[field] = value;
        }
        return { day, counts };
      });
    },
    dayOf,
  };
}
