/**
 * A chat whose page is killed (no « conversation.left ») is still counted: a hand-off nobody took is
 * abandoned once nothing came from the person for the conversation's TTL (one hour in tests), or once
 * the conversation has expired. Found when the figures are read; counted once, on the day the person
 * was last seen. A real app on a real Redis, the chats over our own Direct Line, a test clock.
 */
import type { Principal } from '../../src/advisors/principal';
import { DashboardSchema } from '../../src/dashboard/schemas';
import { TIMES } from '../support/config';
import { advisorToken, TEST_METRICS_TOKEN } from '../support/testApp';
import { chatHandedTo44, type WebChatUser } from '../support/webChatUser';
import { parseExposition, valueOf } from '../metrics/exposition';
import { startPeopleApp, type PeopleHarness } from '../people/support';

jest.setTimeout(120_000);

const ADMIN: Principal = { subject: 'eve-national', role: 'national_admin', territories: 'all' };
/** The test app's conversation TTL (test/support/testApp.ts). */
const CHAT_TTL_MS = 3600 * 1000;
const START = Date.parse(TIMES.mondayMorningParis);

let h: PeopleHarness;
const at = (minutes: number) => h.clock.set(new Date(START + minutes * 60_000).toISOString());
const figures44 = async () => {
  const response = await fetch(`${h.app.httpBase}/api/dashboard?territory=44`, { headers: { authorization: `Bearer ${await advisorToken(ADMIN)}` } });
  expect(response.status).toBe(200);
  const f = DashboardSchema.parse(await response.json());
  return { waiting: f.now.chatsWaiting, chats: f.todayTotals.chats };
};

let gone: WebChatUser;
let staying: WebChatUser;
let expired: WebChatUser;

beforeAll(async () => {
  h = await startPeopleApp('dashboard-chat-gone');
  at(0);
  // Three people handed over to 44 at 10:00 (Paris); no advisor takes them, no page says it was closed.
  gone = (await chatHandedTo44(h.app)).user;
  staying = (await chatHandedTo44(h.app)).user;
  expired = (await chatHandedTo44(h.app)).user;
});
afterAll(async () => {
  await h?.close();
});

describe('a chat whose person is gone without a word', () => {
  it('When nobody took three hand-offs for twenty minutes, then they all still wait and none is abandoned', async () => {
    at(20);
    expect(await figures44()).toEqual({ waiting: 3, chats: { answered: 0, abandoned: 0, abandonedRate: null } });
  });

  it('When one person wrote at 10:25 and the conversation of another expired, then at 11:01 the silent one and the expired one are abandoned, the one who wrote still waits', async () => {
    at(25);
    await staying.write('Je suis toujours là');
    // The store drops the conversation at the end of its TTL: as if it had.
    await h.raw.del(h.keys.chat(expired.conversationId));
    at(CHAT_TTL_MS / 60_000 + 1);
    expect(await figures44()).toEqual({ waiting: 1, chats: { answered: 0, abandoned: 2, abandonedRate: 1 } });
  });

  it('When the figures are read again, or the page of the silent one finally says it was closed, then nothing is counted twice', async () => {
    expect((await figures44()).chats.abandoned).toBe(2);
    expect(await h.app.app.chat.mode(gone.conversationId)).toBe('waiting');
    await h.app.app.chat.left(gone.conversationId);
    expect(await figures44()).toEqual({ waiting: 1, chats: { answered: 0, abandoned: 2, abandonedRate: 1 } });
    const metrics = await (await fetch(`${h.app.httpBase}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).text();
    expect(valueOf(parseExposition(metrics), 'o360_chat_handoffs_ended_total', { territory: '44', outcome: 'abandoned' })).toBe(2);
  });

  it('When the one who wrote at 10:25 stays silent for the TTL after it, then they are abandoned too', async () => {
    at(25 + CHAT_TTL_MS / 60_000 - 1);
    expect((await figures44()).waiting).toBe(1);
    at(25 + CHAT_TTL_MS / 60_000 + 1);
    expect(await figures44()).toEqual({ waiting: 0, chats: { answered: 0, abandoned: 3, abandonedRate: 1 } });
  });
});
