/**
 * Tickets in the key-value store: one JSON value per ref, validated on write and on read, every key
 * with a TTL counted from the ticket's creation (retention of personal data; updates do not extend it).
 */
import { z } from 'zod';
import { systemClock, type Clock, type KeyValueStore } from '../domain/ports';
import { storeKeys as defaultStoreKeys, type StoreKeys } from '../storage/keys';
import { isTicketRef, UNKNOWN_DEPARTEMENT_SEGMENT } from './ref';
import { assembleTicket, TicketDraftSchema, TicketSchema, type Ticket, type TicketDraft } from './ticket';

export interface TicketStoreOptions {
  /** Retention of a ticket, in days from its creation. */
  ttlDays: number;
  clock?: Clock;
  /** Key names (tests use their own namespace). */
  keys?: StoreKeys;
  /**
   * Told after each successful write (e.g. to announce it to the advisors' consoles). Its failures are
   * its own business: they never fail the write.
   */
  onSaved?: (ticket: Ticket, change: 'created' | 'updated') => void;
  /**
   * Told when a ticket joins its person's index (created with a person key, or given one later), after
   * the write: e.g. to tell the referent of an open case that their person is back. Never fails a write.
   */
  onPersonLinked?: (ticket: Ticket) => void;
}

/** The territory a ticket belongs to: its département, or XX (the national level) when unknown. */
export function territoryOfTicket(ticket: Pick<Ticket, 'departement'>): string {
  return ticket.departement ?? UNKNOWN_DEPARTEMENT_SEGMENT;
}

/** All territories at once, in the territory index (national admins). */
export const ALL_TERRITORIES_INDEX = 'all';

/** YYYY-MM (UTC) of a date. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

export interface TicketStore {
  /**
   * Creates the ticket, or updates it when its ref exists (idempotent: Twilio retries land here).
   * An update overwrites the fields given, keeps the others and `createdAt`, sets `updatedAt`.
   * Rejects with TicketValidationError (bad draft), TicketConflictError (the ref belongs to
   * another conversation), StoreUnavailableError (store down). `likelyNew`: the caller expects no
   * ticket of that ref yet (a call's first ticket): it is created without reading the ref first (one
   * round trip less); if the ref exists after all, it is read and updated as usual.
   */
  createOrUpdate(draft: TicketDraft, options?: { likelyNew?: boolean }): Promise<Ticket>;
  /** The ticket, or null when absent or expired; TicketCorruptError when the stored value is invalid. */
  get(ref: string): Promise<Ticket | null>;
  /** The ticket a conversation (CallSid, chat id) created, or null. */
  getByConversation(conversationId: string): Promise<Ticket | null>;
  /**
   * The refs of the tickets of a territory (a département code, XX, or ALL_TERRITORIES_INDEX) created
   * since `since`, newest first, read from the per-territory monthly index (no scan). A ref may name a
   * ticket that has expired since, or (rarely) one whose département changed: callers check the ticket.
   */
  refsOfTerritory(territory: string, since: Date): Promise<string[]>;
  /**
   * The refs of one person's tickets (by person key), oldest first, without repeats. A ref may name a
   * ticket that has expired or been erased since: callers check the ticket.
   */
  refsOfPerson(personKey: string): Promise<string[]>;
  /** Forgets which tickets belong to the person (GDPR erasure). */
  unlinkPerson(personKey: string): Promise<void>;
  /** Deletes the ticket and its conversation link (GDPR erasure); the indexes keep only its ref. */
  remove(ref: string): Promise<void>;
}

/** The ticket given to `createOrUpdate` is not valid. Names the fields, never their values. */
export class TicketValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TicketValidationError';
  }
}

/** A stored ticket cannot be read back (not JSON, or not a valid ticket). */
export class TicketCorruptError extends Error {
  constructor(
    readonly ref: string,
    reason: string,
  ) {
    super(`Stored ticket ${ref} is corrupt: ${reason}`);
    this.name = 'TicketCorruptError';
  }
}

