/**
 * The chat said words of danger: the consoles of the ticket's territory get a `chat.danger` event at
 * once (the kind of danger, never the words), whatever the chat's mode. Never fails the chat's turn.
 */
import type { Clock } from '../domain/ports';
import type { DangerKind } from '../domain/vocabulary';
import type { Logger } from '../logging';
import type { TicketStore } from '../tickets/ticket-store';
import { territoryOfTicket } from '../tickets/ticket-store';
import type { AdvisorEvents } from './events';

export function chatDangerAlerts(deps: { tickets: TicketStore; events: AdvisorEvents; clock: Clock; logger: Logger }) {
  return (conversationId: string, danger: DangerKind): void => {
    void deps.tickets
      .getByConversation(conversationId)
      .then((ticket) =>
        ticket
          ? deps.events.publish({
              type: 'chat.danger',
              ref: ticket.ref,
              territory: territoryOfTicket(ticket),
              channel: ticket.channel,
              kind: ticket.kind,
              priority: 'prioritaire',
              danger,
              at: deps.clock.now().toISOString(),
            })
          : deps.logger.warn({ danger }, 'chat: danger without a ticket, no console alert'),
      )
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'chat: could not alert the consoles of a danger'));
  };
}
