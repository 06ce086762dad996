/**
 * Emergencies reach every call, even one that finishes on an older version: its routing reads its
 * own version's territories with the crisis switch and the exceptional closures of the version
 * served now. Pure; the result is remembered while both stay the same.
 */
import type { TerritoriesConfig } from '../territories/schema';

export function withLiveEmergencies(own: TerritoriesConfig, live: TerritoriesConfig): TerritoriesConfig {
  if (own === live) return own;
  const territories = Object.fromEntries(
    Object.entries(own.territories).map(([code, territory]) => {
      const closure = live.territories[code]?.closure;
      if (closure?.message === territory.closure?.message) return [code, territory];
      const { closure: _own, ...rest } = territory;
      return [code, closure === undefined ? rest : { ...rest, closure }];
    }),
  );
  return { national: { ...own.national, crisis: live.national.crisis }, territories };
}

/** withLiveEmergencies, computed again only when the live territories change. */
export function liveEmergencies(own: TerritoriesConfig, live: () => TerritoriesConfig): () => TerritoriesConfig {
  let seen: TerritoriesConfig | null = null;
  let result = own;
  return () => {
    const now = live();
    if (now !== seen) {
      seen = now;
      result = withLiveEmergencies(own, now);
    }
    return result;
  };
}
