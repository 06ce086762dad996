/**
 * The dashboard's use case: who may read which territory's figures, and the figures of a period
 * (today, each day, the totals) with « now ». No express here: routes.ts turns it into HTTP answers.
 *
 * Readers: coordinators, for their territories (XX when they are of the national team); national
 * admins, for every territory and the national total (`all`). Advisors and authorities: refused
 * (advisors have their console; authorities read the observatory's published figures only).
 */
import type { Principal } from '../advisors/principal';
import type { Clock } from '../domain/ports';
import { addDays } from '../routing/local-time';
import { ALL_TERRITORIES_INDEX } from '../tickets/ticket-store';
import type { DailyFigures } from './dailyFigures';
import { daySummaries, totalsOf, type DaySummary, type Totals } from './figures';
import type { NowFigures } from './now';
import { DEFAULT_PERIOD_DAYS, MAX_PERIOD_DAYS, type DashboardQuery } from './schemas';

export interface DashboardFigures {
  territory: string;
  territoryName: string | null;
  from: string;
  to: string;
  today: string;
  /** The territory's callback target (hours); null for the whole country, where each territory has its own. */
  callbackTargetHours: number | null;
  now: NowFigures;
  todayTotals: Totals;
  period: Totals;
  days: DaySummary[];
}

export type DashboardOutcome = { ok: true; value: DashboardFigures } | { ok: false; status: 400 | 403; error: string };

/** May the principal read the dashboard of `territory` (a département, XX or `all`)? */
export function readsDashboardOf(principal: Principal, territory: string): boolean {
  if (principal.role === 'national_admin') return true;
  if (principal.role !== 'coordinator' || principal.territories === 'all') return false;
  return (principal.territories as readonly string[]).includes(territory);
}

/** The territory shown when none is asked for: the national total for a national admin, else the first of theirs. */
export function defaultTerritoryOf(principal: Principal): string | undefined {
  return principal.territories === 'all' ? ALL_TERRITORIES_INDEX : principal.territories[0];
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length <= MAX_PERIOD_DAYS; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface DashboardDeps {
  daily: Pick<DailyFigures, 'read' | 'dayOf'>;
  now(territory: string): Promise<NowFigures>;
  /**
   * Counts the chat hand-offs of `territory` whose person is gone as abandoned (src/chat, sweepGone),
   * before the figures are read, so that they are in them. Never rejects.
   */
  sweepGoneChats?(territory: string): Promise<void>;
  clock: Clock;
  /** The French name of a territory (a département's name, « national », « France entière »). */
  territoryName(territory: string): string | null;
  /** The callback target of a département or XX (config/territories.yaml, the version served). */
  callbackTargetHoursOf(territory: string): number;
}

export function createDashboard(deps: DashboardDeps) {
  return {
    async figures(principal: Principal, query: DashboardQuery): Promise<DashboardOutcome> {
      const territory = query.territory ?? defaultTerritoryOf(principal);
      if (territory === undefined || !readsDashboardOf(principal, territory)) {
        return { ok: false, status: 403, error: 'Seuls les coordinateurs du département et l’équipe nationale lisent son tableau de bord.' };
      }
      const today = deps.daily.dayOf(territory, deps.clock.now());
      const to = query.to ?? (query.from !== undefined && query.from > today ? query.from : today);
      const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
      const days = daysBetween(from, to);
      if (days.length > MAX_PERIOD_DAYS) return { ok: false, status: 400, error: `La période couvre ${MAX_PERIOD_DAYS} jours au plus.` };
      await deps.sweepGoneChats?.(territory);
      const [counts, [todayCounts], now] = await Promise.all([deps.daily.read(territory, days), deps.daily.read(territory, [today]), deps.now(territory)]);
      return {
        ok: true,
        value: {
          territory,
          territoryName: deps.territoryName(territory),
          from,
          to,
          today,
          callbackTargetHours: territory === ALL_TERRITORIES_INDEX ? null : deps.callbackTargetHoursOf(territory),
          now,
          todayTotals: totalsOf(todayCounts ? [todayCounts] : []),
          period: totalsOf(counts),
          days: daySummaries(counts),
        },
      };
    },
  };
}

export type Dashboard = ReturnType<typeof createDashboard>;
