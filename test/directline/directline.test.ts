/**
 * The Direct Line channel as the official Web Chat uses it, end to end over HTTP and WebSocket, with
 * a fake bot that replies through the connector; on the in-memory store and bus, and on the real Redis.
 */
import { createHmac } from 'node:crypto';
import type { KeyValueStore, MessageBus } from '../../src/domain/ports';
import type { ChatChannel } from '../../src/chat/channel';
import type { DirectLine } from '../../src/directline';
import type { ScriptRunner } from '../../src/directline/log-script';
import { createMemoryBus, createMemoryStore } from '../../src/storage/memory-store';
import { createRedisBus, createRedisStore } from '../../src/storage/redis-store';
import { createStoreKeys, type StoreKeys } from '../../src/storage/keys';
import { uniqueTestNamespace } from '../storage/redis-test-env';
import { TEST_CONNECT_TIMEOUT_MS, TEST_REDIS_LABEL, TEST_REDIS_TARGET } from '../support/redisTarget';
import {
  call,
  getActivities,
  offsetClock,
  openStream,
  pollActivities,
  postActivity,
  startChannel,
  startConversation,
  startFakeBot,
  userIdOf,
  webChatMessage,
  type FakeBot,
  type RunningChannel,
} from './harness';

// DirectLine is a ChatChannel (compile-time check).
const isChatChannel = (directLine: DirectLine): ChatChannel => directLine;
void isChatChannel;

interface Backend {
  store: KeyValueStore;
  bus: MessageBus;
  keys: StoreKeys;
  /** Set when the bus is on the store's Redis and the channel is told so (as `npm start` wires it). */
  runScript?: ScriptRunner;
  close(): Promise<void>;
}

