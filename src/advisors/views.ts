/**
 * What an advisor reads of a ticket: everything but the sealed contact (shown as hints) and the person
 * key, and the person's transcript lines masked (again: tickets written before masking kept them in clear).
 */
import { maskedTranscript } from '../tickets/personalData';
import type { Ticket } from '../tickets/ticket';

export type ShownCallback =
  | { contact: 'phone'; lastDigits: string; requestedAt: string; number?: string }
  | { contact: 'email'; emailHint: string; requestedAt: string; email?: string };

export type AdvisorTicket = Omit<Ticket, 'callback' | 'personKey'> & { callback?: ShownCallback };

export function ticketForAdvisor(ticket: Ticket): AdvisorTicket {
  // The person key links contacts inside the service; it is never shown (the history is).
  const { callback, personKey: _personKey, ...fields } = ticket;
  const rest = fields.transcript ? { ...fields, transcript: maskedTranscript(fields.transcript) } : fields;
  if (!callback) return rest;
  const shown: ShownCallback =
    callback.contact === 'email'
      ? { contact: callback.contact, emailHint: callback.emailHint, requestedAt: callback.requestedAt }
      : { contact: callback.contact, lastDigits: callback.lastDigits, requestedAt: callback.requestedAt };
  return { ...rest, callback: shown };
}
