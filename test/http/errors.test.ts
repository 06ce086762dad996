/**
 * One error handler for every route: bad bodies get a clear answer (JSON for the API, TwiML that
 * reaches a human for Twilio), one pino log line without the body, and nothing on stderr.
 */
import { Writable } from 'node:stream';
import { getExpectedTwilioSignature } from 'twilio';
import { createLogger } from '../../src/logging';
import { find, parseTwiml } from '../support/twiml';
import { TIMES } from '../support/config';
import { advisorToken, TEST_AUTH_TOKEN, TEST_PUBLIC_BASE_URL, TestClock, startTestApp, testRedis, type RunningTestApp } from '../support/testApp';
import type { RedisStore } from '../../src/storage/redis-store';
import type { StoreKeys } from '../../src/storage/keys';

const PHONE = '+33612345678';
const clock = new TestClock(TIMES.mondayMorningParis);
const logLines: string[] = [];
let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
let app: RunningTestApp;
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  redis = await testRedis('http-errors');
  const logger = createLogger({
    level: 'debug',
    hashKey: 'test-log-hash-key',
    destination: new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  });
  app = await startTestApp({ store: redis.store, keys: redis.keys, clock, logger });
  // As in development, where express's own handler printed the request and answered a stack trace.
  app.app.express.set('env', 'development');
});
afterAll(async () => {
  await app.close();
  await redis.cleanup();
});
beforeEach(() => {
  logLines.length = 0;
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

function expectNothingLeaked(...secrets: string[]): void {
  expect(consoleError).not.toHaveBeenCalled();
  const log = logLines.join('');
  for (const secret of secrets) expect(log).not.toContain(secret);
}

describe('the API', () => {
  it('When /api/messages gets malformed JSON holding a phone number, then it answers 400 JSON and logs one line without the body', async () => {
    const response = await fetch(`${app.httpBase}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"type":"message","text":"rappelez-moi au ${PHONE}"`,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as { error: string };
    expect(body.error).toBe('La demande n’est pas lisible : son contenu n’est pas du JSON valide.');
    expectNothingLeaked(PHONE, 'rappelez-moi');
    expect(logLines.some((line) => JSON.parse(line).msg === 'request refused')).toBe(true);
  });

  it('When our own channel posts a malformed activity to /api/messages over loopback, then it answers 400 naming the fields, not 500', async () => {
    const response = await fetch(`${app.httpBase}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'bonjour', serviceUrl: `${app.httpBase}/directline/connector`, conversation: 'not-an-object' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/^Not a valid activity: .*conversation/);
    expect(body.error).not.toContain('bonjour');
    expectNothingLeaked('bonjour');
  });

  it('When an advisor posts broken JSON to a chat, then it answers 400 JSON without echoing it', async () => {
    const response = await fetch(`${app.httpBase}/api/chats/conversation-1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await advisorToken()}` },
      body: `{"text":"votre numéro ${PHONE}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'La demande n’est pas lisible : son contenu n’est pas du JSON valide.' });
    expectNothingLeaked(PHONE);
  });

  it('When an advisor sends broken or oversized JSON to the advisor API, then 400 or 413 in the same JSON shape', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await advisorToken()}` };
    const broken = await fetch(`${app.httpBase}/api/advisor/tickets/T-44-7K3F9Q/comments`, { method: 'POST', headers, body: `{"text":"${PHONE}` });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'La demande n’est pas lisible : son contenu n’est pas du JSON valide.' });
    const huge = await fetch(`${app.httpBase}/api/advisor/tickets/T-44-7K3F9Q/comments`, { method: 'POST', headers, body: JSON.stringify({ text: 'x'.repeat(40_000) }) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ error: 'La demande est trop grande.' });
    expectNothingLeaked(PHONE);
  });
});

describe('the voice webhooks', () => {
  it('When Twilio posts more than 1,000 parameters, then the caller gets TwiML that reaches the national fallback and nothing is printed', async () => {
    const params = new URLSearchParams({ CallSid: 'CA0000000000000000000000000000000e', From: PHONE, To: '+33800360360' });
    for (let i = 0; i < 1001; i += 1) params.append(`p${i}`, 'x');
    const url = `${TEST_PUBLIC_BASE_URL}/voice/incoming`;
    const response = await fetch(`${app.httpBase}/voice/incoming`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, Object.fromEntries(params)),
      },
      body: params.toString(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/xml/);
    const twiml = parseTwiml(await response.text());
    expect(find(twiml, 'Say')?.text).toContain('problème technique');
    expect(find(twiml, 'Enqueue')?.text).toBe('cercle-national');
    expectNothingLeaked(PHONE, '33612345678');
  });
});
