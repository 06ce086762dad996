/**
 * The live figures, read from /metrics after real traffic: signed calls played as Twilio plays them
 * (routed and bridged, out of hours → callback, abandoned in a menu and in the queue), chats over our
 * own Direct Line (an answer, a « not sure », a hand-off, words of danger), a callback done by an
 * advisor. Every label value is checked against the closed lists and against what the people said.
 */
import { NEED_IDS } from '../../src/domain/vocabulary';
import { createMetrics } from '../../src/metrics';
import { DANGER_KINDS } from '../../src/safety/detect';
import { postSigned, SimulatedCall } from '../support/callHarness';
import { TIMES } from '../support/config';
import { advisorToken, startTestApp, TEST_METRICS_TOKEN, TestClock, testRedis, twilioSide, type RunningTestApp } from '../support/testApp';
import { parseExposition, valueOf, type Sample } from './exposition';
import { chatHandedTo44, texts, WebChatUser } from '../support/webChatUser';

const clock = new TestClock(TIMES.mondayMorningParis);
let redis: Awaited<ReturnType<typeof testRedis>>;
let app: RunningTestApp;

/** What the people of this test said or typed: none of it may appear in a label. */
const CALLERS = { routed: '+33612345678', callback: '+33698765432', leftQueue: '+33711223344', hungUp: '+33655443322' };
const POSTCODES = ['44000', '35000'];
const FREE_TEXT = ['Lilas', 'mourir', 'zorglub', 'AAH', 'Nantes'];

/** Every route as registered that the timing middleware may name, and « unmatched ». */
const ROUTES = [
  '/voice/incoming',
  '/voice/step',
  '/voice/queue/result',
  '/voice/dial/result',
  '/voice/fallback',
  '/voice/queue/wait',
  '/voice/queue/wait-choice',
  '/voice/queue/bridging',
  '/voice/whisper',
  '/voice/advisor/dequeue',
  '/voice/taskrouter/assignment',
  '/voice/taskrouter/agent',
  '/voice/status',
  '/api/messages',
  'unmatched',
];

beforeAll(async () => {
  redis = await testRedis('metrics');
  app = await startTestApp({ store: redis.store, keys: redis.keys, clock, metrics: createMetrics() });
});
afterAll(async () => {
  await app.close();
  await redis.cleanup();
});

