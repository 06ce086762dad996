/**
 * A person's history (parcours): the other contacts of the same person, found through the pseudonymous
 * person key of their tickets (src/people). An advisor sees only the contacts of territories they may
 * see; the referent of an open N1 case hears (an event without personal data) that their person is back.
 */
import { z } from 'zod';
import { territoryOfTicket, type TicketStore } from '../tickets/ticket-store';
import type { Ticket } from '../tickets/ticket';
import { TICKET_KINDS } from '../tickets/ticket';
import { NEED_IDS } from '../domain/vocabulary';
import { ActorSchema, CASE_STATUSES, type CaseFile } from './caseFile';
import type { AdvisorEvents } from './events';
import { canSeeTerritory, type Principal } from './principal';

/** One earlier (or later) contact of the person, as an advisor reads it on a ticket. */
export const PastContactSchema = z.strictObject({
  ref: z.string(),
  at: z.string().describe('When the contact began (the ticket’s creation)'),
  channel: z.enum(['voice', 'chat']),
  kind: z.enum(TICKET_KINDS),
  need: z.enum(NEED_IDS).optional(),
  territory: z.string(),
  status: z.enum(CASE_STATUSES).describe('Where its case stands (outcome when solved or unmet_need)'),
  level: z.number().int().min(1).max(3),
  referent: ActorSchema.optional(),
  wrapUp: z.strictObject({ id: z.string(), label: z.string() }).optional().describe('How it ended: the wrap-up code chosen at closing, in French'),
});
export type PastContact = z.output<typeof PastContactSchema>;

export interface PersonHistoryDeps {
  tickets: TicketStore;
  caseOf(ticket: Ticket): Promise<CaseFile>;
  events: AdvisorEvents;
}

export function createPersonHistory(deps: PersonHistoryDeps) {
  /** The person's other tickets that still exist, with their case files, oldest first. */
  async function otherContacts(ticket: Ticket): Promise<Array<{ ticket: Ticket; caseFile: CaseFile }>> {
    if (ticket.personKey === undefined) return [];
    const refs = (await deps.tickets.refsOfPerson(ticket.personKey)).filter((ref) => ref !== ticket.ref);
    const found = await Promise.all(
      refs.map(async (ref) => {
        const other = await deps.tickets.get(ref).catch(() => null);
        // An erased or expired ticket, or one whose link was removed, is no longer part of the history.
        if (!other || other.personKey !== ticket.personKey) return null;
        return { ticket: other, caseFile: await deps.caseOf(other) };
      }),
    );
    return found.filter((item): item is { ticket: Ticket; caseFile: CaseFile } => item !== null).sort((a, b) => a.ticket.createdAt.localeCompare(b.ticket.createdAt));
  }

  return {
    /** The person's other contacts that the principal may see (their territories only), oldest first. */
    async historyFor(principal: Principal, ticket: Ticket): Promise<PastContact[]> {
      return (await otherContacts(ticket))
        .filter(({ ticket: other }) => canSeeTerritory(principal, territoryOfTicket(other)))
        .map(({ ticket: other, caseFile }) => ({
          ref: other.ref,
          at: other.createdAt,
          channel: other.channel,
          kind: other.kind,
          ...(other.need ? { need: other.need } : {}),
          territory: territoryOfTicket(other),
          status: caseFile.status,
          level: caseFile.level,
          ...(caseFile.referent ? { referent: caseFile.referent } : {}),
          ...(caseFile.wrapUp ? { wrapUp: { id: caseFile.wrapUp.id, label: caseFile.wrapUp.label } } : {}),
        }));
    },

    /**
     * A new contact joined the person's index: each open N1 case of theirs that has a referent tells
     * its referent (the case, its referent and level stay as they are). Returns how many were told.
     */
    async personReturned(ticket: Ticket): Promise<number> {
      let told = 0;
      for (const { ticket: earlier, caseFile } of await otherContacts(ticket)) {
        if (caseFile.level !== 1 || !caseFile.referent || !['taken', 'n1_in_progress'].includes(caseFile.status)) continue;
        if (earlier.createdAt > ticket.createdAt) continue;
        const territory = territoryOfTicket(earlier);
        await deps.events.publish({
          type: 'person.returned',
          ref: earlier.ref,
          territory,
          channel: ticket.channel,
          kind: ticket.kind,
          priority: ticket.priority,
          status: caseFile.status,
          level: caseFile.level,
          referent: caseFile.referent.subject,
          ...(territoryOfTicket(ticket) === territory ? { newRef: ticket.ref } : {}),
          at: ticket.updatedAt,
        });
        told += 1;
      }
      return told;
    },
  };
}

export type PersonHistory = ReturnType<typeof createPersonHistory>;
