import { createHmac } from 'node:crypto';

const KEYED_HASH_LENGTH = 16;

/**
 * A stable pseudonym for a phone number (or any identifier) in logs: HMAC-SHA256 under `hashKey`,
 * hex, first 16 characters. The same caller correlates across lines; the number is not revealed.
 */
export function keyedHash(hashKey: string | Buffer, value: string): string {
  return createHmac('sha256', hashKey).update(value, 'utf8').digest('hex').slice(0, KEYED_HASH_LENGTH);
}
