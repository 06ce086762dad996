/**
 * Tickets in the key-value store: one JSON value per ref, validated on write and on read, every key
 * with a TTL counted from the ticket's creation (retention of personal data; updates do not extend it).
 */
import { z } from 'zod';
import { systemClock, type Clock, type KeyValueStore } from '../domain/ports';
import { storeKeys as defaultStoreKeys, type StoreKeys } from '../storage/keys';
import { isTicketRef } from './ref';
import { TicketDraftSchema, TicketSchema, type Ticket, type TicketDraft } from './ticket';

export interface TicketStoreOptions {
  /** Retention of a ticket, in days from its creation. */
  ttlDays: number;
  clock?: Clock;
  /** Key names (tests use their own namespace). */
  keys?: StoreKeys;
}

export interface TicketStore {
  /**
   * Creates the ticket, or updates it when its ref exists (idempotent: Twilio retries land here).
   * An update overwrites the fields given, keeps the others and `createdAt`, sets `updatedAt`.
   * Rejects with TicketValidationError (bad draft), TicketConflictError (the ref belongs to
   * another conversation), StoreUnavailableError (store down).
   */
  createOrUpdate(draft: TicketDraft): Promise<Ticket>;
  /** The ticket, or null when absent or expired; TicketCorruptError when the stored value is invalid. */
  get(ref: string): Promise<Ticket | null>;
  /** The ticket a conversation (CallSid, chat id) created, or null. */
  getByConversation(conversationId: string): Promise<Ticket | null>;
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

/** Keeps only the fields actually given, so an update does not erase what it does not mention. */
function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
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

  function validated(ticket: unknown): Ticket {
    const parsed = TicketSchema.safeParse(ticket);
    if (!parsed.success) throw new TicketValidationError(`Invalid ticket: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }

  async function get(ref: string): Promise<Ticket | null> {
    if (!isTicketRef(ref)) return null;
    const raw = await store.get(keys.ticket(ref));
    return raw === null ? null : parseStored(ref, raw);
  }

  async function remember(ticket: Ticket, ttlSeconds: number): Promise<void> {
    await store.set(keys.ticketByConversation(ticket.conversationId), ticket.ref, ttlSeconds);
  }

  return {
    async createOrUpdate(input) {
      const draftResult = TicketDraftSchema.safeParse(input);
      if (!draftResult.success) {
        throw new TicketValidationError(`Invalid ticket: ${describeIssues(draftResult.error)}`);
      }
      const draft = definedFields(draftResult.data);
      const key = keys.ticket(draftResult.data.ref);

      for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
        const now = clock.now();
        const nowIso = now.toISOString();
        const existing = await get(draftResult.data.ref);

        if (existing === null) {
          const created = validated({ status: 'nouveau', choices: [], ...draft, createdAt: nowIso, updatedAt: nowIso });
          const ttlSeconds = remainingTtlSeconds(created.createdAt, now);
          if (await store.setIfAbsent(key, JSON.stringify(created), ttlSeconds)) {
            await remember(created, ttlSeconds);
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
  };
}
