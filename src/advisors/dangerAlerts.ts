/**
 * The chat said words of danger: the consoles of the ticket's territory get a `chat.danger` event at
 * once (the kind of danger, never the words), whatever the chat's mode. The second-stage question
 * (« Êtes-vous en danger en ce moment ? ») asked while an advisor has the chat: a `chat.dangerDoubt`
 * event, the same alert said as a doubt. Never fails the chat's turn.
 */
import type { Clock } from '../domain/ports';
import type { DangerKind } from '../domain/vocabulary';
import type { Logger } from '../logging';
import type { TicketStore } from '../tickets/ticket-store';
import { territoryOfTicket } from '../tickets/ticket-store';
import type { AdvisorEvents } from './events';

type AlertDeps = { tickets: TicketStore; events: AdvisorEvents; clock: Clock; logger: Logger };

function alerts(deps: AlertDeps, type: 'chat.danger' | 'chat.dangerDoubt') {
  return (conversationId: string, danger: DangerKind): void => {
    void deps.tickets
      .getByConversation(conversationId)
      .then((ticket) =>
        ticket
          ? deps.events.publish({
              type,
              ref: ticket.ref,
              territory: territoryOfTicket(ticket),
              channel: ticket.channel,
              kind: ticket.kind,
              // A confirmed danger makes the ticket a priority; a doubt leaves it as it is.
              priority: type === 'chat.danger' ? 'prioritaire' : ticket.priority,
              danger,
              at: deps.clock.now().toISOString(),
            })
          : deps.logger.warn({ danger, type }, 'chat: danger without a ticket, no console alert'),
      )
      .catch((error: unknown) => deps.logger.warn({ err: error }, 'chat: could not alert the consoles of a danger'));
  };
}

export function chatDangerAlerts(deps: AlertDeps) {
  return alerts(deps, 'chat.danger');
}

export function chatDangerDoubtAlerts(deps: AlertDeps) {
  return alerts(deps, 'chat.dangerDoubt');
}
