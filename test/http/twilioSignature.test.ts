/**
 * The signature check: Twilio's own signatures accepted, whatever spelling of the URL Twilio signed
 * (as configured, or with the default port), repeated parameters included; anything else refused.
 */
import { getExpectedTwilioSignature } from 'twilio';
import { twilioSignatureCheck } from '../../src/http/twilioSignature';

const TOKEN = 'test-twilio-auth-token-0123456789';
const BASE = 'https://orientation360.test.example';
const isSigned = twilioSignatureCheck(TOKEN, `${BASE}/`);
const params = { CallSid: 'CA0123456789abcdef0123456789abcdef', Digits: '2', From: '+33612345678', SpeechResult: '' };

test('Given a signature by Twilio over the URL as configured, then it is accepted; changed parameters or URL are refused', () => {
  const signature = getExpectedTwilioSignature(TOKEN, `${BASE}/voice/step?d=44`, params);
  expect(isSigned(signature, '/voice/step?d=44', params)).toBe(true);
  expect(isSigned(signature, '/voice/step?d=35', params)).toBe(false);
  expect(isSigned(signature, '/voice/step?d=44', { ...params, Digits: '3' })).toBe(false);
  expect(isSigned(signature, '/voice/step?d=44', { ...params, Extra: '' })).toBe(false);
});

test('Given a signature over the URL with the default port, or a repeated parameter, then it is accepted as Twilio’s own check accepts it', () => {
  const withPort = getExpectedTwilioSignature(TOKEN, 'https://orientation360.test.example:443/voice/step', params);
  expect(isSigned(withPort, '/voice/step', params)).toBe(true);
  const repeated = { ...params, Digits: ['2', '1', '2'] };
  expect(isSigned(getExpectedTwilioSignature(TOKEN, `${BASE}/voice/step`, repeated), '/voice/step', repeated)).toBe(true);
});

test('Given no signature, an empty one, a forged one or one that is not ASCII, then it is refused', () => {
  const signature = getExpectedTwilioSignature(TOKEN, `${BASE}/voice/step`, params);
  expect(isSigned(undefined, '/voice/step', params)).toBe(false);
  expect(isSigned('', '/voice/step', params)).toBe(false);
  expect(isSigned([signature], '/voice/step', params)).toBe(false);
  expect(isSigned(`${signature.slice(0, -2)}é`, '/voice/step', params)).toBe(false);
  expect(isSigned(getExpectedTwilioSignature('another-token', `${BASE}/voice/step`, params), '/voice/step', params)).toBe(false);
});