/** A store and a bus on the suites' Redis; `oneScript`: the channel is told the bus is on the store's Redis (as `npm start` wires it). */
async function redisBackend({ oneScript }: { oneScript: boolean }): Promise<Backend> {
  const store = createRedisStore({ target: TEST_REDIS_TARGET, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  const bus = createRedisBus({ target: TEST_REDIS_TARGET, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  await Promise.all([store.connect(), bus.connect()]);
  return {
    store,
    bus,
    keys: createStoreKeys(uniqueTestNamespace(oneScript ? 'dl-script' : 'dl')),
    ...(oneScript ? { runScript: store.runScript } : {}),
    close: async () => void (await Promise.all([store.close(), bus.close()])),
  };
}

const backends: Array<[string, () => Promise<Backend>]> = [
  [
    'memory',
    async () => {
      const store = createMemoryStore();
      const bus = createMemoryBus();
      return { store, bus, keys: createStoreKeys('o360test'), close: async () => void (await Promise.all([store.close(), bus.close()])) };
    },
  ],
  [`redis (${TEST_REDIS_LABEL})`, () => redisBackend({ oneScript: false })],
  [`redis (${TEST_REDIS_LABEL}), a turn's log append and announcement in one script`, () => redisBackend({ oneScript: true })],
];

describe.each(backends)('Direct Line channel on %s', (_name, createBackend) => {
  let backend: Backend;
  let bot: FakeBot;
  let channel: RunningChannel;
  let clock: ReturnType<typeof offsetClock>;
  let base: string;

  beforeAll(async () => {
    backend = await createBackend();
    bot = await startFakeBot();
  });
  afterAll(async () => {
    await bot.close();
    await backend.close();
  });
  beforeEach(async () => {
    bot.mode = 'echo';
    clock = offsetClock();
    channel = await startChannel({ ...backend, clock, botEndpoint: () => bot.url });
    base = channel.httpBase;
  });
  afterEach(async () => {
    await channel.close();
  });

  test('token → start (conversationUpdate to the bot) → message echoed with id and clientActivityID → bot reply', async () => {
    const issued = await call('POST', `${base}/chat/token`);
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(issued.body).toEqual({ token: expect.any(String), conversationId: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), expires_in: 1800 });

    const started = await call('POST', `${base}/v3/directline/conversations`, { token: issued.body.token, body: { user: {}, locale: 'fr-FR' } });
    expect(started.status).toBe(201);
    const { conversationId, token, streamUrl } = started.body;
    expect(conversationId).toBe(issued.body.conversationId);
    expect(started.body.expires_in).toBe(1800);
    expect(streamUrl).toBe(`ws://127.0.0.1:${new URL(base).port}/v3/directline/conversations/${conversationId}/stream?t=${token}`);
    const conversation = { conversationId, token, streamUrl, userId: userIdOf(token) };
    expect(conversation.userId).toMatch(/^dl_/);

    // Starting again is idempotent: 200, same conversation, no second conversationUpdate.
    const again = await call('POST', `${base}/v3/directline/conversations`, { token });
    expect(again.status).toBe(200);
    expect(again.body.conversationId).toBe(conversationId);

    const [update] = await bot.waitForReceived(1);
    expect(update).toMatchObject({
      type: 'conversationUpdate',
      channelId: 'directline',
      conversation: { id: conversationId },
      serviceUrl: channel.connectorBaseUrl,
      membersAdded: [{ id: 'orientation-360', role: 'bot' }, { id: conversation.userId, role: 'user' }],
      recipient: { id: 'orientation-360', role: 'bot' },
    });
    expect(channel.connectorBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/directline\/connector$/);
    await pollActivities(base, conversation, (activities) => activities.some((a) => a.text === 'Bonjour ! Je suis là pour vous orienter.'));

    const posted = await postActivity(base, conversation, webChatMessage('Je cherche une aide pour mon fils', 'client-42'));
    expect(posted.status).toBe(200);
    expect(posted.body.id).toBe(`${conversationId}|0000001`);

    const { activities, watermark } = await pollActivities(base, conversation, (list) => list.length >= 3);
    expect(watermark).toBe('3');
    const [welcome, echo, reply] = activities;
    expect(welcome).toMatchObject({ id: `${conversationId}|0000000`, from: { role: 'bot' } });
    expect(echo).toMatchObject({
      id: posted.body.id,
      type: 'message',
      text: 'Je cherche une aide pour mon fils',
      textFormat: 'plain',
      channelId: 'directline',
      conversation: { id: conversationId },
      from: { id: conversation.userId, role: 'user' },
      recipient: { id: 'orientation-360', role: 'bot' },
      locale: 'fr-FR',
      channelData: { clientActivityID: 'client-42' },
      timestamp: expect.any(String),
    });
    // What the browser sent beyond the activity's fields is not kept.
    expect(echo).not.toHaveProperty('entities');
    expect(echo?.channelData).not.toHaveProperty('webchat:send-status');
    expect(echo).not.toHaveProperty('serviceUrl');
    expect(reply).toMatchObject({
      type: 'message',
      text: 'Vous avez dit : Je cherche une aide pour mon fils',
      replyToId: posted.body.id,
      from: { id: 'orientation-360', role: 'bot' },
      recipient: { id: conversation.userId, role: 'user' },
      conversation: { id: conversationId },
    });
    expect(reply).not.toHaveProperty('serviceUrl');

    // What the bot received: the same activity, with the connector to reply to.
    const forwarded = bot.received.find((a) => a.type === 'message');
    expect(forwarded).toMatchObject({ id: posted.body.id, serviceUrl: channel.connectorBaseUrl, channelData: { clientActivityID: 'client-42' } });
    expect(bot.replyFailures).toEqual([]);

    // The module API sees the same transcript.
    const transcript = await channel.directLine.transcript(conversationId);
    expect(transcript.map((a) => a.id)).toEqual(activities.map((a) => a.id));
  });

  test('WebSocket: backlog on connect, then the echo and the bot reply pushed; keep-alives are empty messages', async () => {
    const conversation = await startConversation(base);
    await pollActivities(base, conversation, (list) => list.length === 1);
    const stream = await openStream(conversation.streamUrl);
    try {
      await stream.waitFor((list) => list.length === 1);
      expect(stream.activities[0]?.text).toBe('Bonjour ! Je suis là pour vous orienter.');
      expect(stream.watermarks).toEqual(['1']);

      await postActivity(base, conversation, webChatMessage('Bonjour', 'cid-1'));
      await stream.waitFor((list) => list.length === 3);
      expect(stream.activities[1]).toMatchObject({ text: 'Bonjour', channelData: { clientActivityID: 'cid-1' }, from: { role: 'user' } });
      expect(stream.activities[2]).toMatchObject({ text: 'Vous avez dit : Bonjour', from: { role: 'bot' } });
      expect(stream.watermarks).toEqual(['1', '2', '3']);

      // keepAliveMs is 300 in the harness; DirectLineJS ignores empty messages and sends its own.
      stream.socket.send('');
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(stream.raw.filter((message) => message === '').length).toBeGreaterThanOrEqual(1);
      expect(stream.activities).toHaveLength(3);
    } finally {
      await stream.close();
    }
  });

  test('typing is pushed on the stream (echo included) but never logged', async () => {
    const conversation = await startConversation(base);
    const stream = await openStream(conversation.streamUrl);
    try {
      await stream.waitFor((list) => list.length === 1);
      const posted = await postActivity(base, conversation, { type: 'typing', channelData: { clientActivityID: 'typing-1' }, from: { id: 'x' } });
      expect(posted.status).toBe(200);
      await stream.waitFor((list) => list.some((a) => a.type === 'typing'));
      expect(stream.activities.find((a) => a.type === 'typing')).toMatchObject({ id: posted.body.id, channelData: { clientActivityID: 'typing-1' } });
      const page = await getActivities(base, conversation);
      expect(page.body.activities.map((a) => a.type)).toEqual(['message']);
      await bot.waitForReceived(bot.received.filter((a) => a.conversation.id === conversation.conversationId).length);
    } finally {
      await stream.close();
    }
  });

  test('reconnect with a watermark: the new streamUrl and GET give only what is newer', async () => {
    const conversation = await startConversation(base);
    await postActivity(base, conversation, webChatMessage('premier'));
    const before = await pollActivities(base, conversation, (list) => list.length === 3);
    expect(before.watermark).toBe('3');

    const reconnected = await call('GET', `${base}/v3/directline/conversations/${conversation.conversationId}?watermark=${before.watermark}`, {
      token: conversation.token,
    });
    expect(reconnected.status).toBe(200);
    expect(reconnected.body).toMatchObject({ conversationId: conversation.conversationId, expires_in: 1800, token: expect.any(String) });
    expect(reconnected.body.streamUrl).toContain('watermark=3');
    const stream = await openStream(reconnected.body.streamUrl);
    try {
      await postActivity(base, conversation, webChatMessage('second'));
      await stream.waitFor((list) => list.length === 2);
      await new Promise((resolve) => setTimeout(resolve, 400)); // a keep-alive tick: nothing older shows up
      expect(stream.activities.map((a) => a.text)).toEqual(['second', 'Vous avez dit : second']);
      expect(stream.activities[0]?.id).toBe(`${conversation.conversationId}|0000003`);
    } finally {
      await stream.close();
    }
    const newer = await getActivities(base, conversation, '3');
    expect(newer.body.activities.map((a) => a.text)).toEqual(['second', 'Vous avez dit : second']);
    expect(newer.body.watermark).toBe('5');
    const none = await getActivities(base, conversation, '5');
    expect(none.body).toEqual({ activities: [], watermark: '5' });
    // A watermark beyond the log (kept from an expired one) reads from the start rather than miss what comes.
    const beyond = await getActivities(base, conversation, '999');
    expect(beyond.body.watermark).toBe('5');
    expect(beyond.body.activities).toHaveLength(5);
    // Malformed watermark: a clear 400.
    const bad = await getActivities(base, conversation, '-1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BadArgument');
  });

  test('token refresh gives a new token for the same conversation', async () => {
    const conversation = await startConversation(base);
    const refreshed = await call('POST', `${base}/v3/directline/tokens/refresh`, { token: conversation.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ conversationId: conversation.conversationId, token: expect.any(String), expires_in: 1800 });
    expect(refreshed.body.token).not.toBe(conversation.token);
    expect(userIdOf(refreshed.body.token)).toBe(conversation.userId);
    const posted = await postActivity(base, conversation, webChatMessage('avec le nouveau jeton'), refreshed.body.token);
    expect(posted.status).toBe(200);

    // After the old token's expiry, the refreshed one (issued later) still works… until its own expiry.
    clock.advance(1800 * 1000);
    expect((await getActivities(base, conversation)).status).toBe(403);
  });

  test('expired token → 403 TokenExpired; forged, foreign or missing token → 401', async () => {
    const conversation = await startConversation(base);
    const url = `${base}/v3/directline/conversations/${conversation.conversationId}/activities`;

    const missing = await call('GET', url);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ error: { code: 'Unauthorized', message: 'A valid token is required' } });

    const [header, payload] = conversation.token.split('.') as [string, string, string];
    const tampered = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    tampered.exp = 9_999_999_999;
    const tamperedToken = `${header}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${conversation.token.split('.')[2]}`;
    const signedWithOtherKey = (() => {
      const body = `${header}.${payload}`;
      return `${body}.${createHmac('sha256', Buffer.alloc(32, 1)).update(body).digest('base64url')}`;
    })();
    const noneAlg = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const forged of [tamperedToken, signedWithOtherKey, noneAlg, 'not-a-jwt', `${conversation.token}x`]) {
      const response = await call('GET', url, { token: forged });
      expect(response.status).toBe(401);
    }
    await expect(openStream(conversation.streamUrl.replace(/t=[^&]+/, `t=${signedWithOtherKey}`))).rejects.toMatchObject({ status: 401 });

    clock.advance(1801 * 1000);
    for (const response of [
      await call('GET', url, { token: conversation.token }),
      await postActivity(base, conversation, webChatMessage('trop tard')),
      await call('POST', `${base}/v3/directline/tokens/refresh`, { token: conversation.token }),
      await call('GET', `${base}/v3/directline/conversations/${conversation.conversationId}`, { token: conversation.token }),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('TokenExpired');
    }
    await expect(openStream(conversation.streamUrl)).rejects.toMatchObject({ status: 403 });
  });

  test('a token reads and writes only its own conversation: 403, the same whether the other exists or not', async () => {
    const mine = await startConversation(base);
    const theirs = await startConversation(base);
    await postActivity(base, theirs, webChatMessage('privé'));
    const unknownId = 'AAAAAAAAAAAAAAAAAAAAAAAA';
    const answers = [];
    for (const target of [theirs.conversationId, unknownId, 'not-even-an-id']) {
      const other = { ...mine, conversationId: target };
      const read = await getActivities(base, other);
      const write = await postActivity(base, other, webChatMessage('intrusion'));
      const reconnect = await call('GET', `${base}/v3/directline/conversations/${target}`, { token: mine.token });
      for (const response of [read, write, reconnect]) {
        expect(response.status).toBe(403);
        answers.push(response.text);
      }
      await expect(openStream(mine.streamUrl.replace(mine.conversationId, target))).rejects.toMatchObject({ status: 403 });
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).not.toContain(theirs.conversationId);
    const theirActivities = await getActivities(base, theirs);
    expect(theirActivities.body.activities.map((a) => a.text)).not.toContain('intrusion');
  });

  test('bad input: huge text, control characters, HTML, bad JSON — clear 400s or stored as plain text, never reflected', async () => {
    const conversation = await startConversation(base);
    const huge = await postActivity(base, conversation, webChatMessage('é'.repeat(10_001)));
    expect(huge.status).toBe(400);
    expect(huge.body).toEqual({ error: { code: 'BadArgument', message: 'text is too long: at most 10000 characters' } });
    expect((await postActivity(base, conversation, webChatMessage('😀'.repeat(10_000)))).status).toBe(200);

    const tooBig = await postActivity(base, conversation, webChatMessage('x'.repeat(60_000)));
    expect(tooBig.status).toBe(413);
    expect(tooBig.text).not.toContain('xxxx');

    const marker = '<script>alert(1)</script>';
    const badJson = await call('POST', `${base}/v3/directline/conversations/${conversation.conversationId}/activities`, {
      token: conversation.token,
      rawBody: `{"type":"message","text":"${marker}"`,
    });
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get('content-type')).toMatch(/^application\/json/);
    expect(badJson.text).not.toContain('<script>');

    for (const [activity, expected] of [
      [{ type: 'conversationUpdate', text: marker }, /^type: must be message, event or typing$/],
      [{ type: 'message', text: '' }, /^the message is empty$/],
      [{ type: 'message', text: marker, attachments: [{ contentType: 'text/html', content: marker }] }, /^attachments: are not supported by this chat$/],
      [{ type: 'event' }, /^an event needs a name$/],
      [{ type: 'message', text: 42 }, /^text: must be a string$/],
      [[marker], /^the body must be a JSON activity$/],
    ] as const) {
      const response = await postActivity(base, conversation, activity);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('BadArgument');
      expect(response.body.error.message).toMatch(expected);
      expect(response.text).not.toContain('<script>');
    }

    const nasty = `  Bonjour\u0000\u0007 <b>gras</b> ${marker}\r\nligne\u202Eenversé\u0085\u200F \uD800fin  `;
    const posted = await postActivity(base, conversation, webChatMessage(nasty, 'cid-html'));
    expect(posted.status).toBe(200);
    const { activities } = await pollActivities(base, conversation, (list) => list.some((a) => a.channelData?.clientActivityID === 'cid-html'));
    const stored = activities.find((a) => a.channelData?.clientActivityID === 'cid-html');
    // Control characters, bidi overrides and broken surrogates gone; the HTML kept as text, shown as text.
    expect(stored?.text).toBe(`Bonjour <b>gras</b> ${marker}\nligneenversé \uFFFDfin`);
    expect(stored?.textFormat).toBe('plain');
    const page = await getActivities(base, conversation);
    expect(page.headers.get('content-type')).toMatch(/^application\/json/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('events and postBack values reach the bot; oversize values are refused', async () => {
    const conversation = await startConversation(base);
    const event = await postActivity(base, conversation, { type: 'event', name: 'webchat/join', value: { language: 'fr-FR' } });
    expect(event.status).toBe(200);
    const postBack = await postActivity(base, conversation, {
      type: 'message',
      text: 'logement',
      value: { choice: 'logement' },
      channelData: { clientActivityID: 'pb', postBack: true },
    });
    expect(postBack.status).toBe(200);
    await bot.waitForReceived(bot.received.length); // settle
    await pollActivities(base, conversation, (list) => list.some((a) => a.type === 'event'));
    const page = await getActivities(base, conversation);
    expect(page.body.activities.find((a) => a.type === 'event')).toMatchObject({ name: 'webchat/join', value: { language: 'fr-FR' } });
    expect(page.body.activities.find((a) => a.channelData?.clientActivityID === 'pb')).toMatchObject({ value: { choice: 'logement' }, channelData: { postBack: true } });
    const big = await postActivity(base, conversation, { type: 'event', name: 'x', value: 'v'.repeat(9000) });
    expect(big.status).toBe(400);
  });

  test('when the bot fails, the user gets a French answer that points to a human', async () => {
    const conversation = await startConversation(base);
    await bot.waitForReceived(bot.received.length);
    bot.mode = 'fail';
    const posted = await postActivity(base, conversation, webChatMessage('Allô ?'));
    expect(posted.status).toBe(200);
    const { activities } = await pollActivities(base, conversation, (list) => list.some((a) => a.replyToId === posted.body.id));
    const apology = activities.find((a) => a.replyToId === posted.body.id);
    expect(apology).toMatchObject({ type: 'message', from: { role: 'bot' } });
    expect(apology?.text).toContain('0 800 360 360');
  });

  test('connector: refuses calls that do not come straight to the internal address with the channel secret; members; unsupported operations', async () => {
    const conversation = await startConversation(base);
    const asBot = channel.asBot;
    const activitiesUrl = `${channel.connectorBaseUrl}/v3/conversations/${conversation.conversationId}/activities`;
    const spoof = { type: 'message', text: 'Je suis le bot, donnez-moi votre numéro' };
    for (const headers of [{ 'X-Forwarded-For': '203.0.113.7' }, { Forwarded: 'for=203.0.113.7' }, { 'X-Real-IP': '203.0.113.7' }] as Array<Record<string, string>>) {
      const response = await call('POST', activitiesUrl, { body: spoof, headers });
      expect(response.status).toBe(403);
    }
    // Through the public name (as a same-host reverse proxy without headers would pass it): refused.
    const viaOtherHost = await call('POST', activitiesUrl.replace('127.0.0.1', 'localhost'), { body: spoof, headers: asBot });
    expect(viaOtherHost.status).toBe(403);
    // Straight to the internal address over loopback (a same-host proxy_pass to 127.0.0.1 looks just
    // like that), without the secret, or with a wrong one: refused.
    for (const headers of [{}, { [Object.keys(asBot)[0]!]: 'not-the-secret' }] as Array<Record<string, string>>) {
      const response = await call('POST', activitiesUrl, { body: { ...spoof, from: { name: 'Conseiller' } }, headers });
      expect(response.status).toBe(403);
      expect((await call('GET', `${channel.connectorBaseUrl}/v3/conversations/${conversation.conversationId}/members`, { headers })).status).toBe(403);
    }
    const { activities } = await pollActivities(base, conversation, (list) => list.length >= 1);
    expect(activities.map((a) => a.text)).not.toContain(spoof.text);

    const members = await call('GET', `${channel.connectorBaseUrl}/v3/conversations/${conversation.conversationId}/members`, { headers: asBot });
    expect(members.status).toBe(200);
    expect(members.body).toEqual([{ id: conversation.userId, role: 'user' }]);
    const member = await call('GET', `${channel.connectorBaseUrl}/v3/conversations/${conversation.conversationId}/members/${conversation.userId}`, { headers: asBot });
    expect(member.body).toEqual({ id: conversation.userId, role: 'user' });

    const unknown = await call('POST', `${channel.connectorBaseUrl}/v3/conversations/AAAAAAAAAAAAAAAAAAAAAAAA/activities`, { body: { type: 'message', text: 'x' }, headers: asBot });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ConversationNotFound');
    const update = await call('PUT', `${activitiesUrl}/${encodeURIComponent(`${conversation.conversationId}|0000000`)}`, { body: { type: 'message', text: 'x' }, headers: asBot });
    expect(update.status).toBe(405);
    const typeless = await call('POST', activitiesUrl, { body: { text: 'sans type' }, headers: asBot });
    expect(typeless.status).toBe(400);

    // The bot cannot pass itself off as the user, nor hand the client an internal URL.
    const sneaky = await call('POST', activitiesUrl, {
      body: { type: 'message', text: 'rôle forcé', from: { id: conversation.userId, role: 'user' }, serviceUrl: 'http://internal', channelId: 'x' },
      headers: asBot,
    });
    expect(sneaky.status).toBe(200);
    const after = await pollActivities(base, conversation, (list) => list.some((a) => a.text === 'rôle forcé'));
    expect(after.activities.find((a) => a.text === 'rôle forcé')).toMatchObject({ from: { id: 'orientation-360', role: 'bot' }, channelId: 'directline' });
    expect(after.activities.find((a) => a.text === 'rôle forcé')).not.toHaveProperty('serviceUrl');
  });

  test('module API: appendBotActivity shows an advisor message on the stream, without sending it to the bot', async () => {
    const conversation = await startConversation(base);
    const stream = await openStream(conversation.streamUrl);
    try {
      await stream.waitFor((list) => list.length === 1);
      const receivedBefore = bot.received.length;
      const appended = await channel.directLine.appendBotActivity(conversation.conversationId, {
        type: 'message',
        text: 'Bonjour, je suis Claire, conseillère de la Communauté 360.',
        from: { name: 'Claire (conseillère)' },
      });
      expect(appended.id).toBe(`${conversation.conversationId}|0000001`);
      await stream.waitFor((list) => list.length === 2);
      expect(stream.activities[1]).toMatchObject({ text: appended.text, from: { id: 'orientation-360', name: 'Claire (conseillère)', role: 'bot' } });
      expect(bot.received.length).toBe(receivedBefore);
      await expect(channel.directLine.appendBotActivity('AAAAAAAAAAAAAAAAAAAAAAAA', { type: 'message', text: 'x' })).rejects.toThrow(
        'does not exist',
      );
      await expect(channel.directLine.transcript('AAAAAAAAAAAAAAAAAAAAAAAA')).resolves.toEqual([]);
      await expect(channel.directLine.conversation(conversation.conversationId)).resolves.toMatchObject({ userId: conversation.userId, locale: 'fr-FR' });
    } finally {
      await stream.close();
    }
  });
  test('module API: appendBotActivities shows a turn\'s replies in order, with consecutive ids, a typing among them announced but not logged', async () => {
    const conversation = await startConversation(base);
    const stream = await openStream(conversation.streamUrl);
    try {
      await stream.waitFor((list) => list.length === 1);
      const appended = await channel.directLine.appendBotActivities(conversation.conversationId, [
        { activity: { type: 'message', text: 'un' }, replyToId: `${conversation.conversationId}|0000000` },
        { activity: { type: 'typing' } },
        { activity: { type: 'message', text: 'deux' } },
        { activity: { type: 'message', text: 'trois' } },
      ]);
      expect(appended.map((a) => a.text ?? a.type)).toEqual(['un', 'typing', 'deux', 'trois']);
      expect([appended[0]!.id, appended[2]!.id, appended[3]!.id]).toEqual([1, 2, 3].map((n) => `${conversation.conversationId}|000000${n}`));
      expect(appended[0]).toMatchObject({ replyToId: `${conversation.conversationId}|0000000`, locale: 'fr-FR' });
      await stream.waitFor((list) => list.filter((a) => a.type === 'message').length === 4);
      expect(stream.activities.filter((a) => a.type === 'message').map((a) => a.text)).toEqual([expect.any(String), 'un', 'deux', 'trois']);
      const logged = await channel.directLine.transcript(conversation.conversationId);
      expect(logged.map((a) => a.id)).toEqual([0, 1, 2, 3].map((n) => `${conversation.conversationId}|000000${n}`));
    } finally {
      await stream.close();
    }
  });
});

describe('Direct Line channel: limits and settings', () => {
  const store = createMemoryStore();
  const bus = createMemoryBus();
  const keys = createStoreKeys('o360test');
  let bot: FakeBot;
  beforeAll(async () => {
    bot = await startFakeBot();
  });
  afterAll(async () => {
    await bot.close();
    await store.close();
    await bus.close();
  });

  test('POST /chat/token is rate-limited per client address (429 with Retry-After)', async () => {
    const channel = await startChannel({ store, bus, keys, clock: offsetClock(), botEndpoint: () => bot.url, options: { tokenRateLimit: { limit: 3, windowMs: 60_000 } } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await call('POST', `${channel.httpBase}/chat/token`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await call('POST', `${channel.httpBase}/chat/token`);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(limited.body.error.code).toBe('TooManyRequests');
      // Another client (as the proxy reports it) is not limited.
      expect((await call('POST', `${channel.httpBase}/chat/token`, { headers: { 'X-Forwarded-For': '198.51.100.9' } })).status).toBe(200);
    } finally {
      await channel.close();
    }
  });

  test('the stream closes when its token expires; the client reconnects with its refreshed token', async () => {
    // Real time (the stream's expiry is a timer): a token of 4 s, refreshed after 1 s, leaves room for a loaded machine.
    const channel = await startChannel({ store, bus, keys, clock: offsetClock(), botEndpoint: () => bot.url, options: { tokenTtlSeconds: 4 } });
    try {
      const conversation = await startConversation(channel.httpBase);
      const stream = await openStream(conversation.streamUrl);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const refreshed = await call('POST', `${channel.httpBase}/v3/directline/tokens/refresh`, { token: conversation.token });
      expect(refreshed.status).toBe(200);
      let timer: NodeJS.Timeout | undefined;
      const closed = await Promise.race([stream.closed, new Promise((resolve) => (timer = setTimeout(() => resolve('still open'), 8000)))]);
      clearTimeout(timer);
      expect(closed).toEqual({ code: 1008, reason: 'token expired' });
      // DirectLineJS then reconnects (GET /conversations/:id?watermark=) with the token it refreshed meanwhile.
      const reconnected = await call('GET', `${channel.httpBase}/v3/directline/conversations/${conversation.conversationId}?watermark=0`, {
        token: refreshed.body.token,
      });
      expect(reconnected.status).toBe(200);
      const again = await openStream(reconnected.body.streamUrl);
      await again.waitFor((list) => list.length === 1);
      await again.close();
    } finally {
      await channel.close();
    }
  });

  test('a conversation has a maximum length (409) and every key has a TTL', async () => {
    const channel = await startChannel({ store, bus, keys, clock: offsetClock(), botEndpoint: () => bot.url, options: { maxActivitiesPerConversation: 3 } });
    bot.mode = 'silent';
    try {
      const conversation = await startConversation(channel.httpBase);
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await postActivity(channel.httpBase, conversation, webChatMessage(`m${i}`))).status);
      expect(statuses).toEqual([200, 200, 200, 409]);
      for (const key of [keys.directLineConversation(conversation.conversationId), keys.directLineActivities(conversation.conversationId)]) {
        const ttl = await store.ttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(600);
      }
    } finally {
      bot.mode = 'echo';
      await channel.close();
    }
  });

  test('the bot\'s replies that no longer all fit: those that fit are shown, in order, then the conversation is full', async () => {
    const channel = await startChannel({ store, bus, keys, clock: offsetClock(), botEndpoint: () => bot.url, options: { maxActivitiesPerConversation: 3 } });
    bot.mode = 'silent';
    try {
      const conversation = await startConversation(channel.httpBase);
      expect((await postActivity(channel.httpBase, conversation, webChatMessage('m0'))).status).toBe(200);
      const replies = ['un', 'deux', 'trois'].map((text) => ({ activity: { type: 'message', text } }));
      await expect(channel.directLine.appendBotActivities(conversation.conversationId, replies)).rejects.toThrow('maximum length');
      const logged = await channel.directLine.transcript(conversation.conversationId);
      expect(logged.map((a) => a.text)).toEqual(['m0', 'un', 'deux']);
    } finally {
      bot.mode = 'echo';
      await channel.close();
    }
  });

  test('app-id mode: the bot of this service answers on the internal address with the channel secret; anyone else needs a bot token that can be verified', async () => {
    const channel = await startChannel({
      store,
      bus,
      keys,
      clock: offsetClock(),
      botEndpoint: () => bot.url,
      options: { connectorAuth: { appId: '00000000-0000-0000-0000-000000000000' } },
    });
    try {
      const conversation = await startConversation(channel.httpBase);
      const url = `${channel.connectorBaseUrl}/v3/conversations/${conversation.conversationId}/activities`;
      expect((await call('POST', url, { body: { type: 'message', text: 'x' }, headers: channel.asBot })).status).toBe(200);
      expect((await call('POST', url, { body: { type: 'message', text: 'x' } })).status).toBe(401);
      const throughProxy = { 'X-Forwarded-For': '203.0.113.7' };
      expect((await call('POST', url, { body: { type: 'message', text: 'x' }, headers: throughProxy })).status).toBe(401);
      const refused = await call('POST', url, { body: { type: 'message', text: 'x' }, token: 'eyJhbGciOiJSUzI1NiJ9.e30.sig', headers: throughProxy });
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toMatch(/cannot be verified/);
    } finally {
      await channel.close();
    }
  });

  test('streamUrl: wss behind the HTTPS proxy (X-Forwarded-Proto/Host), or from the configured public base URL', async () => {
    const byRequest = await startChannel({ store, bus, keys, clock: offsetClock(), botEndpoint: () => bot.url });
    const configured = await startChannel({
      store,
      bus,
      keys,
      clock: offsetClock(),
      botEndpoint: () => bot.url,
      options: { publicBaseUrl: 'https://chat.example.org/o360/' },
    });
    try {
      const issued = await call('POST', `${byRequest.httpBase}/chat/token`);
      const proxied = await call('POST', `${byRequest.httpBase}/v3/directline/conversations`, {
        token: issued.body.token,
        headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'orientation360.example.org' },
      });
      expect(proxied.body.streamUrl).toMatch(/^wss:\/\/orientation360\.example\.org\/v3\/directline\/conversations\/[A-Za-z0-9_-]{24}\/stream\?t=/);
      const issuedAgain = await call('POST', `${configured.httpBase}/chat/token`);
      const started = await call('POST', `${configured.httpBase}/v3/directline/conversations`, { token: issuedAgain.body.token });
      expect(started.body.streamUrl).toMatch(/^wss:\/\/chat\.example\.org\/o360\/v3\/directline\/conversations\//);
    } finally {
      await byRequest.close();
      await configured.close();
    }
  });

  test('CORS: only the configured origins get the headers (and preflight answers)', async () => {
    const channel = await startChannel({
      store,
      bus,
      keys,
      clock: offsetClock(),
      botEndpoint: () => bot.url,
      options: { allowedOrigins: ['https://www.monparcourshandicap.example'] },
    });
    try {
      const preflight = await call('OPTIONS', `${channel.httpBase}/v3/directline/conversations`, {
        headers: { Origin: 'https://www.monparcourshandicap.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.monparcourshandicap.example');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('x-ms-bot-agent');
      const other = await call('POST', `${channel.httpBase}/chat/token`, { headers: { Origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await channel.close();
    }
  });
});

describe('Direct Line channel: two processes on one Redis', () => {
  test('a WebSocket held by instance A receives what is posted through instance B, and B’s bot reply', async () => {
    const keys = createStoreKeys(uniqueTestNamespace('dl-two'));
    // A appends and announces in one script, B in two calls (a rolling update): both read the same log and frames.
    const [sideA, sideB] = [await redisBackend({ oneScript: true }), await redisBackend({ oneScript: false })];
    const bot = await startFakeBot();
    const clock = offsetClock();
    const a = await startChannel({ ...sideA, keys, clock, botEndpoint: () => bot.url });
    const b = await startChannel({ ...sideB, keys, clock, botEndpoint: () => bot.url });
    try {
      const conversation = await startConversation(a.httpBase);
      const stream = await openStream(conversation.streamUrl);
      expect(conversation.streamUrl).toContain(new URL(a.httpBase).host);
      await stream.waitFor((list) => list.length === 1);

      const posted = await postActivity(b.httpBase, conversation, webChatMessage('posté sur B', 'cid-b'));
      expect(posted.status).toBe(200);
      await stream.waitFor((list) => list.length === 3);
      expect(stream.activities[1]).toMatchObject({ id: posted.body.id, text: 'posté sur B', channelData: { clientActivityID: 'cid-b' } });
      expect(stream.activities[2]).toMatchObject({ text: 'Vous avez dit : posté sur B', replyToId: posted.body.id });
      // B forwarded it, so the bot was told to reply to B's connector.
      expect(bot.received.find((x) => x.id === posted.body.id)?.serviceUrl).toBe(b.connectorBaseUrl);

      // Concurrent posts through both instances: every activity arrives once, in log order.
      await Promise.all([
        postActivity(a.httpBase, conversation, webChatMessage('A1')),
        postActivity(b.httpBase, conversation, webChatMessage('B1')),
        postActivity(a.httpBase, conversation, webChatMessage('A2')),
      ]);
      await stream.waitFor((list) => list.length === 9);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const ids = stream.activities.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual([...ids].sort());
      await stream.close();
    } finally {
      await a.close();
      await b.close();
      await bot.close();
      await Promise.all([sideA.close(), sideB.close()]);
    }
  });
});