/** The ref is already used by another conversation (a suffix collision): nothing was overwritten. */
export class TicketConflictError extends Error {
  constructor(readonly ref: string) {
    super(`Ticket ref ${ref} already belongs to another conversation`);
    this.name = 'TicketConflictError';
  }
}

const SECONDS_PER_DAY = 24 * 60 * 60;
const CREATE_ATTEMPTS = 2;

/** `field.path: message; …` — zod messages name fields and expectations, never the input values. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Keeps only the fields actually given, so an update does not erase what it does not mention (the type
 * stays: a field left out was one the type lets be absent).
 */
function definedFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export function createTicketStore(store: KeyValueStore, options: TicketStoreOptions): TicketStore {
  const clock = options.clock ?? systemClock;
  const keys = options.keys ?? defaultStoreKeys;
  if (!Number.isInteger(options.ttlDays) || options.ttlDays < 1) {
    throw new RangeError('ttlDays must be a whole number of days >= 1');
  }
  const retentionMs = options.ttlDays * SECONDS_PER_DAY * 1000;

  /** Seconds left until the retention of a ticket created at `createdAt` ends (at least 1). */
  function remainingTtlSeconds(createdAt: string, now: Date): number {
    const left = Date.parse(createdAt) + retentionMs - now.getTime();
    return Math.max(1, Math.ceil(left / 1000));
  }

  function parseStored(ref: string, raw: string): Ticket {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      // The parser's message quotes the input: do not pass it on.
      throw new TicketCorruptError(ref, 'not valid JSON');
    }
    const parsed = TicketSchema.safeParse(json);
    if (!parsed.success) throw new TicketCorruptError(ref, describeIssues(parsed.error));
    return parsed.data;
  }

  /** A ticket built here from checked parts: only the rule linking two fields is left to check. */
  function validated(parts: Ticket): Ticket {
    const assembled = assembleTicket(parts);
    if (!assembled.ok) throw new TicketValidationError(`Invalid ticket: ${assembled.issue}`);
    return assembled.ticket;
  }

  async function get(ref: string): Promise<Ticket | null> {
    if (!isTicketRef(ref)) return null;
    const raw = await store.get(keys.ticket(ref));
    return raw === null ? null : parseStored(ref, raw);
  }

  async function remember(ticket: Ticket, ttlSeconds: number): Promise<void> {
    await store.set(keys.ticketByConversation(ticket.conversationId), ticket.ref, ttlSeconds);
  }

  /**
   * A written ticket survives a failover of Redis: the caller is answered once the replicas hold its
   * writes (or did not confirm in time: the ticket then stands on the primary only).
   */
  async function replicate(ticket: Ticket, territories: readonly string[]): Promise<void> {
    const month = monthOf(new Date(ticket.createdAt));
    await store.waitForReplicas([
      keys.ticket(ticket.ref),
      keys.ticketByConversation(ticket.conversationId),
      ...territories.map((territory) => keys.ticketIndex(territory, month)),
    ]);
  }

  /** A month's index outlives the retention of every ticket it names (31 days more than the newest). */
  const indexTtlSeconds = (options.ttlDays + 31) * SECONDS_PER_DAY;
  async function index(ticket: Ticket, territories: readonly string[]): Promise<void> {
    const month = monthOf(new Date(ticket.createdAt));
    await Promise.all(territories.map((territory) => store.listAppend(keys.ticketIndex(territory, month), ticket.ref, indexTtlSeconds)));
  }

  /** A person's index lives as long as a ticket: each new contact starts its retention again. */
  const personIndexTtlSeconds = options.ttlDays * SECONDS_PER_DAY;
  async function linkPerson(ticket: Ticket): Promise<void> {
    if (ticket.personKey === undefined) return;
    await store.listAppend(keys.personTickets(ticket.personKey), ticket.ref, personIndexTtlSeconds);
  }

  function told(ticket: Ticket, change: 'created' | 'updated', personLinked: boolean): void {
    try {
      options.onSaved?.(ticket, change);
      if (personLinked) options.onPersonLinked?.(ticket);
    } catch {
      // A listener never fails a write.
    }
  }

  return {
    async createOrUpdate(input, options) {
      const draftResult = TicketDraftSchema.safeParse(input);
      if (!draftResult.success) {
        throw new TicketValidationError(`Invalid ticket: ${describeIssues(draftResult.error)}`);
      }
      const draft = definedFields(draftResult.data);
      const key = keys.ticket(draftResult.data.ref);

      for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
        const now = clock.now();
        const nowIso = now.toISOString();
        const existing = attempt === 0 && options?.likelyNew === true ? null : await get(draftResult.data.ref);

        if (existing === null) {
          const created = validated({ status: 'nouveau', choices: [], ...draft, createdAt: nowIso, updatedAt: nowIso });
          const ttlSeconds = remainingTtlSeconds(created.createdAt, now);
          if (await store.setIfAbsent(key, JSON.stringify(created), ttlSeconds)) {
            // Independent writes, sent together (one round trip).
            await Promise.all([remember(created, ttlSeconds), index(created, [territoryOfTicket(created), ALL_TERRITORIES_INDEX]), linkPerson(created)]);
            await replicate(created, [territoryOfTicket(created), ALL_TERRITORIES_INDEX]);
            told(created, 'created', created.personKey !== undefined);
            return created;
          }
          continue; // created concurrently (a retried webhook): update it instead
        }

        if (existing.conversationId !== draftResult.data.conversationId) {
          throw new TicketConflictError(existing.ref);
        }
        const updated = validated({ ...existing, ...draft, createdAt: existing.createdAt, updatedAt: nowIso });
        const ttlSeconds = remainingTtlSeconds(updated.createdAt, now);
        await store.set(key, JSON.stringify(updated), ttlSeconds);
        await remember(updated, ttlSeconds);
        // A département learned later: the ticket joins that territory's index too.
        const newTerritory = territoryOfTicket(updated) !== territoryOfTicket(existing) ? [territoryOfTicket(updated)] : [];
        await index(updated, newTerritory);
        const personLinked = updated.personKey !== undefined && updated.personKey !== existing.personKey;
        if (personLinked) await linkPerson(updated);
        await replicate(updated, newTerritory);
        told(updated, 'updated', personLinked);
        return updated;
      }
      throw new TicketConflictError(draftResult.data.ref);
    },

    get,

    async getByConversation(conversationId) {
      if (conversationId === '') return null;
      const ref = await store.get(keys.ticketByConversation(conversationId));
      if (ref === null) return null;
      const ticket = await get(ref);
      return ticket !== null && ticket.conversationId === conversationId ? ticket : null;
    },

    async refsOfTerritory(territory, since) {
      const months: string[] = [];
      const cursor = new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth(), 1));
      const last = monthOf(clock.now());
      while (monthOf(cursor) <= last && months.length < 1200) {
        months.push(monthOf(cursor));
        cursor.setUTCMonth(cursor.getUTCMonth() + 1);
      }
      const lists = await Promise.all(months.map((month) => store.listRange(keys.ticketIndex(territory, month), 0, -1)));
      const refs: string[] = [];
      const seen = new Set<string>();
      for (const list of lists.reverse()) {
        for (const ref of [...list].reverse()) {
          if (seen.has(ref)) continue;
          seen.add(ref);
          refs.push(ref);
        }
      }
      return refs;
    },

    async refsOfPerson(personKey) {
      if (!/^[0-9a-f]{64}$/.test(personKey)) return [];
      return [...new Set(await store.listRange(keys.personTickets(personKey), 0, -1))];
    },

    async unlinkPerson(personKey) {
      if (/^[0-9a-f]{64}$/.test(personKey)) await store.del(keys.personTickets(personKey));
    },

    async remove(ref) {
      const ticket = await get(ref).catch((error: unknown) => {
        if (error instanceof TicketCorruptError) return null;
        throw error;
      });
      if (ticket) await store.del(keys.ticketByConversation(ticket.conversationId));
      if (isTicketRef(ref)) await store.del(keys.ticket(ref));
    },
  };
}
