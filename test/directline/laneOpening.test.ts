/**
 * The lean lane answers a chat's opening (POST /chat/token, POST /v3/directline/conversations) as the
 * express routes do: the same requests, sent to a channel behind its lane and to the same channel on
 * express alone, get the same status, body and headers, with the client's address (the token's rate
 * limit), protocol and host (the stream URL) read under the same `trust proxy` setting.
 */
import type { RunningChannel } from './harness';
import { comparedHeaders, startLaneAndExpress, type LaneAndExpress } from './laneAndExpress';

let channels: LaneAndExpress;
let withLane: RunningChannel;
let expressOnly: RunningChannel;

beforeAll(async () => {
  // Two tokens a minute per address; the loopback proxy trusted (the test's requests come from it).
  const options = { allowedOrigins: ['https://partenaire.example'], tokenRateLimit: { limit: 2, windowMs: 60_000 } };
  channels = await startLaneAndExpress('lane-opening', options, 'loopback');
  ({ withLane, expressOnly } = channels);
});

afterAll(() => channels?.close());

interface Sent {
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

async function answerOf(channel: RunningChannel, sent: Sent) {
  const response = await fetch(`${channel.httpBase}${sent.path}`, { method: 'POST', headers: sent.headers ?? {}, ...(sent.body === undefined ? {} : { body: sent.body }) });
  const text = await response.text();
  const headers = comparedHeaders(response);
  // Tokens, conversation ids and the channel's own port differ: their places are compared, the rest as it is.
  let body: unknown = text;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const id = typeof value.conversationId === 'string' ? value.conversationId : undefined;
    body = JSON.parse(JSON.stringify(value, (key, item: unknown) => {
      if (key === 'token') return '<token>';
      if (typeof item !== 'string') return item;
      const withId = (id === undefined ? item : item.split(id).join('<id>')).split(new URL(channel.httpBase).host).join('<own host>');
      return withId.replace(/([?&]t=)[^&]+/, '$1<token>');
    }));
  } catch {
    body = text;
  }
  return { status: response.status, headers, body };
}

/** A fresh token from `channel`, from an address of its own (the rate limit is not the point). */
let addresses = 0;
async function tokenFrom(channel: RunningChannel): Promise<string> {
  addresses += 1;
  const response = await fetch(`${channel.httpBase}/chat/token`, { method: 'POST', headers: { 'x-forwarded-for': `192.0.2.${addresses}` } });
  return ((await response.json()) as { token: string }).token;
}

test('When the same token requests go through the lane and through express, then the answers and the rate limit by address are the same', async () => {
  const cases: Array<[string, Sent]> = [
    ['a first token for an address', { path: '/chat/token', headers: { 'x-forwarded-for': '203.0.113.7' } }],
    ['a second one, from an allowed origin', { path: '/chat/token', headers: { 'x-forwarded-for': '203.0.113.7', origin: 'https://partenaire.example' } }],
    ['a third one: too many', { path: '/chat/token', headers: { 'x-forwarded-for': '203.0.113.7' } }],
    ['the same client behind another proxy hop (the untrusted hop counts)', { path: '/chat/token', headers: { 'x-forwarded-for': '198.51.100.9, 203.0.113.7' } }],
    ['another address', { path: '/chat/token', headers: { 'x-forwarded-for': '203.0.113.8' } }],
    ['with a body, ignored', { path: '/chat/token', headers: { 'x-forwarded-for': '203.0.113.8', 'content-type': 'application/json' }, body: '{"x":1}' }],
    ['that address again: too many', { path: '/chat/token', headers: { 'x-forwarded-for': '203.0.113.8' } }],
    ['with a query', { path: '/chat/token?v=1', headers: { 'x-forwarded-for': '203.0.113.9' } }],
  ];
  for (const [what, sent] of cases) {
    const [lane, express] = [await answerOf(withLane, sent), await answerOf(expressOnly, sent)];
    expect({ what, ...lane }).toEqual({ what, ...express });
  }
  expect((await answerOf(withLane, cases[2]![1])).status).toBe(429);
  // The lane did answer (express adds an ETag to its JSON, the lane does not).
  const etags = await Promise.all([withLane, expressOnly].map(async (channel) => (await fetch(`${channel.httpBase}/chat/token`, { method: 'POST' })).headers.get('etag')));
  expect([etags[0], typeof etags[1]]).toEqual([null, 'string']);
});

test('When the same conversation starts go through the lane and through express, then the answers (stream URL included) are the same', async () => {
  const path = '/v3/directline/conversations';
  const json = { 'content-type': 'application/json' };
  const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'chat.example:8443, inner.example' };
  const cases: Array<[string, (token: string) => Sent]> = [
    ['no body', (token) => ({ path, headers: { authorization: `Bearer ${token}` } })],
    ['a locale', (token) => ({ path, headers: { ...json, authorization: `Bearer ${token}` }, body: '{"locale":"en-GB"}' })],
    ['a bad locale, an allowed origin', (token) => ({ path, headers: { ...json, authorization: `Bearer ${token}`, origin: 'https://partenaire.example' }, body: '{"locale":"!!"}' })],
    ['through the proxy (protocol and host forwarded)', (token) => ({ path, headers: { ...json, ...proxied, authorization: `Bearer ${token}` }, body: '{}' })],
    ['an empty JSON body', (token) => ({ path, headers: { ...json, authorization: `Bearer ${token}` }, body: '' })],
    ['broken JSON', (token) => ({ path, headers: { ...json, authorization: `Bearer ${token}` }, body: '{"locale":' })],
    ['JSON that is not an object', (token) => ({ path, headers: { ...json, authorization: `Bearer ${token}` }, body: '"fr"' })],
    ['no token', () => ({ path, headers: json, body: '{}' })],
    ['a bad token', () => ({ path, headers: { ...json, authorization: 'Bearer a.b.c' }, body: '{}' })],
    ['text/plain (express only)', (token) => ({ path, headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` }, body: 'bonjour' })],
  ];
  for (const [what, sent] of cases) {
    const [lane, express] = [await answerOf(withLane, sent(await tokenFrom(withLane))), await answerOf(expressOnly, sent(await tokenFrom(expressOnly)))];
    expect({ what, ...lane }).toEqual({ what, ...express });
  }
  // Started twice with one token: 201 then 200, both ways.
  for (const channel of [withLane, expressOnly]) {
    const token = await tokenFrom(channel);
    const statuses = [(await answerOf(channel, cases[0]![1](token))).status, (await answerOf(channel, cases[0]![1](token))).status];
    expect(statuses).toEqual([201, 200]);
  }
  const proxiedStart = await answerOf(withLane, cases[3]![1](await tokenFrom(withLane)));
  expect((proxiedStart.body as { streamUrl: string }).streamUrl).toMatch(/^wss:\/\/chat\.example:8443\/v3\/directline\/conversations\/<id>\/stream\?t=<token>$/);
});
