/**
 * A caller is never lost: bad signatures are refused, bad input and internal failures end in valid
 * TwiML that reaches a human, retries are idempotent, any process can serve any webhook.
 */
import { Writable } from 'node:stream';
import { SimulatedCall, postSigned } from '../support/callHarness';
import { find, parseTwiml, spokenText } from '../support/twiml';
import { TIMES } from '../support/config';
import { TEST_PUBLIC_BASE_URL, TestClock, startTestApp, testRedis, twilioSide, type RunningTestApp } from '../support/testApp';
import { startTcpProxy, type TcpProxy } from '../storage/tcp-proxy';
import { createLogger } from '../../src/logging';
import { createRedisStore } from '../../src/storage/redis-store';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';
import { TEST_REDIS_URL } from '../storage/redis-test-env';

let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
const clock = new TestClock(TIMES.mondayMorningParis);
const running: RunningTestApp[] = [];
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  redis = await testRedis('resilience');
});
afterAll(async () => {
  await Promise.all(running.map((a) => a.close()));
  for (const close of closers) await close();
  await redis.cleanup();
});
beforeEach(() => clock.set(TIMES.mondayMorningParis));

async function start(options: { store?: RedisStore; logLines?: string[] } = {}) {
  const logger = options.logLines
    ? createLogger({
        level: 'debug',
        hashKey: 'test-log-hash-key',
        destination: new Writable({
          write(chunk, _enc, done) {
            options.logLines!.push(String(chunk));
            done();
          },
        }),
      })
    : undefined;
  const started = await startTestApp({ store: options.store ?? redis.store, keys: redis.keys, clock, logger });
  running.push(started);
  return started;
}

const INCOMING = `${TEST_PUBLIC_BASE_URL}/voice/incoming`;
const PARAMS = { CallSid: 'CA0000000000000000000000000000000a', From: '+33612345678', To: '+33800360360' };

describe('signatures', () => {
  it('When a webhook has no signature, a wrong one, or one made for another URL, then it is refused with 403', async () => {
    const side = twilioSide(await start());
    expect((await postSigned(side, INCOMING, PARAMS, { signature: null })).status).toBe(403);
    expect((await postSigned(side, INCOMING, PARAMS, { signature: 'bm90IGEgc2lnbmF0dXJl' })).status).toBe(403);
    const otherUrl = await postSigned({ ...side, publicBaseUrl: 'https://attacker.example.org' }, 'https://attacker.example.org/voice/incoming', PARAMS, { endpoint: side.endpoints[0] });
    expect(otherUrl.status).toBe(403);
    const tampered = await postSigned(side, INCOMING, PARAMS, { signature: (await import('twilio')).getExpectedTwilioSignature('test-twilio-auth-token-0123456789', INCOMING, { ...PARAMS, From: '+33700000000' }) });
    expect(tampered.status).toBe(403);
  });

  it('When Twilio signs the public URL and we sit behind a TLS proxy on another address, then the webhook is accepted', async () => {
    const side = twilioSide(await start());
    const result = await postSigned(side, INCOMING, PARAMS);
    expect(result.status).toBe(200);
    expect(find(parseTwiml(result.body), 'Gather')).toBeDefined();
  });
});

describe('bad input', () => {
  it('When a signed webhook carries a malformed CallSid, then the caller still gets valid TwiML that reaches a human', async () => {
    const side = twilioSide(await start());
    const result = await postSigned(side, INCOMING, { ...PARAMS, CallSid: '<script>' });
    expect(result.status).toBe(200);
    const twiml = parseTwiml(result.body);
    expect(spokenText(twiml)).toContain('problème technique');
    expect(find(twiml, 'Enqueue')?.text).toBe('cercle-national');
  });

  it('When Twilio posts a step for a call we do not know (state expired), then the caller reaches the national fallback', async () => {
    const side = twilioSide(await start());
    const result = await postSigned(side, `${TEST_PUBLIC_BASE_URL}/voice/step`, { ...PARAMS, CallSid: 'CA0000000000000000000000000000000b', Digits: '1' });
    expect(find(parseTwiml(result.body), 'Enqueue')?.text).toBe('cercle-national');
  });

  it('When the caller speaks a very long or odd text, then nothing breaks and the text is not echoed', async () => {
    const call = await new SimulatedCall(twilioSide(await start())).dial();
    await call.say('<Say>Hangup</Say> & '.repeat(80));
    expect(call.spoken()).toMatch(/^Je n'ai pas compris\./);
    expect(call.spoken()).not.toContain('Hangup');
  });

  it('When Twilio uses the Fallback URL, then the caller is apologised to and put through to a human', async () => {
    const side = twilioSide(await start());
    const result = await postSigned(side, `${TEST_PUBLIC_BASE_URL}/voice/fallback`, { ...PARAMS, ErrorCode: '11200', ErrorUrl: INCOMING });
    const twiml = parseTwiml(result.body);
    expect(spokenText(twiml)).toContain('problème technique');
    expect(find(twiml, 'Enqueue')?.text).toBe('cercle-national');
  });
});

describe('Redis stopped mid-call', () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    const upstream = new URL(TEST_REDIS_URL);
    proxy = await startTcpProxy(upstream.hostname, Number(upstream.port || 6379));
    closers.push(() => proxy.close());
  });
  afterEach(() => proxy.restore());

  async function appBehindProxy() {
    const store = createRedisStore({ url: proxy.url, commandTimeoutMs: 300 });
    await store.connect();
    closers.push(() => store.close());
    return start({ store });
  }

  it('When Redis is gone after the département was confirmed, then the caller is put through to their territory', async () => {
    const call = await new SimulatedCall(twilioSide(await appBehindProxy())).dial();
    for (const key of ['2', '1', '3', '44000']) await call.press(key);
    proxy.cut();
    await call.press('1');
    expect(call.spoken()).toContain('problème technique');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
  });

  it.each(['queue-full', 'error'] as const)(
    'When the territory queue answers %s while Redis is gone, then the caller goes to the national fallback, not back into that queue',
    async (result) => {
      const call = await new SimulatedCall(twilioSide(await appBehindProxy())).dial();
      for (const key of ['2', '1', '3', '44000', '1']) await call.press(key);
      expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
      proxy.cut();
      await call.queueResult(result);
      expect(call.spoken()).toContain('problème technique');
      expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });
    },
  );

  it('When Redis hangs before the département is known, then within a second the caller is put through to the national fallback', async () => {
    const call = await new SimulatedCall(twilioSide(await appBehindProxy())).dial();
    await call.press('2');
    proxy.freeze();
    const started = Date.now();
    await call.press('1');
    const elapsed = Date.now() - started;
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });
    expect(elapsed).toBeLessThan(5000); // bounded by the command timeout, not by Twilio's 15 s
  });
});

