/**
 * Callbacks done, read where advisors' work is recorded: the audit trail. An attempt that reached
 * the person (`ticket.callback_attempt`, `reached: true`) counts one callback done in its territory,
 * once the entry is written.
 */
import type { AuditTrail } from '../advisors/audit';
import type { Metrics } from '../domain/ports';

export function countingCallbacksDone(audit: AuditTrail, metrics: Pick<Metrics, 'callbackDone'>): AuditTrail {
  return {
    ...audit,
    async record(partial) {
      const entry = await audit.record(partial);
      if (entry.action === 'ticket.callback_attempt' && entry.detail?.reached === true) metrics.callbackDone(entry.territory ?? null);
      return entry;
    },
  };
}
