/**
 * The lean lane of POST …/activities answers as the express route does: the same requests, sent to a
 * channel behind its lane and to the same channel on express alone (one store, one token key), get
 * the same status, body and headers; what the lane does not take still reaches express.
 */
import { startConversation, webChatMessage, type RunningChannel } from './harness';
import { comparedHeaders, startLaneAndExpress, type LaneAndExpress } from './laneAndExpress';

let channels: LaneAndExpress;
let withLane: RunningChannel;
let expressOnly: RunningChannel;

beforeAll(async () => {
  channels = await startLaneAndExpress('lane', { allowedOrigins: ['https://partenaire.example'], maxActivitiesPerConversation: 4 });
  ({ withLane, expressOnly } = channels);
});

afterAll(() => channels?.close());

interface Sent {
  path?: string;
  headers?: Record<string, string>;
  body: string;
}

async function answerOf(channel: RunningChannel, conversationId: string, sent: Sent) {
  const response = await fetch(`${channel.httpBase}${sent.path ?? `/v3/directline/conversations/${conversationId}/activities`}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sent.headers },
    body: sent.body,
  });
  const text = await response.text();
  const headers = comparedHeaders(response);
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
