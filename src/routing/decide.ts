/**
 * Where a call goes now: the one routing decision, pure and fast (it runs on every routed call).
 * Order: the crisis switch, then an exceptional closure, then the territory's public holidays, then its opening hours,
 * all in the territory's own time zone.
 */
import type { TerritoriesConfig, Territory } from '../territories/schema';
import { hoursInWords } from './hours-in-words';
import { openingStatus } from './opening-hours';
import type { RouteDecision } from './types';

export { isOpenAt, nextOpening } from './opening-hours';

/** territoryName of decisions that go to the national fallback. */
export const NATIONAL_TERRITORY_NAME = 'national';

function territoryFor(config: TerritoriesConfig, code: string): Territory | undefined {
  return Object.hasOwn(config.territories, code) ? config.territories[code] : undefined;
}

/**
 * departement null (the caller asked for a human before giving one) or not a known code:
 * the national fallback, as an open decision.
 */
export function decideRoute(config: TerritoriesConfig, departement: string | null, now: Date): RouteDecision {
  const { national } = config;
  if (national.crisis.enabled) {
    return { kind: 'crisis', target: national.crisis.target, message: national.crisis.message };
  }
  const code = departement === null ? null : departement.toUpperCase();
  const territory = code === null ? undefined : territoryFor(config, code);
  if (code === null || territory === undefined) {
    return {
      kind: 'open',
      departement: null,
      territoryName: NATIONAL_TERRITORY_NAME,
      target: national.fallback,
      callbackOfferAfterSeconds: national.callbackOfferAfterSeconds,
    };
  }
  const status = territory.closure ? 'closure' : openingStatus(territory, now);
  if (status === 'open') {
    return {
      kind: 'open',
      departement: code,
      territoryName: territory.name,
      target: territory.target,
      callbackOfferAfterSeconds: territory.callbackOfferAfterSeconds,
    };
  }
  return {
    kind: 'closed',
    departement: code,
    territoryName: territory.name,
    reason: status,
    hoursInWords: hoursInWords(territory.hours),
    whenClosed: territory.whenClosed,
    fallback: national.fallback,
    ...(territory.closure ? { message: territory.closure.message } : territory.closedMessage === undefined ? {} : { message: territory.closedMessage }),
  };
}
