/**
 * GDPR rights over health and disability data (art. 9): for one phone number or e-mail address, a
 * national admin exports everything held about the person, or erases it. The person's tickets are
 * those linked by their person key (src/people) and those whose callback contact is that number or
 * address (found by reading every ticket still retained: a rare, national operation). Each request
 * is audited without personal data: a one-way ref of the person key and counts.
 */
import { z } from 'zod';
import type { Clock, KeyValueStore } from '../domain/ports';
import type { Logger } from '../logging';
import { normalisedEmail, normalisedPhone, personKeyOf, personRefOf, type PersonContact } from '../people/personKey';
import type { StoreKeys } from '../storage/keys';
import { ALL_TERRITORIES_INDEX, TicketCorruptError, territoryOfTicket, type TicketStore } from '../tickets/ticket-store';
import type { Ticket, TranscriptLine } from '../tickets/ticket';
import type { AuditEntry, AuditTrail } from './audit';
import { CaseFileSchema, type CaseFile } from './caseFile';
import { actorOf, type Principal } from './principal';
import type { Outcome } from './service';

const contactFields = {
  phone: z.string().max(40).optional().describe('The person’s phone number: E.164 (+33612345678) or 10 French digits (06 12 34 56 78)'),
  email: z.string().max(254).optional().describe('The person’s e-mail address'),
};

/** Exactly one of phone or email, normalised; the messages name the field, never the value. */
function toContact(body: { phone?: string | undefined; email?: string | undefined }, ctx: z.RefinementCtx): PersonContact {
  if ((body.phone === undefined) === (body.email === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'donnez soit « phone », soit « email » (un seul des deux)' });
    return z.NEVER;
  }
  if (body.phone !== undefined) {
    const e164 = normalisedPhone(body.phone);
    if (e164 !== null) return { kind: 'phone', e164 };
    ctx.addIssue({ code: 'custom', path: ['phone'], message: 'expected a phone number: +33612345678, or 10 French digits' });
    return z.NEVER;
  }
  const address = normalisedEmail(body.email ?? '');
  if (address !== null) return { kind: 'email', address };
  ctx.addIssue({ code: 'custom', path: ['email'], message: 'expected an e-mail address' });
  return z.NEVER;
}

export const GdprExportBodySchema = z.strictObject(contactFields).transform(toContact);
export const GdprEraseBodySchema = z
  .strictObject({ ...contactFields, confirm: z.literal(true, { error: 'l’effacement est définitif : confirmez avec "confirm": true' }) })
  .transform(({ confirm: _confirm, ...body }, ctx) => toContact(body, ctx));

const Json = z.record(z.string(), z.unknown());
export const GdprExportSchema = z.strictObject({
  person: z.strictObject({ contact: z.enum(['phone', 'email']), personRef: z.string().describe('One-way ref of the person key (as in the audit trail)') }),
  generatedAt: z.string(),
  tickets: z.array(Json).describe('Every ticket: intake, choices, summary, transcript; the callback contact in clear'),
  caseFiles: z.array(Json).describe('The advisors’ work on each ticket: notes, partners, actions, solution'),
  transcripts: z.array(z.strictObject({ ref: z.string(), source: z.enum(['ticket', 'live_chat']), lines: z.array(Json) })),
  callbacks: z.array(Json).describe('Callbacks opened: the contact in clear, when asked, and where the advisors are'),
  historyLinks: z.strictObject({ refs: z.array(z.string()).describe('The tickets the person key links') }),
  audit: z.array(z.strictObject({ ref: z.string(), entries: z.array(Json) })).describe('Who read or changed each ticket, and when'),
});
export const GdprErasureSchema = z.strictObject({
  personRef: z.string(),
  tickets: z.number().int(),
  caseFiles: z.number().int(),
  transcripts: z.number().int(),
  callbacks: z.number().int(),
  liveConversations: z.number().int(),
  historyLinks: z.number().int(),
});
export type GdprExport = z.output<typeof GdprExportSchema>;
export type GdprErasure = z.output<typeof GdprErasureSchema>;

/** The live state of a call or chat (src/people/liveConversations.ts). */
export interface LiveConversations {
  /** The transcript of a chat still in progress, or null. */
  chatTranscript(conversationId: string): Promise<TranscriptLine[] | null>;
  /** Deletes the live state of the ticket's call or chat; true when there was some. */
  erase(ticket: Ticket): Promise<boolean>;
}

export interface GdprDeps {
  store: KeyValueStore;
  keys: StoreKeys;
  tickets: TicketStore;
  audit: AuditTrail;
  live: LiveConversations;
  clock: Clock;
  ticketTtlDays: number;
  personKeySecret: Buffer;
  openSealed(sealed: string): string;
  logger: Logger;
}

const READ_BATCH = 50;
const ONLY_NATIONAL_ADMINS = 'Les demandes RGPD sont réservées à l’équipe nationale.';

