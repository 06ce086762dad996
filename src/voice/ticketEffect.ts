/** The `saveTicket` effect of the orientation machine, as the ticket store's draft (voice or chat). */
import type { Channel, DangerKind } from '../domain/vocabulary';
import type { TicketDraft } from '../tickets/ticket';
import type { TicketDraftParams } from './callActions';

/** The `saveTicket` effect's params, as the machine resolves them (`ticketDraftOf`): one shape, not a copy. */
export type TicketEffect = TicketDraftParams;

export function ticketDraftFrom(effect: TicketEffect, channel: Channel, nowIso: string, extra: Pick<TicketDraft, 'summary' | 'transcript' | 'personKey' | 'danger'> = {}): TicketDraft {
  return {
    ref: effect.ref,
    channel,
    kind: effect.kind,
    conversationId: effect.callSid,
    profile: effect.profile ?? undefined,
    need: effect.need ?? undefined,
    departement: effect.departement,
    territoryName: effect.territoryName ?? undefined,
    priority: effect.priority,
    ...(effect.danger ? { danger: effect.danger } : {}),
    choices: effect.choices.map((choice) => ({
      step: choice.step,
      value: choice.value,
      via: channel === 'chat' ? (choice.via === 'dtmf' ? 'button' : 'text') : choice.via,
    })),
    ...(effect.callbackNumber
      ? { callback: { contact: 'phone' as const, numberSealed: effect.callbackNumber.sealed, lastDigits: effect.callbackNumber.lastDigits, consent: true as const, requestedAt: nowIso } }
      : {}),
    ...(effect.callbackEmail
      ? { callback: { contact: 'email' as const, emailSealed: effect.callbackEmail.sealed, emailHint: effect.callbackEmail.hint, consent: true as const, requestedAt: nowIso } }
      : {}),
    ...extra,
  };
}
