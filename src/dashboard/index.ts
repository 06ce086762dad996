/**
 * The dashboard for the people who run the service (coordinators, the national team): daily figures
 * without personal data, written where things happen (dailyFigures.ts, a Metrics implementation),
 * « now » from the waiting rooms and presence (now.ts), GET /api/dashboard and /tableau-de-bord.
 */
import type { TokenVerifier } from '../advisors/auth';
import type { Presence } from '../advisors/presence';
import { chatQueueName } from '../chat/chatTurns';
import type { Clock, KeyValueStore } from '../domain/ports';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import type { TerritoriesConfig } from '../territories/schema';
import { ALL_TERRITORIES_INDEX } from '../tickets/ticket-store';
import { UNKNOWN_DEPARTEMENT_SEGMENT } from '../tickets/ref';
import type { Target } from '../routing/types';
import { createDashboard } from './dashboard';
import type { DailyFigures } from './dailyFigures';
import { createNowFigures, type QueuesOf } from './now';
import { createDashboardRouter } from './routes';

export { createDailyFigures, type DailyFigures } from './dailyFigures';

const queueName = (target: Target): string[] => (target.type === 'queue' ? [target.name] : []);

/**
 * Where the contacts of a territory wait: its Twilio queue (when its target is one) and its chat
 * queue; XX: the national fallback's queue and the national chat queue; `all`: every one of them.
 */
export function queuesOfTerritories(territories: TerritoriesConfig): QueuesOf {
  const national = { calls: queueName(territories.national.fallback), chats: [chatQueueName(null)] };
  const of = (code: string) => {
    const territory = territories.territories[code];
    return { calls: territory ? queueName(territory.target) : [], chats: [chatQueueName(code)] };
  };
  return (territory) => {
    if (territory === UNKNOWN_DEPARTEMENT_SEGMENT) return national;
    if (territory !== ALL_TERRITORIES_INDEX) return of(territory);
    const every = [national, ...Object.keys(territories.territories).map(of)];
    return { calls: [...new Set(every.flatMap((q) => q.calls))], chats: every.flatMap((q) => q.chats) };
  };
}

export interface DashboardRouterDeps {
  store: KeyValueStore;
  keys: StoreKeys;
  clock: Clock;
  logger: Logger;
  daily: DailyFigures;
  presence: Presence;
  verifier: TokenVerifier;
  territories: TerritoriesConfig;
  /** The codes of the 101 départements. */
  departementCodes: readonly string[];
  departementName(code: string): string | undefined;
  /** The callback target of a territory, from the version served. */
  callbackTargetHoursOf(territory: string): number;
  ticketTtlDays: number;
  /** Takes the chats whose person is gone out of chat queues, counting them as abandoned (src/chat); absent: none is. */
  sweepGoneChats?(queues: readonly string[]): Promise<unknown>;
}

export function dashboardRouter(deps: DashboardRouterDeps) {
  const queuesOf = queuesOfTerritories(deps.territories);
  const now = createNowFigures({
    store: deps.store,
    keys: deps.keys,
    clock: deps.clock,
    presence: deps.presence,
    daily: deps.daily,
    queuesOf,
    everyTerritory: [...deps.departementCodes, UNKNOWN_DEPARTEMENT_SEGMENT, ALL_TERRITORIES_INDEX],
    ticketTtlDays: deps.ticketTtlDays,
  });
  const territoryName = (territory: string) =>
    territory === ALL_TERRITORIES_INDEX ? 'France entière' : territory === UNKNOWN_DEPARTEMENT_SEGMENT ? 'Niveau national' : (deps.departementName(territory) ?? null);
  async function sweepGoneChats(territory: string): Promise<void> {
    try {
      await deps.sweepGoneChats?.(queuesOf(territory).chats);
    } catch (error) {
      // The figures are read all the same; the next read sweeps again.
      deps.logger.warn({ err: error }, 'dashboard: chats of people gone not swept');
    }
  }
  const dashboard = createDashboard({ daily: deps.daily, now, sweepGoneChats, clock: deps.clock, territoryName, callbackTargetHoursOf: deps.callbackTargetHoursOf });
  return createDashboardRouter({ dashboard, verifier: deps.verifier, logger: deps.logger, departementName: deps.departementName });
}
