/**
 * The signature check accepts exactly what twilio's validateRequest accepts: its own first candidate
 * (the URL as received, without a port) is computed without the library, everything else is the
 * library's. Signatures are made by twilio's getExpectedTwilioSignature, as Twilio signs.
 */
import { getExpectedTwilioSignature, validateRequest } from 'twilio';
import { twilioSignatureCheck } from '../../src/http/twilioSignature';

const TOKEN = 'test-auth-token-0123456789abcdef';
const OTHER_TOKEN = 'another-token-0123456789abcdef';
const PARAMS: Record<string, unknown> = { CallSid: 'CA' + '1'.repeat(32), From: '+33612345678', Digits: '1', SpeechResult: 'Je suis à Besançon, c’est ça' };
const BASES = ['https://ligne.example.fr', 'https://ligne.example.fr/', 'https://ligne.example.fr:443', 'http://ligne.example.fr:8080', 'https://user@[::1]:8443'];
const PATHS = ['/voice/incoming', '/voice/gather?step=menu&attempt=2', "/voice/gather?name=l'aide"];

function signedUrls(base: string, path: string): string[] {
  const trimmed = base.replace(/\/+$/, '');
  const url = new URL(trimmed + path);
  const port = url.protocol === 'https:' ? '443' : '80';
  const host = url.hostname;
  const withoutPort = `${url.protocol}//${url.username ? `${url.username}@` : ''}${host}${path}`;
  const withPort = `${url.protocol}//${url.username ? `${url.username}@` : ''}${host}:${url.port || port}${path}`;
  return [trimmed + path, withoutPort, withPort];
}

describe('twilioSignatureCheck', () => {
  const cases: Array<{ base: string; path: string; params: Record<string, unknown>; signature: string | undefined }> = [];
  for (const base of BASES) {
    for (const path of PATHS) {
      for (const params of [PARAMS, {}, { ...PARAMS, Repeated: ['b', 'a', 'b'] }]) {
        for (const url of signedUrls(base, path)) {
          cases.push({ base, path, params, signature: getExpectedTwilioSignature(TOKEN, url, params) });
          cases.push({ base, path, params, signature: getExpectedTwilioSignature(OTHER_TOKEN, url, params) });
        }
        cases.push({ base, path, params, signature: getExpectedTwilioSignature(TOKEN, base + path, { ...params, Extra: 'x' }) });
        cases.push({ base, path, params, signature: undefined });
        cases.push({ base, path, params, signature: '' });
        cases.push({ base, path, params, signature: 'forged' });
      }
    }
  }

  it('accepts exactly what validateRequest accepts', () => {
    let accepted = 0;
    for (const { base, path, params, signature } of cases) {
      const check = twilioSignatureCheck(TOKEN, base);
      const reference = typeof signature === 'string' && signature !== '' && validateRequest(TOKEN, signature, base.replace(/\/+$/, '') + path, params);
      expect({ base, path, params, signature, accepted: check(signature, path, params) }).toEqual({ base, path, params, signature, accepted: reference });
      if (reference) accepted++;
    }
    // Both outcomes are exercised: Twilio's own signatures pass, the others do not.
    expect(accepted).toBeGreaterThan(cases.length / 5);
    expect(accepted).toBeLessThan(cases.length / 2);
  });

  it('refuses a signature of the right length made with another token', () => {
    const url = 'https://ligne.example.fr/voice/incoming';
    const check = twilioSignatureCheck(TOKEN, 'https://ligne.example.fr');
    expect(check(getExpectedTwilioSignature(TOKEN, url, PARAMS), '/voice/incoming', PARAMS)).toBe(true);
    expect(check(getExpectedTwilioSignature(OTHER_TOKEN, url, PARAMS), '/voice/incoming', PARAMS)).toBe(false);
    expect(check(getExpectedTwilioSignature(TOKEN, url, { ...PARAMS, Digits: '2' }), '/voice/incoming', PARAMS)).toBe(false);
  });
});
