/**
 * The closed lists every label value comes from. Whatever a caller hands in, a label is one of these
 * values or a catch-all: no phone number, postcode, free text or id can become a label (and the
 * number of series stays bounded).
 */
import { NEED_IDS } from '../domain/vocabulary';
import { DEPARTEMENT_CODES } from '../places/departements';
import { DANGER_KINDS } from '../safety/detect';

/** The 101 départements, and XX when the territory is not known (national level). */
export const TERRITORY_LABELS: readonly string[] = [...DEPARTEMENT_CODES, 'XX'];
export const NEED_LABELS: readonly string[] = [...NEED_IDS, 'none'];
export const CHANNEL_LABELS = ['voice', 'chat'] as const;
/** Who a call or a chat was put through to: its territory's CERCLE, or the national level (fallback, crisis). */
export const DESTINATION_LABELS = ['territory', 'national'] as const;
export const CALL_OUTCOME_LABELS = ['connected', 'abandoned_in_menu', 'abandoned_in_queue', 'callback_booked', 'declined', 'other'] as const;
/** Twilio's documented QueueResult values. */
export const QUEUE_RESULT_LABELS = ['bridged', 'bridging-in-process', 'queue-full', 'currently-dequeueing', 'hangup', 'redirected', 'leave', 'system-error', 'error', 'other'] as const;
export const FAQ_RESULT_LABELS = ['answered', 'not_sure'] as const;
export const DANGER_LABELS: readonly string[] = [...DANGER_KINDS, 'other'];
export const DANGER_CHECK_OUTCOME_LABELS = ['asked', 'yes', 'no', 'no_answer'] as const;
/** The commands of the Redis store (src/storage/redis-store.ts). */
export const STORE_COMMAND_LABELS = ['GET', 'SET', 'SET NX', 'DEL', 'INCR', 'TTL', 'PING', 'ZADD+EXPIRE', 'ZREM', 'ZRANGE', 'ZCARD+ZRANGE', 'HINCRBY+EXPIRE', 'HGETALL', 'RPUSH+EXPIRE', 'LLEN+RPUSH+EXPIRE', 'LRANGE', 'other'] as const;
export const STORE_FAILURE_LABELS = ['timeout', 'unavailable', 'error'] as const;
/** A route as registered (`/voice/step`, `/api/chats/:id/take`), or `unmatched` (refused before routing, 404). */
export const UNMATCHED_ROUTE = 'unmatched';
const ROUTE_PATTERN = /^\/[A-Za-z0-9/_.:-]{0,80}$/;

const territories = new Set(TERRITORY_LABELS);
const needs = new Set<string>(NEED_IDS);

/** One value of `list`, or `fallback`. */
export function oneOf<T extends string>(list: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function territoryLabel(departement: unknown): string {
  return typeof departement === 'string' && territories.has(departement) ? departement : 'XX';
}

export function needLabel(need: unknown): string {
  return typeof need === 'string' && needs.has(need) ? need : 'none';
}

export function routeLabel(route: unknown): string {
  return typeof route === 'string' && ROUTE_PATTERN.test(route) ? route : UNMATCHED_ROUTE;
}
