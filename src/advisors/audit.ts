/**
 * The append-only audit trail: who read or changed which ticket, when, and what they did. One list per
 * ticket and one per day for the whole service. Entries name people by their subject and tickets by
 * their ref, never the ticket's content. Kept at least as long as the tickets (and a year at least).
 */
import { z } from 'zod';
import type { Clock, KeyValueStore } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import { ActorSchema } from './caseFile';

export const AUDIT_ACTIONS = [
  'ticket.read',
  'ticket.list',
  'ticket.take',
  'ticket.update',
  'ticket.comment',
  'ticket.callback_attempt',
  'ticket.level',
  'ticket.close',
  'ticket.audit_read',
  /** Written before e-mail callbacks existed; still read, no longer written (see callback.contact_read). */
  'callback.number_read',
  /** A callback contact (phone number or e-mail address) shown in clear; detail.contact says which. */
  'callback.contact_read',
  'agenda.read',
  'callbacks.read',
  'observatory.read',
  'chat.take',
  'chat.message',
  'chat.release',
  'chat.transcript_read',
  'staff.list',
  'staff.create',
  'staff.update',
  'staff.delete',
  'session.sign_in',
  'session.sign_out',
  'gdpr.export',
  'gdpr.erase',
  'wrapup.update',
  'wrapup.reset',
  /** The directory of actors and offers: an organisation written or removed, a CSV imported (ids and counts only). */
  'directory.update',
  'directory.delete',
  'directory.import',
  /** The studio (src/studio): a draft changed, approved (two-person rule), a version published or rolled back, an emergency switch. */
  'studio.draft_edit',
  'studio.approve',
  'studio.publish',
  'studio.rollback',
  'studio.crisis_switch',
  'studio.territory_closure',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z
  .object({
    at: z.iso.datetime({ offset: true }),
    actor: ActorSchema,
    action: z.enum(AUDIT_ACTIONS),
    ref: z.string().optional(),
    territory: z.string().optional(),
    /** Facts without personal data: a state, a level, a count, the fields changed. */
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional(),
  })
  .strict();
export type AuditEntry = z.output<typeof AuditEntrySchema>;

export interface AuditTrail {
  /** Appends the entry to the ticket's trail (when it names one) and the day's; rejects when the store is down. */
  record(entry: Omit<AuditEntry, 'at'>): Promise<AuditEntry>;
  ofTicket(ref: string): Promise<AuditEntry[]>;
  ofDay(day: string): Promise<AuditEntry[]>;
}

const DAY_SECONDS = 24 * 60 * 60;
const MIN_AUDIT_DAYS = 365;

export function createAuditTrail(store: KeyValueStore, keys: StoreKeys, options: { ticketTtlDays: number; clock: Clock }): AuditTrail {
  const ttlSeconds = Math.max(options.ticketTtlDays + 31, MIN_AUDIT_DAYS) * DAY_SECONDS;
  const read = async (key: string) =>
    (await store.listRange(key, 0, -1)).flatMap((raw) => {
      const parsed = AuditEntrySchema.safeParse(JSON.parse(raw));
      return parsed.success ? [parsed.data] : [];
    });
  return {
    async record(partial) {
      const entry = AuditEntrySchema.parse({ at: options.clock.now().toISOString(), ...partial });
      const line = JSON.stringify(entry);
      if (entry.ref !== undefined) await store.listAppend(keys.auditOfTicket(entry.ref), line, ttlSeconds);
      await store.listAppend(keys.auditOfDay(entry.at.slice(0, 10)), line, ttlSeconds);
      return entry;
    },
    ofTicket: (ref) => read(keys.auditOfTicket(ref)),
    ofDay: (day) => read(keys.auditOfDay(day)),
  };
}
