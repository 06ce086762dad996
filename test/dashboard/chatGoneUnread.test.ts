/**
 * A hand-off nobody took whose person is gone is counted as abandoned even when nobody reads the
 * dashboard: the app sweeps the chat queues on a timer of its own (src/chat/goneSweeper.ts), stopped
 * when the app closes. A real app on a real Redis, the chats over our own Direct Line, a test clock;
 * the figures are read from the store and /metrics, which do not sweep (the dashboard would).
 */
import { localMoment } from '../../src/routing/local-time';
import { TIMES } from '../support/config';
import { TEST_METRICS_TOKEN } from '../support/testApp';
import { chatHandedTo44, type WebChatUser } from '../support/webChatUser';
import { parseExposition, valueOf } from '../metrics/exposition';
import { startPeopleApp, type PeopleHarness } from '../people/support';

jest.setTimeout(120_000);

/** The test app's conversation TTL (test/support/testApp.ts). */
const CHAT_TTL_MS = 3600 * 1000;
const START = Date.parse(TIMES.mondayMorningParis);
const DAY = localMoment(new Date(START), 'Europe/Paris').date;
const SWEEP_MS = 100;

let h: PeopleHarness;
let gone: WebChatUser;
const at = (minutes: number) => h.clock.set(new Date(START + minutes * 60_000).toISOString());

/** What the store and /metrics hold, none of which sweeps. */
async function abandoned() {
  const day = await h.raw.hGetAll(h.keys.dailyFigures('44', DAY));
  const metrics = await (await fetch(`${h.app.httpBase}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).text();
  return { daily: Number(day['chats.abandoned'] ?? 0), metrics: valueOf(parseExposition(metrics), 'o360_chat_handoffs_ended_total', { territory: '44', outcome: 'abandoned' }) };
}

/**
 * Polls until both figures change from `before` (a few sweeps), or gives the last reading. Both: the
 * metric and the day's figure are two writes, so a poll can fall between them on a busy machine.
 */
async function afterSweeps(before: { daily: number; metrics: number }) {
  let seen = before;
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, SWEEP_MS));
    seen = await abandoned();
    if (seen.daily !== before.daily && seen.metrics !== before.metrics) return seen;
  }
  return seen;
}

beforeAll(async () => {
  h = await startPeopleApp('dashboard-chat-gone-unread', { goneChatsSweepMs: SWEEP_MS });
  at(0);
  gone = (await chatHandedTo44(h.app)).user;
});
afterAll(async () => {
  await h?.close();
});

describe('a chat whose person is gone while nobody reads the dashboard', () => {
  it('When the hand-off has waited less than the TTL, then the sweeps running meanwhile leave it waiting', async () => {
    at(CHAT_TTL_MS / 60_000 - 1);
    // Several sweeps run (twenty times the interval); the chat is still in its waiting list.
    await new Promise((resolve) => setTimeout(resolve, 20 * SWEEP_MS));
    expect(await abandoned()).toEqual({ daily: 0, metrics: 0 });
    expect(await h.raw.zCard(h.keys.queue('chat-44'))).toBe(1);
  });

  it('When nothing came from the person for the TTL, then the timer counts the hand-off abandoned once, with no one reading the dashboard', async () => {
    at(CHAT_TTL_MS / 60_000 + 1);
    expect(await afterSweeps({ daily: 0, metrics: 0 })).toEqual({ daily: 1, metrics: 1 });
    expect(await h.raw.zCard(h.keys.queue('chat-44'))).toBe(0);
    // Later sweeps, and the page finally saying it was closed, count nothing more.
    await new Promise((resolve) => setTimeout(resolve, 10 * SWEEP_MS));
    await h.app.app.chat.left(gone.conversationId);
    expect(await abandoned()).toEqual({ daily: 1, metrics: 1 });
  });
});
