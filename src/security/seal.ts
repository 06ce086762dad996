/**
 * Sealing of small secrets at rest (callback phone numbers in tickets): AES-256-GCM with a random
 * 96-bit IV. Format: `v1:` + base64url(iv | tag | ciphertext). The prefix names the format so that
 * keys or algorithms can change later without guessing.
 */
import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

const VERSION_PREFIX = 'v1:';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** IVs are drawn from one buffer of random bytes, filled again when used up (one call to the CSPRNG per 256 IVs). */
const IV_POOL_BYTES = IV_BYTES * 256;
const ivPool = Buffer.alloc(IV_POOL_BYTES);
let ivPoolAt = IV_POOL_BYTES;

/** A fresh random IV, never handed out twice: a view of the pool, to be used before the next call. */
function randomIv(): Buffer {
  if (ivPoolAt === IV_POOL_BYTES) {
    randomFillSync(ivPool);
    ivPoolAt = 0;
  }
  const iv = ivPool.subarray(ivPoolAt, ivPoolAt + IV_BYTES);
  ivPoolAt += IV_BYTES;
  return iv;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new SealError(`The sealing key must be ${KEY_BYTES} bytes`);
  }
}

export function sealText(key: Buffer, plain: string): string {
  assertKey(key);
  const iv = randomIv();
  const cipher = createCipheriv(ALGORITHM, key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return VERSION_PREFIX + Buffer.concat([iv, tag, ciphertext]).toString('base64url');
}

/** Opens what `sealText` sealed; a wrong key, a tampered or malformed value throws SealError. */
export function openText(key: Buffer, sealed: string): string {
  assertKey(key);
  if (!sealed.startsWith(VERSION_PREFIX)) throw new SealError('Unknown sealed format (expected v1:)');
  const bytes = Buffer.from(sealed.slice(VERSION_PREFIX.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealError('Sealed value is truncated');
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const ciphertext = bytes.subarray(IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('Sealed value cannot be opened (wrong key or tampered value)');
  }
}

/** True when `value` looks like something `sealText` produced (format only, not authenticity). */
export function isSealed(value: string): boolean {
  return value.startsWith(VERSION_PREFIX);
}

/**
 * The last `n` digits of a phone number, for reading it back without saying it all:
 * « le numéro qui se termine par 4 5 ». Non-digits are ignored; fewer digits give what there is.
 */
export function lastDigits(number: string, n = 2): string {
  const digits = number.replace(/\D/g, '');
  return n <= 0 ? '' : digits.slice(-n);
}

/** « jean.dupont@exemple.fr » → « j…@exemple.fr »: enough to recognise it, not to use it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '…';
  return `${email[0]}…${email.slice(at)}`;
}
