/**
 * Callbacks done, read where advisors' work is recorded: the audit trail. The attempt that first
 * reached the person (`ticket.callback_attempt` with `callbackDone: true`) counts one callback done in
 * its territory, once the entry is written, with the time the callback was asked for (read from the
 * ticket: the daily figures tell whether it was done within its target).
 */
import type { AuditTrail } from '../advisors/audit';
import type { Metrics } from '../domain/ports';
import type { TicketStore } from '../tickets/ticket-store';

export function countingCallbacksDone(audit: AuditTrail, metrics: Pick<Metrics, 'callbackDone'>, tickets: Pick<TicketStore, 'get'>): AuditTrail {
  return {
    ...audit,
    async record(partial) {
      const entry = await audit.record(partial);
      if (entry.action === 'ticket.callback_attempt' && entry.detail?.callbackDone === true) {
        const ticket = entry.ref === undefined ? null : await tickets.get(entry.ref).catch(() => null);
        metrics.callbackDone(entry.territory ?? null, ticket?.callback?.requestedAt ?? ticket?.createdAt ?? null);
      }
      return entry;
    },
  };
}
