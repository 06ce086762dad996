/**
 * The pseudonymous person key: what links the contacts of one person across calls and chats without
 * keeping who they are. HMAC-SHA-256, under a key derived from DATA_KEY (HKDF), of the normalised
 * phone number (E.164) or the lower-case e-mail address; 64 hexadecimal characters. The number itself
 * is never stored for this: the same number always gives the same key, the key does not give the
 * number back, and without DATA_KEY nobody can compute it.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { frenchPhoneNumberFrom } from '../voice/understand';

export type PersonContact = { kind: 'phone'; e164: string } | { kind: 'email'; address: string };

export const PERSON_KEY_PATTERN = /^[0-9a-f]{64}$/;

const HKDF_INFO = 'orientation-360 person key v1';

/** The secret of person keys, derived from DATA_KEY (changing DATA_KEY breaks the links, by design). */
export function derivePersonKeySecret(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), HKDF_INFO, 32));
}

/**
 * A phone number in E.164, from what Twilio sends (`+33612345678`) or what a person or an admin
 * types (`06 12 34 56 78`, `0033 6…`, `+33 6 12…`): French national numbers (overseas
 * départements included) become E.164 as the flows do; any other `+` number is kept; else null.
 */
export function normalisedPhone(raw: string): string | null {
  const compact = raw.trim().replace(/[\s.\-()]/g, '');
  const french = frenchPhoneNumberFrom({ digits: compact });
  if (french !== null) return french;
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

/** An e-mail address, trimmed and lower-cased; null when it does not look like one. */
export function normalisedEmail(raw: string): string | null {
  const address = raw.trim().toLowerCase();
  return /^[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,190}\.[a-z]{2,24}$/.test(address) ? address : null;
}

export function personKeyOf(secret: Buffer, contact: PersonContact): string {
  const subject = contact.kind === 'phone' ? `phone:${contact.e164}` : `email:${contact.address}`;
  return createHmac('sha256', secret).update(subject, 'utf8').digest('hex');
}

/** A short, one-way name of a person key for the audit trail (no personal data, not the index key). */
export function personRefOf(personKey: string): string {
  return createHmac('sha256', 'orientation-360 person ref').update(personKey, 'utf8').digest('hex').slice(0, 16);
}
