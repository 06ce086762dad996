/**
 * The lean lane of POST …/activities answers as the express route does: the same requests, sent to a
 * channel behind its lane and to the same channel on express alone (one store, one token key), get
 * the same status, body and headers; what the lane does not take still reaches express.
 */
import { createMemoryBus, createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { offsetClock, startChannel, startConversation, startFakeBot, webChatMessage, type FakeBot, type RunningChannel } from './harness';

let bot: FakeBot;
let withLane: RunningChannel;
let expressOnly: RunningChannel;

beforeAll(async () => {
  const store = createMemoryStore();
  const bus = createMemoryBus();
  const keys = createStoreKeys('lane');
  const clock = offsetClock();
  bot = await startFakeBot();
  bot.mode = 'silent';
  const options = { allowedOrigins: ['https://partenaire.example'], maxActivitiesPerConversation: 4 };
  withLane = await startChannel({ store, bus, keys, clock, botEndpoint: () => bot.url, options });
  expressOnly = await startChannel({ store, bus, keys, clock, botEndpoint: () => bot.url, options, lane: false });
});

afterAll(async () => {
  await Promise.all([withLane.close(), expressOnly.close()]);
  await bot.close();
});

interface Sent {
  path?: string;
  headers?: Record<string, string>;
  body: string;
}

const COMPARED_HEADERS = ['content-type', 'cache-control', 'x-content-type-options', 'retry-after', 'access-control-allow-origin', 'vary'];

async function answerOf(channel: RunningChannel, conversationId: string, sent: Sent) {
  const response = await fetch(`${channel.httpBase}${sent.path ?? `/v3/directline/conversations/${conversationId}/activities`}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sent.headers },
    body: sent.body,
  });
  const text = await response.text();
  const headers = Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)]));
  // Ids differ (each message has its own place in the log): their shape is compared.
  return { status: response.status, headers, body: text.replace(/\|\d{7}"/g, '|<position>"') };
}

test('When the same requests go through the lane and through express, then the answers are the same', async () => {
  const { conversationId, token } = await startConversation(withLane.httpBase);
  const other = await startConversation(withLane.httpBase);
  const auth = { authorization: `Bearer ${token}` };
  const cases: Array<[string, Sent]> = [
    ['a message', { headers: auth, body: JSON.stringify(webChatMessage('Bonjour')) }],
    ['a message, charset given, from an allowed origin', { headers: { ...auth, 'content-type': 'application/json; charset=utf-8', origin: 'https://partenaire.example' }, body: JSON.stringify(webChatMessage('Bonjour')) }],
    ['no token', { body: JSON.stringify(webChatMessage('Bonjour')) }],
    ['a bad token', { headers: { authorization: 'Bearer a.b.c' }, body: JSON.stringify(webChatMessage('Bonjour')) }],
    ["another conversation's token", { headers: { authorization: `Bearer ${other.token}` }, body: JSON.stringify(webChatMessage('Bonjour')) }],
    ['broken JSON', { headers: auth, body: '{"type":' }],
    ['JSON that is not an object', { headers: auth, body: '"message"' }],
    ['an array', { headers: auth, body: '[]' }],
    ['an empty message', { headers: auth, body: JSON.stringify({ type: 'message', text: '  ' }) }],
    ['an attachment', { headers: auth, body: JSON.stringify({ type: 'message', text: 'x', attachments: [{}] }) }],
    ['text/plain (express only)', { headers: { ...auth, 'content-type': 'text/plain' }, body: '{"type":"message","text":"x"}' }],
    ['the full conversation', { headers: auth, body: JSON.stringify(webChatMessage('Encore')) }],
  ];
  for (const [what, sent] of cases) {
    const [lane, express] = [await answerOf(withLane, conversationId, sent), await answerOf(expressOnly, conversationId, sent)];
    expect({ what, ...lane }).toEqual({ what, ...express });
  }
  // The conversation holds 4 activities at most: the last case was refused by both.
  expect((await answerOf(withLane, conversationId, cases[0]![1])).status).toBe(409);
});
