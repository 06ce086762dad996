/** The sealing of callback numbers kept in tickets (src/security/seal.ts). */
import { randomBytes } from 'node:crypto';
import { isSealed, lastDigits, openText, sealText, SealError } from '../../src/security/seal';

const KEY = randomBytes(32);

describe('sealText / openText', () => {
  test('round-trips, with a v1: prefix and no clear text', () => {
    const sealed = sealText(KEY, '+33612345678');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('612345678');
    expect(openText(KEY, sealed)).toBe('+33612345678');
  });

  test('uses a random IV: sealing twice gives two different values', () => {
    expect(sealText(KEY, '0612345678')).not.toBe(sealText(KEY, '0612345678'));
  });

  test('never uses an IV twice, across refills of the random bytes (2,000 values sealed)', () => {
    const ivs = new Set<string>();
    for (let index = 0; index < 2000; index++) {
      const number = `+336${String(index).padStart(8, '0')}`;
      const sealed = sealText(KEY, number);
      ivs.add(Buffer.from(sealed.slice(3), 'base64url').subarray(0, 12).toString('hex'));
      expect(openText(KEY, sealed)).toBe(number);
    }
    expect(ivs.size).toBe(2000);
  });

  test('a wrong key, a tampered value, a truncated value or another format throw SealError', () => {
    const sealed = sealText(KEY, '0612345678');
    expect(() => openText(randomBytes(32), sealed)).toThrow(SealError);
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => openText(KEY, `v1:${bytes.toString('base64url')}`)).toThrow(SealError);
    expect(() => openText(KEY, 'v1:AAAA')).toThrow(SealError);
    expect(() => openText(KEY, 'v2:whatever')).toThrow(SealError);
  });

  test('refuses a key that is not 32 bytes', () => {
    expect(() => sealText(Buffer.alloc(16), 'x')).toThrow(SealError);
  });
});

describe('lastDigits', () => {
  test('reads the last digits, ignoring spaces and signs', () => {
    expect(lastDigits('+33 6 12 34 56 45')).toBe('45');
    expect(lastDigits('06.12.34.56.78', 4)).toBe('5678');
    expect(lastDigits('7', 2)).toBe('7');
    expect(lastDigits('0612345678', 0)).toBe('');
  });
});
