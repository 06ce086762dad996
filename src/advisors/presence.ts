/**
 * Presence and capacity of advisors: available, paused or offline, and how many chats at once. Kept
 * in the store per territory (one small JSON map of the people signed in there), each entry valid for
 * PRESENCE_TTL_SECONDS: the console repeats its state (a heartbeat) well within it, so a closed tab
 * or a lost laptop becomes « offline » on its own, and the map itself expires when nobody is there.
 * Holds names, never contact data.
 */
import { z } from 'zod';
import type { Clock, KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import { ALL_TERRITORIES_INDEX } from '../tickets/ticket-store';
import { ROLES, type Principal } from './principal';
import { MAX_CAPACITY } from './staff';

export { MAX_CAPACITY };
import { withStoreLock } from '../storage/lock';

export const PRESENCE_STATES = ['available', 'paused', 'offline'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];

/** How long one state holds without a heartbeat; the console repeats it every PRESENCE_HEARTBEAT_SECONDS. */
export const PRESENCE_TTL_SECONDS = 90;
export const PRESENCE_HEARTBEAT_SECONDS = 30;

export const PresenceBodySchema = z.strictObject({
  state: z.enum(PRESENCE_STATES),
  capacity: z
    .number()
    .int()
    .min(1)
    .max(MAX_CAPACITY, { error: `${MAX_CAPACITY} chats en même temps au plus` })
    .describe('How many chats at once'),
});
export type PresenceBody = z.output<typeof PresenceBodySchema>;

export const PresenceEntrySchema = z
  .object({
    subject: z.string().min(1).max(255),
    name: z.string().min(1).max(200).optional(),
    role: z.enum(ROLES),
    state: z.enum(PRESENCE_STATES),
    capacity: z.number().int().min(1).max(MAX_CAPACITY),
    /** Until when the state holds without a new heartbeat. */
    until: z.iso.datetime({ offset: true }),
  })
  .strict();
export type PresenceEntry = z.output<typeof PresenceEntrySchema>;
/** A presence as the API shows it: with the live chats the advisor has now and the room left. */
export const PresenceViewSchema = PresenceEntrySchema.extend({
  load: z.number().int().min(0).describe('Live chats this advisor has now'),
  room: z.number().int().min(0).describe('How many more chats they may be offered: 0 unless available'),
  maxCapacity: z.number().int().min(1).max(MAX_CAPACITY).optional().describe('Mine only: the most my staff account allows'),
});
export type PresenceView = z.output<typeof PresenceViewSchema>;
/** GET /api/advisor/presence?territory=… (coordinators): who is there, available with room first. */
export const TeamPresenceSchema = z
  .object({
    territory: z.string(),
    available: z.number().int().min(0),
    withRoom: z.number().int().min(0).describe('Available advisors who may take one more chat'),
    advisors: z.array(PresenceViewSchema),
  })
  .strict();

/** The view of an entry given its live chats. */
export function withLoad(entry: PresenceEntry, load: number): PresenceView {
  return { ...entry, load, room: entry.state === 'available' ? Math.max(0, entry.capacity - load) : 0 };
}

/** Available advisors with room first (the most room first), then available but full, paused, offline. */
export function byOffer(a: PresenceView, b: PresenceView): number {
  return ORDER[a.state] - ORDER[b.state] || b.room - a.room || (a.name ?? a.subject).localeCompare(b.name ?? b.subject, 'fr');
}
const PresenceMapSchema = z.record(z.string(), PresenceEntrySchema);
type PresenceMap = z.output<typeof PresenceMapSchema>;

export class PresenceBusyError extends Error {
  constructor() {
    super('Votre disponibilité change en ce moment sur un autre écran. Réessayez dans un instant.');
    this.name = 'PresenceBusyError';
  }
}

export interface Presence {
  /** Records the principal's state in each of their territories; returns it as stored. */
  set(principal: Principal, body: PresenceBody): Promise<PresenceEntry>;
  /** The principal's own state: offline when it was never set or has expired. */
  mine(principal: Principal): Promise<PresenceEntry>;
  /** Everyone whose state still holds in one territory, available first. */
  ofTerritory(territory: string): Promise<PresenceEntry[]>;
}

const LOCK = { seconds: 5, tries: 40, waitMs: 25 };
const ORDER: Record<PresenceState, number> = { available: 0, paused: 1, offline: 2 };

function territoriesOf(principal: Principal): string[] {
  return principal.territories === 'all' ? [ALL_TERRITORIES_INDEX] : principal.territories;
}

export function createPresence(deps: { store: KeyValueStore; keys: StoreKeys; clock: Clock }): Presence {
  const { store, keys, clock } = deps;

  /** The entries of one territory whose state still holds (a damaged map counts as empty). */
  async function read(territory: string): Promise<PresenceMap> {
    const raw = await store.get(keys.advisorPresence(territory));
    let parsed: ReturnType<typeof PresenceMapSchema.safeParse>;
    try {
      parsed = PresenceMapSchema.safeParse(raw ? JSON.parse(raw) : {});
    } catch {
      return {};
    }
    if (!parsed.success) return {};
    const now = clock.now().getTime();
    return Object.fromEntries(Object.entries(parsed.data).filter(([, entry]) => Date.parse(entry.until) > now));
  }

  const withLock = <T>(territory: string, work: () => Promise<T>): Promise<T> =>
    withStoreLock(store, keys.lock('presence', territory), LOCK, () => new PresenceBusyError(), work);

  const offline = (principal: Principal): PresenceEntry => ({
    subject: principal.subject,
    ...(principal.name ? { name: principal.name } : {}),
    role: principal.role,
    state: 'offline',
    capacity: 1,
    until: clock.now().toISOString(),
  });

  return {
    async set(principal, body) {
      const entry: PresenceEntry = {
        ...offline(principal),
        state: body.state,
        capacity: body.capacity,
        until: new Date(clock.now().getTime() + PRESENCE_TTL_SECONDS * 1000).toISOString(),
      };
      for (const territory of territoriesOf(principal)) {
        await withLock(territory, async () => {
          const map = await read(territory);
          map[principal.subject] = entry;
          await store.set(keys.advisorPresence(territory), JSON.stringify(map), PRESENCE_TTL_SECONDS);
        });
      }
      return entry;
    },
    async mine(principal) {
      const [first] = territoriesOf(principal);
      const map = first ? await read(first) : {};
      return map[principal.subject] ?? offline(principal);
    },
    async ofTerritory(territory) {
      const map = await read(territory);
      return Object.values(map).sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.name ?? a.subject).localeCompare(b.name ?? b.subject, 'fr'));
    },
  };
}
