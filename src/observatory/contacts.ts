/**
 * Contacts for the observatory: when a ticket is created, one is added to an anonymous monthly
 * counter of its territory, need, profile and channel. The counter holds no ref, no day, no number,
 * nothing a person wrote: it outlives the ticket (tickets live 90 days, these counters five years).
 */
import { z } from 'zod';
import type { KeyValueStore } from '../domain/ports';
import { NEED_IDS, PROFILES } from '../domain/vocabulary';
import type { StoreKeys } from '../storage/keys';
import type { Ticket } from '../tickets/ticket';
import { monthOf, territoryOfTicket } from '../tickets/ticket-store';
import { OBSERVATORY_TTL_SECONDS } from '../advisors/observatory';
import { CHANNELS, NOT_SAID } from './settings';

export const NEED_ROWS = [...NEED_IDS, NOT_SAID] as const;
export const PROFILE_ROWS = [...PROFILES, NOT_SAID] as const;

export interface ContactCount {
  month: string;
  need: (typeof NEED_ROWS)[number];
  profile: (typeof PROFILE_ROWS)[number];
  channel: (typeof CHANNELS)[number];
  count: number;
}

export interface ContactCounters {
  /** Counts a newly created ticket once. */
  count(ticket: Pick<Ticket, 'departement' | 'need' | 'profile' | 'channel' | 'createdAt'>): Promise<void>;
  /** Every non-zero counter of one territory (a département code or XX) for these months. */
  of(territory: string, months: readonly string[]): Promise<ContactCount[]>;
}

const COUNTER = 'observatory-contacts';
/** The list of the counters that exist for one territory and month (so a read asks only for those). */
const INDEX = 'observatory-contacts-index';

const ComboSchema = z.tuple([z.enum(NEED_ROWS), z.enum(PROFILE_ROWS), z.enum(CHANNELS)]);

export function createContactCounters(store: KeyValueStore, keys: StoreKeys): ContactCounters {
  const keyOf = (territory: string, c: Omit<ContactCount, 'count'>) => keys.counter(COUNTER, territory, c.month, c.need, c.profile, c.channel);
  return {
    async count(ticket) {
      const territory = territoryOfTicket(ticket);
      const combo: Omit<ContactCount, 'count'> = { month: monthOf(new Date(ticket.createdAt)), need: ticket.need ?? NOT_SAID, profile: ticket.profile ?? NOT_SAID, channel: ticket.channel };
      const key = keyOf(territory, combo);
      // The counter is created with its five-year TTL (and listed in its month's index), then
      // incremented: INCR keeps the TTL.
      if (await store.setIfAbsent(key, '0', OBSERVATORY_TTL_SECONDS)) {
        await store.listAppend(keys.counter(INDEX, territory, combo.month), [combo.need, combo.profile, combo.channel].join(' '), OBSERVATORY_TTL_SECONDS);
      }
      await store.incr(key);
    },
    async of(territory, months) {
      const listed = await Promise.all(months.map((month) => store.listRange(keys.counter(INDEX, territory, month), 0, -1)));
      const wanted = months.flatMap((month, i) =>
        [...new Set(listed[i])].flatMap((text) => {
          const combo = ComboSchema.safeParse(text.split(' '));
          return combo.success ? [{ month, need: combo.data[0], profile: combo.data[1], channel: combo.data[2] }] : [];
        }),
      );
      const values = await Promise.all(wanted.map((c) => store.get(keyOf(territory, c))));
      return wanted.flatMap((c, i) => {
        const count = Number(values[i] ?? 0);
        return Number.isSafeInteger(count) && count > 0 ? [{ ...c, count }] : [];
      });
    },
  };
}
