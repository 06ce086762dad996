/**
 * The lean voice lane answers well-formed turn webhooks ahead of express; anything unusual goes to
 * express, which answers it as before. Either way the caller gets the same TwiML and headers.
 */
import { getExpectedTwilioSignature } from 'twilio';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { newCallSid } from '../support/callHarness';
import { TIMES } from '../support/config';
import { TestClock, startTestApp, twilioSide, type RunningTestApp } from '../support/testApp';

const clock = new TestClock(TIMES.mondayMorningParis);
let app: RunningTestApp;

beforeAll(async () => {
  app = await startTestApp({ store: createMemoryStore(clock), clock, keys: createStoreKeys('voice-lane') });
});
afterAll(() => app.close());

function incoming(): { params: Record<string, string>; signature: string } {
  const params = { CallSid: newCallSid(), From: '+33612345678', To: '+33800360360', CallStatus: 'ringing' };
  return { params, signature: getExpectedTwilioSignature(twilioSide(app).authToken, `${twilioSide(app).publicBaseUrl}/voice/incoming`, params) };
}

/** The headers that must not differ between the lane and express (Date and length aside). */
function stableHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!['date', 'content-length', 'etag', 'connection', 'keep-alive'].includes(name)) headers[name] = value;
  });
  return headers;
}

test('When a body is sent without a length (chunked), then express answers it with the same TwiML and headers as the lane', async () => {
  const plain = incoming();
  const viaLane = await fetch(`${app.httpBase}/voice/incoming`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': plain.signature },
    body: new URLSearchParams(plain.params).toString(),
  });
  const chunked = incoming();
  const body = new URLSearchParams(chunked.params).toString();
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body.slice(0, 20)));
      controller.enqueue(new TextEncoder().encode(body.slice(20)));
      controller.close();
    },
  });
  const viaExpress = await fetch(`${app.httpBase}/voice/incoming`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': chunked.signature },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  expect(viaLane.status).toBe(200);
  expect(viaExpress.status).toBe(200);
  const [laneText, expressText] = [await viaLane.text(), await viaExpress.text()];
  expect(laneText).toContain('<Gather');
  expect(expressText).toBe(laneText);
  expect(stableHeaders(viaExpress)).toEqual(stableHeaders(viaLane));
});

test('When a turn webhook has no valid signature, then the lane refuses it with 403 and the security headers', async () => {
  const { params } = incoming();
  const refused = await fetch(`${app.httpBase}/voice/incoming`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
    body: new URLSearchParams(params).toString(),
  });
  expect(refused.status).toBe(403);
  expect(await refused.text()).toBe('Invalid or missing X-Twilio-Signature');
  expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(refused.headers.get('cache-control')).toBe('no-store');
});

test('When a form has more than 1,000 parameters, then the caller still reaches a human (the national fallback)', async () => {
  const params = new URLSearchParams({ CallSid: newCallSid() });
  for (let i = 0; i < 1001; i++) params.append(`p${i}`, 'x');
  const answer = await fetch(`${app.httpBase}/voice/step`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() });
  expect(answer.status).toBe(200);
  expect(await answer.text()).toContain('<Enqueue>cercle-national</Enqueue>');
});
