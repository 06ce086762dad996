/**
 * Human-readable ticket references, e.g. `T-44-7K3F9Q`: the département (XX when unknown), then
 * 6 Crockford base32 characters derived from the conversation id (the CallSid). The same
 * conversation always gives the same ref, so a retried Twilio webhook updates the same ticket.
 * The suffix depends on the conversation only, so it survives a département learned later.
 */
import { createHmac } from 'node:crypto';
import type { DepartementCode } from '../domain/vocabulary';

/** Crockford base32: no I, L, O, U, so refs read well over the phone. */
const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SUFFIX_LENGTH = 6;
/** Domain separation: a ref is not a plain hash of the CallSid. */
const REF_HASH_KEY = 'orientation-360/ticket-ref/v1';
export const UNKNOWN_DEPARTEMENT_SEGMENT = 'XX';

/** INSEE département codes: 01–19, 2A, 2B, 21–95, 971–974, 976. */
export const DEPARTEMENT_CODE_PATTERN = /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-46])$/;

export const TICKET_REF_PATTERN = /^T-(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-46]|XX)-[0-9A-HJKMNP-TV-Z]{6}$/;

export function isDepartementCode(code: string): boolean {
  return DEPARTEMENT_CODE_PATTERN.test(code);
}

export function isTicketRef(ref: string): boolean {
  return TICKET_REF_PATTERN.test(ref);
}

/** The first `length` base32 (Crockford) characters of `bytes`, 5 bits each. */
export function crockfordBase32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD_ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
  }
  return out;
}

export function ticketRefFor(departement: DepartementCode | null, conversationId: string): string {
  if (conversationId === '') throw new RangeError('A ticket ref needs a conversation id');
  const segment = departement === null ? UNKNOWN_DEPARTEMENT_SEGMENT : departement.toUpperCase();
  if (departement !== null && !isDepartementCode(segment)) {
    throw new RangeError('A ticket ref needs a valid département code (01–95, 2A, 2B, 971–974, 976) or null');
  }
  const digest = createHmac('sha256', REF_HASH_KEY).update(conversationId, 'utf8').digest();
  return `T-${segment}-${crockfordBase32(digest, SUFFIX_LENGTH)}`;
}