async function scrape(target: RunningTestApp = app): Promise<Sample[]> {
  const response = await fetch(`${target.httpBase}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parseExposition(await response.text());
}

async function call(from: string): Promise<SimulatedCall> {
  return new SimulatedCall(twilioSide(app), { from }).dial();
}

async function ticketRefOf(callSid: string): Promise<string> {
  const response = await fetch(`${app.httpBase}/api/calls/${callSid}/ticket`, { headers: { authorization: `Bearer ${await advisorToken()}` } });
  return ((await response.json()) as { ref: string }).ref;
}

describe('/metrics after calls and chats', () => {
  let samples: Sample[];

  beforeAll(async () => {
    // 1. An aidant of Loire-Atlantique, in opening hours: queue cercle-44, an advisor answers after 95 s.
    clock.set(TIMES.mondayMorningParis);
    const routed = await call(CALLERS.routed);
    for (const key of ['2', '1', '3', '44000', '1']) await routed.press(key);
    expect(routed.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
    await routed.waitMusic({ QueuePosition: 1, QueueTime: 40, AvgQueueTime: 60 });
    await routed.queueResult('bridged', 95);
    expect(await routed.hangUp()).toBe(204);

    // 2. Out of hours in Ille-et-Vilaine: a callback on the caller's own number.
    clock.set(TIMES.mondayEveningParis);
    const callback = await call(CALLERS.callback);
    for (const key of ['1', '1', '1', '35000', '1']) await callback.press(key);
    expect(callback.spoken()).toContain('ne répondent pas');
    await callback.press('1');
    await callback.press('1');
    expect(callback.end()).toEqual({ kind: 'hangup' });
    expect(await callback.hangUp()).toBe(204);

    // 3. Routed to cercle-44, hangs up in the queue after 200 s; 4. hangs up at the first menu.
    clock.set(TIMES.mondayMorningParis);
    const leftQueue = await call(CALLERS.leftQueue);
    for (const key of ['2', '1', '3', '44000', '1']) await leftQueue.press(key);
    await leftQueue.queueResult('hangup', 200);
    expect(await leftQueue.hangUp()).toBe(204);
    const hungUp = await call(CALLERS.hungUp);
    await hungUp.press('1');
    expect(await hungUp.hangUp('completed')).toBe(204);

    // An unsigned request: refused before any route, so it is timed as « unmatched », not by its path.
    const forged = await postSigned(twilioSide(app), `https://orientation360.example.org/voice/step?d=44000`, { CallSid: 'CA' + '0'.repeat(32), Digits: '44000' }, { signature: null });
    expect(forged.status).toBe(403);

    // An advisor of 35 reaches the person who asked to be called back.
    const ref = await ticketRefOf(callback.callSid);
    const advisor35 = await advisorToken({ subject: 'yann-35', role: 'advisor', territories: ['35'] });
    const act = (path: string, body: unknown) =>
      fetch(`${app.httpBase}/api/advisor/tickets/${ref}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${advisor35}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await act('take', {})).status).toBeLessThan(300);
    expect((await act('callback-attempts', { reached: false })).status).toBe(201);
    expect((await act('callback-attempts', { reached: true })).status).toBe(201);

    // Chats: a question answered, then words the bot does not understand.
    const asking = new WebChatUser(app);
    await asking.open();
    expect(texts(await asking.write("c'est quoi l'AAH ?"))).toContain('Source :');
    expect(texts(await asking.write('zorglub wizz pataquès'))).toContain("Je ne suis pas sûr d'avoir compris");
    // A person oriented to Loire-Atlantique by buttons and a postcode, handed to its advisors; they then give their address.
    const { user: oriented, replies } = await chatHandedTo44(app);
    expect(replies).toMatch(/T-44-[0-9A-Z]{6}/);
    await oriented.write('Je suis au 06 12 34 56 78, 12 rue des Lilas 44000 Nantes');
    // Words of danger: the numbers at once, and a priority hand-off (département not known: national).
    const inDanger = new WebChatUser(app);
    await inDanger.open();
    expect(texts(await inDanger.write('je veux mourir'))).toContain('3114');

    samples = await scrape();
  }, 60_000);

  it('When calls were routed, ended, abandoned and called back, then the call figures count them by territory', () => {
    expect(valueOf(samples, 'o360_calls_started_total')).toBe(4);
    expect(valueOf(samples, 'o360_calls_routed_total', { territory: '44', to: 'territory' })).toBe(2);
    expect(valueOf(samples, 'o360_calls_routed_total')).toBe(2);
    expect(valueOf(samples, 'o360_calls_ended_total', { territory: '44', outcome: 'connected' })).toBe(1);
    expect(valueOf(samples, 'o360_calls_ended_total', { territory: '44', outcome: 'abandoned_in_queue' })).toBe(1);
    expect(valueOf(samples, 'o360_calls_ended_total', { territory: 'XX', outcome: 'abandoned_in_menu' })).toBe(1);
    expect(valueOf(samples, 'o360_calls_ended_total', { territory: '35', outcome: 'callback_booked' })).toBe(1);
    expect(valueOf(samples, 'o360_calls_ended_total')).toBe(4);
    expect(valueOf(samples, 'o360_callbacks_requested_total', { channel: 'voice', territory: '35' })).toBe(1);
    expect(valueOf(samples, 'o360_callbacks_done_total', { territory: '35' })).toBe(1);
    expect(valueOf(samples, 'o360_callbacks_done_total')).toBe(1);
  });

  it('When callers left the queue, then the queue-wait histogram holds their QueueTime by territory and result', () => {
    expect(valueOf(samples, 'o360_queue_wait_seconds_count', { territory: '44', result: 'bridged' })).toBe(1);
    expect(valueOf(samples, 'o360_queue_wait_seconds_sum', { territory: '44', result: 'bridged' })).toBe(95);
    expect(valueOf(samples, 'o360_queue_wait_seconds_bucket', { territory: '44', result: 'bridged', le: '60' })).toBe(0);
    expect(valueOf(samples, 'o360_queue_wait_seconds_bucket', { territory: '44', result: 'bridged', le: '120' })).toBe(1);
    expect(valueOf(samples, 'o360_queue_wait_seconds_sum', { territory: '44', result: 'hangup' })).toBe(200);
  });

  it('When people chatted, then answers, « not sure », hand-offs by territory and danger by category are counted', () => {
    expect(valueOf(samples, 'o360_faq_answers_total', { result: 'answered' })).toBe(1);
    expect(valueOf(samples, 'o360_faq_answers_total', { result: 'not_sure' })).toBe(1);
    expect(valueOf(samples, 'o360_chat_handoffs_total', { territory: '44', to: 'territory' })).toBe(1);
    expect(valueOf(samples, 'o360_chat_handoffs_total', { territory: 'XX', to: 'national' })).toBe(1);
    expect(valueOf(samples, 'o360_chat_handoffs_total')).toBe(2);
    expect(valueOf(samples, 'o360_danger_detections_total', { channel: 'chat', category: 'suicide' })).toBe(1);
    expect(valueOf(samples, 'o360_danger_detections_total')).toBe(1);
    expect(valueOf(samples, 'o360_handovers_by_need_total', { channel: 'voice', need: 'logement' })).toBe(2);
    expect(valueOf(samples, 'o360_handovers_by_need_total', { channel: 'chat', need: 'logement' })).toBe(1);
    expect(valueOf(samples, 'o360_handovers_by_need_total', { channel: 'chat', need: 'none' })).toBe(1);
  });

  it('When webhooks and chat turns were answered, then their latency is timed by route as registered, never by raw path', () => {
    for (const route of ['/voice/incoming', '/voice/step', '/voice/queue/wait', '/voice/queue/result', '/voice/status']) {
      expect(valueOf(samples, 'o360_voice_webhook_duration_seconds_count', { route })).toBeGreaterThan(0);
    }
    // 5 + 5 + 2 + 5 + 1 menu answers; each of the 4 calls dialled once.
    expect(valueOf(samples, 'o360_voice_webhook_duration_seconds_count', { route: '/voice/step' })).toBe(18);
    expect(valueOf(samples, 'o360_voice_webhook_duration_seconds_count', { route: '/voice/incoming' })).toBe(4);
    expect(valueOf(samples, 'o360_voice_webhook_duration_seconds_count', { route: 'unmatched' })).toBe(1);
    // Three conversations opened, then 2 + 6 + 1 messages: one bot turn each.
    expect(valueOf(samples, 'o360_chat_turn_duration_seconds_count', { route: '/api/messages' })).toBe(12);
  });

  it('When the service runs, then Node’s event-loop delay and the configuration version served are exposed', () => {
    expect(samples.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
    const versions = samples.filter((s) => s.name === 'o360_config_version_info');
    expect(versions).toEqual([{ name: 'o360_config_version_info', labels: { version: expect.stringMatching(/^files-[0-9a-f]{12}$/) }, value: 1 }]);
  });

  it('When every label of every series is read, then each value is from its closed list and none holds a phone number, a postcode or words people wrote', () => {
    const territories = new Set([...app.app.places.all().map((d) => d.code), 'XX']);
    expect(territories.size).toBe(102);
    const closed: Record<string, (value: string, metric: string) => boolean> = {
      territory: (v) => territories.has(v),
      need: (v) => (NEED_IDS as readonly string[]).includes(v) || v === 'none',
      channel: (v) => v === 'voice' || v === 'chat',
      to: (v) => v === 'territory' || v === 'national',
      outcome: (v) => ['connected', 'abandoned_in_menu', 'abandoned_in_queue', 'callback_booked', 'declined', 'other'].includes(v),
      result: (v, metric) =>
        metric.startsWith('o360_faq_')
          ? ['answered', 'not_sure'].includes(v)
          : ['bridged', 'bridging-in-process', 'queue-full', 'currently-dequeueing', 'hangup', 'redirected', 'leave', 'system-error', 'error', 'other'].includes(v),
      category: (v) => (DANGER_KINDS as readonly string[]).includes(v) || v === 'other',
      route: (v) => ROUTES.includes(v),
      version: (v) => /^files-[0-9a-f]{12}$/.test(v),
      le: (v) => v === '+Inf' || Number.isFinite(Number(v)),
    };
    const ours = samples.filter((s) => s.name.startsWith('o360_'));
    expect(ours.length).toBeGreaterThan(20);
    for (const sample of ours) {
      for (const [label, value] of Object.entries(sample.labels)) {
        const check = closed[label];
        expect({ metric: sample.name, label, known: check !== undefined }).toEqual({ metric: sample.name, label, known: true });
        expect({ metric: sample.name, label, value, closed: check?.(value, sample.name) }).toEqual({ metric: sample.name, label, value, closed: true });
      }
    }
    const personal = [...Object.values(CALLERS).flatMap((n) => [n, n.slice(3), `0${n.slice(3)}`]), ...POSTCODES, '06 12 34 56 78', ...FREE_TEXT];
    const everyValue = samples.flatMap((s) => Object.values(s.labels));
    for (const secret of personal) expect(everyValue.filter((value) => value.toLowerCase().includes(secret.toLowerCase()))).toEqual([]);
  });
});

describe('who may read /metrics', () => {
  it('When /metrics is asked without the token or with a wrong one, then it answers 401 and shows no figure', async () => {
    const bare = await fetch(`${app.httpBase}/metrics`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toContain('Bearer');
    expect(await bare.text()).not.toContain('o360_');
    const wrong = await fetch(`${app.httpBase}/metrics`, { headers: { authorization: 'Bearer not-the-metrics-token-at-all' } });
    expect(wrong.status).toBe(401);
    const basic = await fetch(`${app.httpBase}/metrics`, { headers: { authorization: `Basic ${Buffer.from(`x:${TEST_METRICS_TOKEN}`).toString('base64')}` } });
    expect(basic.status).toBe(401);
  });

  it('When two apps run in one process, then each has its own registry and figures', async () => {
    const other = await startTestApp({ store: redis.store, keys: redis.keys, clock, metrics: createMetrics() });
    try {
      expect(valueOf(await scrape(other), 'o360_calls_started_total')).toBe(0);
      expect(valueOf(await scrape(app), 'o360_calls_started_total')).toBe(4);
    } finally {
      await other.close();
    }
  });
});
