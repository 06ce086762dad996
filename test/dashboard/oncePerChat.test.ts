/**
 * A chat can be handed over more than once: an advisor takes it, hands it back to the bot, and the
 * person asks for a human again. Like a call, the conversation is still one contact with one need and
 * one hand-off. Chats played as Web Chat plays them over our own Direct Line; the expected figures are
 * computed from what the test played and from the tickets the advisor API lists.
 */
import type { Principal } from '../../src/advisors/principal';
import { HUMAN_VALUE } from '../../src/chat/chatRenderer';
import { DashboardSchema } from '../../src/dashboard/schemas';
import { advisorToken, TEST_METRICS_TOKEN } from '../support/testApp';
import { chatHandedTo44, texts } from '../support/webChatUser';
import { parseExposition, valueOf } from '../metrics/exposition';
import { startPeopleApp, STAFF, type PeopleHarness } from '../people/support';

jest.setTimeout(120_000);

const ADMIN: Principal = { subject: 'eve-national', role: 'national_admin', territories: 'all' };

/** What the test played: each conversation and how many times it was handed over. */
const played: Array<{ conversationId: string; handedOver: number }> = [];

let h: PeopleHarness;
const get = async (path: string) => {
  const response = await fetch(`${h.app.httpBase}${path}`, { headers: { authorization: `Bearer ${await advisorToken(ADMIN)}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back
};
const post = async (path: string) => {
  const response = await fetch(`${h.app.httpBase}${path}`, { method: 'POST', headers: { authorization: `Bearer ${await advisorToken(STAFF.alice44)}`, 'content-type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(200);
};

beforeAll(async () => {
  h = await startPeopleApp('dashboard-once-per-chat');

  // Handed to 44, taken by an advisor, handed back to the bot; the person asks for a human again.
  const twice = await chatHandedTo44(h.app);
  expect(twice.replies).toMatch(/\d/);
  await post(`/api/chats/${twice.user.conversationId}/take`);
  await post(`/api/chats/${twice.user.conversationId}/release`);
  expect(await h.app.app.chat.mode(twice.user.conversationId)).toBe('bot');
  expect(texts(await twice.user.press('Parler à un conseiller', HUMAN_VALUE))).toContain('Loire-Atlantique');
  expect(await h.app.app.chat.mode(twice.user.conversationId)).toBe('waiting');
  played.push({ conversationId: twice.user.conversationId, handedOver: 2 });

  // Handed to 44 once, for comparison.
  const once = await chatHandedTo44(h.app);
  played.push({ conversationId: once.user.conversationId, handedOver: 1 });
});
afterAll(async () => {
  await h?.close();
});

describe('a chat handed over more than once', () => {
  it('When a chat is handed back to the bot and handed over again, then it counts one contact, one need and one hand-off: the figures equal those computed from the tickets', async () => {
    const tickets = (await get('/api/advisor/tickets?territory=44&limit=500')).tickets.map((v: { ticket: unknown }) => v.ticket) as Array<{ conversationId: string; kind: string; need?: string }>;
    // One ticket per conversation, updated in place.
    expect(tickets.map((t) => t.conversationId).sort()).toEqual(played.map((p) => p.conversationId).sort());
    const needs: Record<string, number> = {};
    for (const t of tickets) needs[t.need ?? 'none'] = (needs[t.need ?? 'none'] ?? 0) + 1;

    const figures = DashboardSchema.parse(await get('/api/dashboard?territory=44')).todayTotals;
    expect(Object.fromEntries(Object.entries(figures.needs).filter(([, n]) => n > 0))).toEqual(needs);
    expect(figures.contacts.chat).toBe(played.length);
    expect(figures.handoffs.chat).toBe(tickets.filter((t) => t.kind !== 'callback').length);
    expect(figures.handoffs.chat).toBe(played.filter((p) => p.handedOver > 0).length);
    // Taken once: answered once; the second hand-off of the same conversation is not a new one to answer.
    expect(figures.chats.answered).toBe(1);
    const all = DashboardSchema.parse(await get('/api/dashboard?territory=all')).todayTotals;
    expect(all.handoffs.chat).toBe(figures.handoffs.chat);
  });

  it('When /metrics is read, then the chats handed over and their needs count once per conversation too', async () => {
    const response = await fetch(`${h.app.httpBase}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    const samples = parseExposition(await response.text());
    expect(valueOf(samples, 'o360_chat_handoffs_total', { territory: '44' })).toBe(played.length);
    expect(valueOf(samples, 'o360_handovers_by_need_total', { channel: 'chat' })).toBe(played.length);
    expect(valueOf(samples, 'o360_chat_contacts_total', { territory: '44' })).toBe(played.length);
  });
});
