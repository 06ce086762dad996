/**
 * The chat's ticket keeps the conversation as it goes: every line of the robot, the person (masked)
 * and the advisor, in order, once the ticket exists. Written when an advisor takes the chat, at each
 * message while an advisor has it (or is awaited), and when the advisor hands it back to the robot;
 * closing a ticket never touches it. The ticket's retention applies (from its creation).
 */
import type { TicketDraft, TranscriptLine } from '../tickets/ticket';
import type { TicketStore } from '../tickets/ticket-store';

export type TicketChanges = Partial<Pick<TicketDraft, 'priority' | 'danger' | 'summary'>>;

/** Writes the transcript (and the changes given) on the conversation's ticket; nothing when it has none yet. */
export async function keepOnTicket(tickets: TicketStore, conversationId: string, transcript: readonly TranscriptLine[], changes: TicketChanges = {}): Promise<void> {
  const ticket = await tickets.getByConversation(conversationId);
  if (!ticket) return;
  await tickets.createOrUpdate({
    ref: ticket.ref,
    channel: ticket.channel,
    kind: ticket.kind,
    conversationId: ticket.conversationId,
    priority: ticket.priority,
    ...changes,
    transcript: [...transcript],
  });
}
