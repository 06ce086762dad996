/** The repository's own configuration, loaded once per test file, and variations of it. */
import { join } from 'node:path';
import { loadAppConfig, type AppConfig } from '../../src/config/appConfig';
import type { TerritoriesConfig } from '../../src/territories/schema';
import type { Target } from '../../src/routing/types';

export const REPO_ROOT = join(__dirname, '..', '..');

let cached: AppConfig | undefined;
export function repoConfig(): AppConfig {
  cached ??= loadAppConfig(REPO_ROOT);
  return cached;
}

export function withTerritories(config: AppConfig, change: (territories: TerritoriesConfig) => TerritoriesConfig): AppConfig {
  return { ...config, territories: change(structuredClone(config.territories)) };
}

export function withCrisis(config: AppConfig, target: Target, message: string): AppConfig {
  return withTerritories(config, (t) => ({ ...t, national: { ...t.national, crisis: { enabled: true, target, message } } }));
}

export function withTarget(config: AppConfig, departement: string, target: Target): AppConfig {
  return withTerritories(config, (t) => {
    const territory = t.territories[departement];
    if (!territory) throw new Error(`no territory ${departement}`);
    t.territories[departement] = { ...territory, target };
    return t;
  });
}

/** Times used across tests (UTC instants). */
export const TIMES = {
  /** Monday 23 November 2026, 10:00 in Paris: open. */
  mondayMorningParis: '2026-11-23T09:00:00.000Z',
  /** Monday 23 November 2026, 14:30 in Paris, 09:30 in the Antilles, 17:30 in La Réunion: every territory is open. */
  mondayAllOpen: '2026-11-23T13:30:00.000Z',
  /** Monday 23 November 2026, 21:00 in Paris: closed. */
  mondayEveningParis: '2026-11-23T20:00:00.000Z',
  /** Friday 25 December 2026, 10:00 in Paris: Christmas, closed. */
  christmasMorningParis: '2026-12-25T09:00:00.000Z',
  /** Saturday 28 November 2026, 10:00 in Paris. */
  saturdayMorningParis: '2026-11-28T09:00:00.000Z',
} as const;
