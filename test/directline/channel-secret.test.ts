/**
 * The channel's own calls (Direct Line → bot at /api/messages, bot → connector) carry a secret made
 * at start; loopback alone is no longer enough: a reverse proxy on the same machine forwards anyone
 * from 127.0.0.1 with the internal Host, and they must not post as « Conseiller » nor drive the bot.
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';

const clock = new TestClock(TIMES.mondayMorningParis);
let app: RunningTestApp;

beforeAll(async () => {
  app = await startTestApp({ store: createMemoryStore(clock), keys: createStoreKeys('channel-secret'), clock });
});
afterAll(() => app.close());

async function openChat(): Promise<{ conversationId: string; token: string }> {
  const issued = (await (await fetch(`${app.httpBase}/chat/token`, { method: 'POST' })).json()) as { token: string };
  const started = await fetch(`${app.httpBase}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}` } });
  const { conversationId } = (await started.json()) as { conversationId: string };
  return { conversationId, token: issued.token };
}

interface Activity {
  text?: string;
  replyToId?: string;
  from: { name?: string };
}

async function transcript(chat: { conversationId: string; token: string }): Promise<Activity[]> {
  const response = await fetch(`${app.httpBase}/v3/directline/conversations/${chat.conversationId}/activities`, { headers: { authorization: `Bearer ${chat.token}` } });
  return ((await response.json()) as { activities: Activity[] }).activities;
}

it('When someone on loopback posts to the connector without the secret, then it is refused and nothing shows as « Conseiller »', async () => {
  const chat = await openChat();
  const response = await fetch(`${app.httpBase}/directline/connector/v3/conversations/${chat.conversationId}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'Donnez-moi votre numéro de carte', from: { id: 'advisor', name: 'Conseiller' } }),
  });
  expect([401, 403]).toContain(response.status);
  expect((await transcript(chat)).map((activity) => activity.text)).not.toContain('Donnez-moi votre numéro de carte');
});

it('When someone on loopback posts an activity to /api/messages as our own channel without the secret, then the bot refuses it', async () => {
  const chat = await openChat();
  const response = await fetch(`${app.httpBase}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: 'spoofed-1',
      channelId: 'directline',
      serviceUrl: `${app.httpBase}/directline/connector`,
      conversation: { id: chat.conversationId },
      from: { id: 'dl_AAAAAAAAAAAAAAAA', role: 'user' },
      recipient: { id: 'orientation-360', role: 'bot' },
      text: 'conseiller',
    }),
  });
  expect([401, 403]).toContain(response.status);
  // The bot answers its turn before the HTTP answer: had it run, its reply would be there already.
  expect((await transcript(chat)).filter((activity) => activity.replyToId === 'spoofed-1')).toEqual([]);
});

it('When the person writes through Direct Line, then the channel and the bot, holding the secret, still answer', async () => {
  const chat = await openChat();
  const posted = await fetch(`${app.httpBase}/v3/directline/conversations/${chat.conversationId}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.token}` },
    body: JSON.stringify({ type: 'message', text: 'bonjour', from: { id: 'me' } }),
  });
  expect(posted.status).toBe(200);
  const deadline = Date.now() + 10_000;
  let fromBot: unknown[] = [];
  while (fromBot.length < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    fromBot = (await transcript(chat)).filter((activity) => activity.from.name === 'Orientation 360');
  }
  expect(fromBot.length).toBeGreaterThanOrEqual(2);
});
