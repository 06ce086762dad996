/**
 * What the consoles hear of a ticket: its creation or update (the ticket's territory, its channel,
 * kind and priority; a new one is « new », level 1), and a chat in which the person wrote (the console
 * of the advisor who has it re-reads the transcript: the event holds no text). Never fails the turn.
 */
import type { Clock } from '../domain/ports';
import type { Logger } from '../logging';
import type { Ticket } from '../tickets/ticket';
import { territoryOfTicket, type TicketStore } from '../tickets/ticket-store';
import type { AdvisorEvent, AdvisorEvents } from './events';

export function ticketSavedEvent(ticket: Ticket, change: 'created' | 'updated'): AdvisorEvent {
  return {
    type: change === 'created' ? 'ticket.created' : 'ticket.updated',
    ref: ticket.ref,
    territory: territoryOfTicket(ticket),
    channel: ticket.channel,
    kind: ticket.kind,
    priority: ticket.priority,
    ...(change === 'created' ? { status: 'new' as const, level: 1 } : {}),
    at: ticket.updatedAt,
  };
}

/** The person wrote in this chat: a `chat.message` event for its ticket's territory, if it has a ticket. */
export function chatMessageNotices(deps: { tickets: TicketStore; events: AdvisorEvents; clock: Clock; logger: Logger }) {
  return (conversationId: string): void =>
    void deps.tickets
      .getByConversation(conversationId)
      .then((ticket) =>
        ticket
          ? deps.events.publish({
              type: 'chat.message',
              ref: ticket.ref,
              territory: territoryOfTicket(ticket),
              channel: ticket.channel,
              kind: ticket.kind,
              priority: ticket.priority,
              at: deps.clock.now().toISOString(),
            })
          : undefined,
      )
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'chat: could not tell the consoles'));
}