describe('many processes, retries and the end of a call', () => {
  it('When a call’s webhooks alternate between two processes on one Redis, then it ends where a single process would', async () => {
    const one = await start();
    const two = await start();
    const alternating = new SimulatedCall(twilioSide(one, two));
    const single = new SimulatedCall(twilioSide(one));
    for (const call of [alternating, single]) {
      await call.dial();
      for (const key of ['2', '4', '3', '69003', '1']) await call.press(key);
    }
    expect(alternating.end()).toEqual(single.end());
    expect(alternating.end()).toMatchObject({ kind: 'queue', name: 'cercle-69' });
    expect(alternating.documents.map(spokenText)).toEqual(single.documents.map(spokenText));
  });

  it('When a call’s state is gone from the store while the process that served it still remembers it, then its next webhook is answered as an unknown call’s', async () => {
    const side = twilioSide(await start());
    const erased = await new SimulatedCall(side).dial();
    await erased.press('2');
    await redis.store.del(redis.keys.call(erased.callSid));
    await erased.press('1');
    const unknown = new SimulatedCall(side);
    await unknown.post(`${TEST_PUBLIC_BASE_URL}/voice/step`, { Digits: '1' });
    expect(erased.end()).toEqual(unknown.end());
    expect(erased.spoken()).toBe(unknown.spoken());
    expect(erased.spoken()).not.toContain('Précisez votre besoin.');
    await expect(redis.store.get(redis.keys.call(erased.callSid))).resolves.toBeNull();
  });

  it('When Twilio retries a webhook (same idempotency token), then the same TwiML comes back and the call does not advance twice', async () => {
    const side = twilioSide(await start());
    const call = await new SimulatedCall(side).dial();
    await call.press('2');
    const gather = find(call.current!, 'Gather')!;
    const params = { CallSid: call.callSid, From: call.from, Digits: '1' };
    const first = await postSigned(side, gather.attrs.action!, params, { idempotencyToken: 'retry-token-1' });
    const retried = await postSigned(side, gather.attrs.action!, params, { idempotencyToken: 'retry-token-1' });
    expect(retried.body).toBe(first.body);
    expect(spokenText(parseTwiml(first.body))).toContain('Précisez votre besoin.');
    call.current = parseTwiml(retried.body);
    await call.press('3');
    expect(call.spoken()).toContain('Quel est le code postal');
  });

  it('When the call ends, then its session is closed and the abandoned call is counted, with no personal data in the counter', async () => {
    const call = await new SimulatedCall(twilioSide(await start())).dial();
    await call.press('1');
    expect(await redis.store.get(redis.keys.call(call.callSid))).not.toBeNull();
    expect(await redis.store.ttl(redis.keys.call(call.callSid))).toBeGreaterThan(0);
    expect(await call.hangUp()).toBe(204);
    expect(await redis.store.get(redis.keys.call(call.callSid))).toBeNull();
    // The day's figures of the national level (no département was said): counters only.
    const day = await redis.store.hashGetAll(redis.keys.dailyFigures('XX', '2026-11-23'));
    expect(Number(day['voice.abandoned_in_menu'])).toBeGreaterThanOrEqual(1);
    expect(Object.keys(day).every((field) => /^[a-z_.0-9]+$/.test(field))).toBe(true);
    expect(await call.hangUp()).toBe(204); // a repeated status callback is harmless
  });
});

describe('sensitive data', () => {
  it('When a call fails and is logged, then the phone number, the speech and the postcode never appear in clear', async () => {
    const lines: string[] = [];
    const call = await new SimulatedCall(twilioSide(await start({ logLines: lines })), { from: '+33655443322' }).dial();
    await call.say('Je suis épuisée, mon fils est autiste');
    await call.press('1');
    await call.press('1');
    await call.press('86190');
    // Force a failure that gets logged with the call's details.
    await postSigned(twilioSide(running[running.length - 1]!), `${TEST_PUBLIC_BASE_URL}/voice/step`, { CallSid: 'CA0000000000000000000000000000000c', From: '+33655443322', Digits: '86190', SpeechResult: 'mon fils est autiste' });
    const log = lines.join('');
    expect(log).toContain('webhook received');
    expect(log).toMatch(/"From":"\[redacted:[0-9a-f]{16}\]"/);
    expect(log).toContain('call turn failed');
    expect(log).not.toContain('655443322');
    expect(log).not.toContain('autiste');
    expect(log).not.toContain('86190');
  });
});