export function createGdprService(deps: GdprDeps) {
  const { store, keys, tickets } = deps;

  function opened(sealed: string): string | null {
    try {
      return deps.openSealed(sealed);
    } catch {
      return null;
    }
  }

  function callbackIs(ticket: Ticket, contact: PersonContact): boolean {
    const callback = ticket.callback;
    if (!callback) return false;
    if (callback.contact === 'phone' && contact.kind === 'phone') return normalisedPhone(opened(callback.numberSealed) ?? '') === contact.e164;
    if (callback.contact === 'email' && contact.kind === 'email') return normalisedEmail(opened(callback.emailSealed) ?? '') === contact.address;
    return false;
  }

  async function readTicket(ref: string): Promise<Ticket | null> {
    try {
      return await tickets.get(ref);
    } catch (error) {
      if (!(error instanceof TicketCorruptError)) throw error;
      deps.logger.error({ ref }, 'GDPR: a ticket is unreadable, left out');
      return null;
    }
  }

  /** The person's tickets: linked by their key, or with their contact as callback; oldest first. */
  async function ticketsOf(contact: PersonContact, personKey: string): Promise<{ tickets: Ticket[]; linked: string[] }> {
    const linked = await tickets.refsOfPerson(personKey);
    const since = new Date(deps.clock.now().getTime() - deps.ticketTtlDays * 24 * 3600 * 1000);
    const refs = [...new Set([...linked, ...(await tickets.refsOfTerritory(ALL_TERRITORIES_INDEX, since))])];
    const found = new Map<string, Ticket>();
    for (let i = 0; i < refs.length; i += READ_BATCH) {
      const batch = await Promise.all(refs.slice(i, i + READ_BATCH).map(readTicket));
      for (const ticket of batch) {
        if (ticket && (ticket.personKey === personKey || callbackIs(ticket, contact))) found.set(ticket.ref, ticket);
      }
    }
    return { tickets: [...found.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)), linked };
  }

  async function caseFileOf(ref: string): Promise<CaseFile | null> {
    const raw = await store.get(keys.ticketCase(ref));
    if (raw === null) return null;
    const parsed = CaseFileSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  /** The ticket as held, with the callback contact in clear (the person's own data) and no person key. */
  function ticketInClear(ticket: Ticket): Record<string, unknown> {
    const { personKey: _personKey, callback, ...rest } = ticket;
    if (!callback) return rest;
    const shown =
      callback.contact === 'phone'
        ? { contact: 'phone', number: opened(callback.numberSealed), requestedAt: callback.requestedAt, consent: callback.consent }
        : { contact: 'email', email: opened(callback.emailSealed), requestedAt: callback.requestedAt, consent: callback.consent };
    return { ...rest, callback: shown };
  }

  async function audited(principal: Principal, action: 'gdpr.export' | 'gdpr.erase', detail: NonNullable<AuditEntry['detail']>) {
    await deps.audit.record({ actor: actorOf(principal), action, detail });
  }

  return {
    async exportOf(principal: Principal, contact: PersonContact): Promise<Outcome<GdprExport>> {
      if (principal.role !== 'national_admin') return { ok: false, status: 403, error: ONLY_NATIONAL_ADMINS };
      const personKey = personKeyOf(deps.personKeySecret, contact);
      const found = await ticketsOf(contact, personKey);
      const result: GdprExport = {
        person: { contact: contact.kind, personRef: personRefOf(personKey) },
        generatedAt: deps.clock.now().toISOString(),
        tickets: [],
        caseFiles: [],
        transcripts: [],
        callbacks: [],
        historyLinks: { refs: found.linked },
        audit: [],
      };
      for (const ticket of found.tickets) {
        const inClear = ticketInClear(ticket);
        result.tickets.push(inClear);
        const caseFile = await caseFileOf(ticket.ref);
        if (caseFile) result.caseFiles.push(caseFile);
        if (ticket.transcript?.length) result.transcripts.push({ ref: ticket.ref, source: 'ticket', lines: ticket.transcript });
        const live = ticket.channel === 'chat' ? await deps.live.chatTranscript(ticket.conversationId) : null;
        if (live?.length) result.transcripts.push({ ref: ticket.ref, source: 'live_chat', lines: live });
        if (ticket.callback) {
          result.callbacks.push({ ref: ticket.ref, territory: territoryOfTicket(ticket), ...(inClear.callback as object), ...(caseFile?.callback ? { work: caseFile.callback } : {}) });
        }
        result.audit.push({ ref: ticket.ref, entries: await deps.audit.ofTicket(ticket.ref) });
      }
      await audited(principal, 'gdpr.export', { person: personRefOf(personKey), tickets: found.tickets.length });
      return { ok: true, value: result };
    },

    async erase(principal: Principal, contact: PersonContact): Promise<Outcome<GdprErasure>> {
      if (principal.role !== 'national_admin') return { ok: false, status: 403, error: ONLY_NATIONAL_ADMINS };
      const personKey = personKeyOf(deps.personKeySecret, contact);
      const found = await ticketsOf(contact, personKey);
      const counts: GdprErasure = { personRef: personRefOf(personKey), tickets: 0, caseFiles: 0, transcripts: 0, callbacks: 0, liveConversations: 0, historyLinks: found.linked.length };
      for (const ticket of found.tickets) {
        if (await deps.live.erase(ticket)) counts.liveConversations += 1;
        if ((await store.get(keys.ticketCase(ticket.ref))) !== null) counts.caseFiles += 1;
        await store.del(keys.ticketCase(ticket.ref));
        if (ticket.transcript?.length) counts.transcripts += 1;
        if (ticket.callback) counts.callbacks += 1;
        // The whole intake ticket is the person's data (need, place, choices, contact): it goes; the
        // audit trail keeps only refs and staff actions, the observatory only anonymous counts.
        await tickets.remove(ticket.ref);
        counts.tickets += 1;
      }
      await tickets.unlinkPerson(personKey);
      const { personRef, ...numbers } = counts;
      await audited(principal, 'gdpr.erase', { person: personRef, ...numbers });
      return { ok: true, value: counts };
    },
  };
}

export type GdprService = ReturnType<typeof createGdprService>;
