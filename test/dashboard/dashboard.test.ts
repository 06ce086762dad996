/**
 * The dashboard after real traffic: signed calls played as Twilio plays them (answered, abandoned in
 * the queue and in a menu, callbacks out of hours, one still waiting), chats over our own Direct Line
 * (a question, a hand-off in 44, words of danger), callbacks done by advisors (one within its target,
 * one after it), an advisor available. The expected figures are computed here, from what the test
 * played and from the tickets the advisor API lists, never by the dashboard's own code. Then: no
 * personal data in any stored figure, and who may read which territory.
 */
import type { Principal } from '../../src/advisors/principal';
import { WAIT_BUCKETS } from '../../src/dashboard/fields';
import { DEFAULT_CHAT_TTL_SECONDS } from '../../src/config/envDefaults';
import { DashboardSchema } from '../../src/dashboard/schemas';
import { SimulatedCall } from '../support/callHarness';
import { repoConfig, TIMES, withTerritories } from '../support/config';
import { advisorToken, TEST_METRICS_TOKEN, twilioSide } from '../support/testApp';
import { everythingStored, startPeopleApp, type PeopleHarness } from '../people/support';
import { chatHandedTo44, texts, WebChatUser } from '../support/webChatUser';

jest.setTimeout(120_000);

const DAY = '2026-11-23';
const CALLERS = { chatCallback35: '+33622334455', answered: '+33612345678', callback35: '+33698765432', leftQueue: '+33711223344', hungUp: '+33655443322', callback44: '+33644332211', waiting: '+33633221100' };
const POSTCODES = ['44000', '35000'];
const FREE_TEXT = ['Lilas', 'mourir', 'AAH', 'Nantes'];
const TO_44 = ['2', '1', '3', '44000', '1'];

const PEOPLE = {
  admin: { subject: 'eve-national', role: 'national_admin', territories: 'all' },
  coordinator44: { subject: 'dora-44', role: 'coordinator', territories: ['44', '85'] },
  advisor44: { subject: 'alice-44', name: 'Alice', role: 'advisor', territories: ['44'] },
  advisor35: { subject: 'yann-35', role: 'advisor', territories: ['35'] },
  authority44: { subject: 'cd-44', role: 'authority', territories: ['44'] },
} satisfies Record<string, Principal>;

/** What the test played on the phone: the territory each call ended in, how, and its time in the queue. */
const played: Array<{ territory: string; outcome: string; waited?: number }> = [];
/** What the test played in the chat: hand-offs taken or left, the knowledge base's answers and « not sure », chats opened. */
const chatted = { handoffs: [] as Array<{ territory: string; outcome: 'answered' | 'abandoned' }>, faq: { answered: 0, notSure: 0 }, opened: 0 };

let h: PeopleHarness;
const get = async (path: string, who: keyof typeof PEOPLE) => {
  const response = await fetch(`${h.app.httpBase}${path}`, { headers: { authorization: `Bearer ${await advisorToken(PEOPLE[who])}` } });
  return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back
};
const post = async (path: string, who: keyof typeof PEOPLE, body: unknown, method = 'POST') =>
  fetch(`${h.app.httpBase}${path}`, { method, headers: { authorization: `Bearer ${await advisorToken(PEOPLE[who])}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const dial = (from: string) => new SimulatedCall(twilioSide(h.app), { from }).dial();

/** The person closes the chat page: the page posts the « conversation.left » event (src/web/public/chat.js); the bot handles it in the background. */
async function leaveChat(user: WebChatUser): Promise<void> {
  const posted = await fetch(`${h.app.httpBase}/v3/directline/conversations/${user.conversationId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'event', name: 'conversation.left', from: { id: 'user' } }),
  });
  expect(posted.status).toBe(200);
  for (let tries = 0; tries < 100 && (await h.app.app.chat.mode(user.conversationId)) !== null; tries++) {
    const figures = (await get(`/api/dashboard?territory=44`, 'admin')).body as { todayTotals: { chats: { abandoned: number } } };
    if (figures.todayTotals.chats.abandoned > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the chat was not counted as left');
}
const refOf = async (callSid: string) => (await get(`/api/calls/${callSid}/ticket`, 'admin')).body.ref as string;

/** The smallest bucket bound at or above the nearest-rank quantile of the waits (null: none). */
function atMost(waits: number[], quantile: number): number | null {
  if (waits.length === 0) return null;
  const sorted = [...waits].sort((a, b) => a - b);
  const value = sorted[Math.ceil(quantile * sorted.length) - 1]!;
  return WAIT_BUCKETS.find((b) => b >= value) ?? null;
}

beforeAll(async () => {
  // 44 gives its advisors 72 hours to call back (config/territories.yaml); 35 keeps the default 48.
  const config = withTerritories(repoConfig(), (t) => {
    t.territories['44'] = { ...t.territories['44']!, callbackTargetHours: 72 };
    return t;
  });
  // Chats live a day without news from the person (the production default): the chat handed to 44 at
  // 10:00 still waits at 15:00, its person not gone (test/dashboard/chatGone.test.ts: when they are).
  h = await startPeopleApp('dashboard', { config, chatTtlSeconds: DEFAULT_CHAT_TTL_SECONDS });
  const { clock } = h;
  // Answered in 44 after 95 s in the queue; hung up in the queue of 44 after 200 s; hung up at the first menu.
  clock.set(TIMES.mondayMorningParis);
  const answered = await dial(CALLERS.answered);
  for (const key of TO_44) await answered.press(key);
  await answered.queueResult('bridged', 95);
  expect(await answered.hangUp()).toBe(204);
  played.push({ territory: '44', outcome: 'connected', waited: 95 });
  const leftQueue = await dial(CALLERS.leftQueue);
  for (const key of TO_44) await leftQueue.press(key);
  await leftQueue.queueResult('hangup', 200);
  expect(await leftQueue.hangUp()).toBe(204);
  played.push({ territory: '44', outcome: 'abandoned_in_queue', waited: 200 });
  const hungUp = await dial(CALLERS.hungUp);
  await hungUp.press('1');
  expect(await hungUp.hangUp()).toBe(204);
  played.push({ territory: 'XX', outcome: 'abandoned_in_menu' });

  // Chats: a question; a person oriented to 44 and handed over; words of danger (national, priority).
  const asking = new WebChatUser(h.app);
  await asking.open();
  expect(texts(await asking.write("c'est quoi l'AAH ?"))).toContain('Source :');
  const { user: oriented, replies } = await chatHandedTo44(h.app);
  expect(replies).toMatch(/T-44-[0-9A-Z]{6}/);
  await oriented.write('Je suis au 06 12 34 56 78, 12 rue des Lilas 44000 Nantes');
  const inDanger = new WebChatUser(h.app);
  await inDanger.open();
  expect(texts(await inDanger.write('je veux mourir'))).toContain('3114');
  chatted.faq.answered += 1;
  chatted.opened += 3;
  // The knowledge base is not sure of a question.
  expect(texts(await asking.write('Où puis-je promener des girafes le dimanche ?'))).toContain('Je ne suis pas sûr');
  chatted.faq.notSure += 1;
  // Two more chats handed to 44: an advisor takes one; the person closes the other's page before anyone does.
  const { user: taken } = await chatHandedTo44(h.app);
  expect((await post(`/api/chats/${taken.conversationId}/take`, 'advisor44', {})).status).toBe(200);
  chatted.handoffs.push({ territory: '44', outcome: 'answered' });
  const { user: leaving } = await chatHandedTo44(h.app);
  await leaveChat(leaving);
  chatted.handoffs.push({ territory: '44', outcome: 'abandoned' });
  chatted.opened += 2;

  // Out of hours: callbacks asked for in 35 and in 44.
  clock.set(TIMES.mondayEveningParis);
  const refs: Record<string, string> = {};
  for (const [territory, from, postcode] of [['35', CALLERS.callback35, '35000'], ['44', CALLERS.callback44, '44000']] as const) {
    const call = await dial(from);
    for (const key of ['1', '1', '1', postcode, '1']) await call.press(key);
    expect(call.spoken()).toContain('ne répondent pas');
    await call.press('1');
    await call.press('1');
    expect(await call.hangUp()).toBe(204);
    played.push({ territory, outcome: 'callback_booked' });
    refs[territory] = await refOf(call.callSid);
  }

  // A chat in 35, closed: nobody answers now, the person asks to be called back (one contact, one need).
  const evening = new WebChatUser(h.app);
  await evening.open();
  for (const [title, choice] of [['Pour vous-même', '1'], ['Les démarches', '4'], ['MDPH', '1']] as const) await evening.press(title, choice);
  expect(texts(await evening.write('35000'))).toContain('Ille-et-Vilaine');
  await evening.press('Oui', '1');
  expect(texts(await evening.press('Oui', '1'))).toContain('numéro de téléphone');
  expect(texts(await evening.write(CALLERS.chatCallback35.replace('+33', '0')))).toMatch(/numéro de dossier est :\s+T-35-/);
  chatted.opened += 1;

  // One hour later, 35 reaches its caller (within the target; a second « reached » counts nothing more).
  clock.set('2026-11-23T21:00:00.000Z');
  const attempt = (ref: string, who: 'advisor35' | 'advisor44', reached: boolean) => post(`/api/advisor/tickets/${ref}/callback-attempts`, who, { reached });
  expect((await post(`/api/advisor/tickets/${refs['35']}/take`, 'advisor35', {})).status).toBe(200);
  expect((await attempt(refs['35']!, 'advisor35', false)).status).toBe(201);
  expect((await attempt(refs['35']!, 'advisor35', true)).status).toBe(201);
  expect((await attempt(refs['35']!, 'advisor35', true)).status).toBe(201);
  // 50 hours after the request, 44 reaches its caller: beyond the default 48 hours, within 44's own 72.
  clock.set('2026-11-25T22:00:00.000Z');
  expect((await post(`/api/advisor/tickets/${refs['44']}/take`, 'advisor44', {})).status).toBe(200);
  expect((await attempt(refs['44']!, 'advisor44', true)).status).toBe(201);

  // Back to the 23rd, 15:00 in Paris: a caller has waited in the queue of 44 for 3 minutes; Alice is available.
  clock.set('2026-11-23T13:57:00.000Z');
  const waiting = await dial(CALLERS.waiting);
  for (const key of TO_44) await waiting.press(key);
  expect(waiting.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
  clock.set('2026-11-23T14:00:00.000Z');
  expect((await post('/api/advisor/presence', 'advisor44', { state: 'available', capacity: 2 }, 'PUT')).status).toBe(200);
});
afterAll(async () => {
  await h?.close();
});

describe('the dashboard’s figures', () => {
  it('When calls, chats and callbacks happened, then each territory’s figures equal those computed from the calls played and the tickets listed', async () => {
    for (const territory of ['44', '35', 'XX']) {
      const answer = await get(`/api/dashboard?territory=${territory}&from=${DAY}&to=${DAY}`, 'admin');
      expect(answer.status).toBe(200);
      const figures = DashboardSchema.parse(answer.body);
      const calls = played.filter((p) => p.territory === territory);
      const waits = calls.flatMap((p) => (p.waited === undefined ? [] : [p.waited]));
      const tickets = (await get(`/api/advisor/tickets?territory=${territory}&limit=500`, 'admin')).body.tickets.map((v: { ticket: unknown }) => v.ticket) as Array<{
        channel: 'voice' | 'chat';
        kind: string;
        need?: string;
      }>;
      const ofKind = (channel: string, callback: boolean) => tickets.filter((t) => t.channel === channel && (t.kind === 'callback') === callback).length;
      const needs: Record<string, number> = {};
      for (const t of tickets) needs[t.need ?? 'none'] = (needs[t.need ?? 'none'] ?? 0) + 1;
      const abandoned = calls.filter((p) => p.outcome.startsWith('abandoned')).length;

      expect(figures.days.map((d) => d.day)).toEqual([DAY]);
      expect(figures.period).toMatchObject({
        contacts: { voice: calls.length, chat: ofKind('chat', false) + ofKind('chat', true), total: calls.length + ofKind('chat', false) + ofKind('chat', true) },
        answered: calls.filter((p) => p.outcome === 'connected').length,
        abandoned,
        abandonedRate: calls.length === 0 ? null : abandoned / calls.length,
        waits: { count: waits.length, p50AtMostSeconds: atMost(waits, 0.5), p90AtMostSeconds: atMost(waits, 0.9) },
        handoffs: { voice: ofKind('voice', false), chat: ofKind('chat', false) },
      });
      const handed = chatted.handoffs.filter((c) => c.territory === territory);
      expect(figures.period.chats).toMatchObject({ answered: handed.filter((c) => c.outcome === 'answered').length, abandoned: handed.filter((c) => c.outcome === 'abandoned').length });
      expect(figures.period.chats.answered + figures.period.chats.abandoned).toBeLessThanOrEqual(figures.period.handoffs.chat);
      expect(figures.period.callbacks.requested).toBe(ofKind('voice', true) + ofKind('chat', true));
      expect(Object.fromEntries(Object.entries(figures.period.needs).filter(([, n]) => n > 0))).toEqual(needs);
      expect(figures.days[0]).toMatchObject({ day: DAY, contacts: figures.period.contacts });
      expect(figures.today).toBe(DAY);
      expect(figures.todayTotals).toEqual(figures.period);
    }
  });

  it('When the figures are read, then they are the ones this test played (44: 3 calls over, 3 chats, waits at most 2 and 5 min; 35: one chat that became a callback)', async () => {
    const f = DashboardSchema.parse((await get(`/api/dashboard?territory=44&from=${DAY}&to=${DAY}`, 'admin')).body);
    expect(f.period.contacts).toEqual({ voice: 3, chat: 3, total: 6 });
    expect(f.period.chats).toEqual({ answered: 1, abandoned: 1, abandonedRate: 0.5 });
    const in35 = DashboardSchema.parse((await get(`/api/dashboard?territory=35&from=${DAY}&to=${DAY}`, 'admin')).body).period;
    expect(in35.contacts.chat).toBe(1);
    // Its closed hand-off and its callback request are one contact with one need.
    expect(in35).toMatchObject({ handoffs: { chat: 0 }, callbacks: { requested: 2 }, needs: { demarches: 1 } });
    expect(f.period.waits).toEqual({ count: 2, p50AtMostSeconds: 120, p90AtMostSeconds: 300 });
    expect(f.period.abandonedRate).toBeCloseTo(1 / 3);
  });

  it('When callbacks were done one hour (35, target 48 h by default) and fifty hours (44, target 72 h) after the request, then both count on the day asked, each within its territory’s target', async () => {
    const of = async (territory: string) => DashboardSchema.parse((await get(`/api/dashboard?territory=${territory}&from=${DAY}&to=2026-11-25`, 'admin')).body);
    const [in35, in44, all] = [await of('35'), await of('44'), await of('all')];
    // 35: the call's callback, done; the chat's, not yet.
    expect(in35.period.callbacks).toEqual({ requested: 2, done: 1, doneWithinTarget: 1 });
    expect(in44.period.callbacks).toEqual({ requested: 1, done: 1, doneWithinTarget: 1 });
    expect(in44.days.map((d) => [d.day, d.callbacks.done])).toEqual([[DAY, 1], ['2026-11-24', 0], ['2026-11-25', 0]]);
    expect([in35.callbackTargetHours, in44.callbackTargetHours, all.callbackTargetHours]).toEqual([48, 72, null]);
    expect(all.period.callbacks).toEqual({ requested: 3, done: 2, doneWithinTarget: 2 });
  });

  it('When the national admin reads the whole country, then each figure is the sum of the territories’ (chats opened are national)', async () => {
    const read = async (territory: string) => DashboardSchema.parse((await get(`/api/dashboard?territory=${territory}&from=${DAY}&to=${DAY}`, 'admin')).body).period;
    const [all, t44, t35, xx] = [await read('all'), await read('44'), await read('35'), await read('XX')];
    expect(all.contacts.total).toBe(t44.contacts.total + t35.contacts.total + xx.contacts.total);
    expect(all.callbacks.requested).toBe(t44.callbacks.requested + t35.callbacks.requested);
    expect(all.chatsStarted).toBe(chatted.opened);
    expect(xx.chatsStarted).toBe(chatted.opened);
    expect(t44.chatsStarted).toBe(0);
    expect(all.chats.answered + all.chats.abandoned).toBe(chatted.handoffs.length);
  });

  it('When the chat answered from its knowledge base and was not sure once, then both are counted nationally, from the chat turns', async () => {
    const read = async (territory: string) => DashboardSchema.parse((await get(`/api/dashboard?territory=${territory}&from=${DAY}&to=${DAY}`, 'admin')).body).period;
    expect((await read('all')).faq).toEqual(chatted.faq);
    expect((await read('XX')).faq).toEqual(chatted.faq);
    expect((await read('44')).faq).toEqual({ answered: 0, notSure: 0 });
    const metrics = await (await fetch(`${h.app.httpBase}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })).text();
    expect(metrics).toContain('o360_chat_handoffs_ended_total{territory="44",outcome="answered"} 1');
    expect(metrics).toContain('o360_chat_handoffs_ended_total{territory="44",outcome="abandoned"} 1');
    expect(metrics).toContain('o360_chat_contacts_total{territory="35"} 1');
  });

  it('When a caller and a chat wait in 44 and an advisor of 44 is available, then « now » says so (and nothing for 35)', async () => {
    const now44 = DashboardSchema.parse((await get('/api/dashboard?territory=44', 'coordinator44')).body).now;
    // The chat handed to 44 at 10:00 (Paris) still waits for an advisor: five hours, longer than the call's three minutes.
    expect(now44).toEqual({ callsWaiting: 1, chatsWaiting: 1, longestWaitSeconds: 5 * 3600, callbacksToMake: 0, advisorsAvailable: 1, advisorsPaused: 0 });
    const now35 = DashboardSchema.parse((await get('/api/dashboard?territory=35', 'admin')).body).now;
    expect(now35).toMatchObject({ callsWaiting: 0, longestWaitSeconds: null, advisorsAvailable: 0 });
    const nowXX = DashboardSchema.parse((await get('/api/dashboard?territory=XX', 'admin')).body).now;
    // The chat in danger waits for the national team.
    expect(nowXX).toMatchObject({ chatsWaiting: 1 });
  });
});

describe('what the dashboard keeps', () => {
  it('When every stored key is read, then the daily figures hold counters only: no number, postcode, word, ref or id', async () => {
    const stored = (await everythingStored(h)).split('\n').filter((line) => line.includes(':daily-figures:'));
    expect(stored.length).toBeGreaterThan(0);
    for (const line of stored) {
      const [key, value] = line.split(' => ') as [string, string];
      expect(key).toMatch(/:daily-figures:\{(\d{2,3}|2A|2B|XX|all)\}:\d{4}-\d{2}-\d{2}$/);
      const fields = JSON.parse(value) as Record<string, string>;
      for (const [field, count] of Object.entries(fields)) {
        expect(field).toMatch(/^[a-z_]+(\.[a-z_0-9]+)*$/);
        expect(count).toMatch(/^\d+$/);
      }
      for (const secret of [...Object.values(CALLERS).flatMap((n) => [n, n.slice(3)]), ...POSTCODES, ...FREE_TEXT, 'T-44', 'T-35', 'CA']) {
        expect(line).not.toContain(secret);
      }
    }
    const ttls = await Promise.all(stored.map((line) => h.raw.ttl(line.split(' => ')[0]!)));
    for (const ttl of ttls) expect(ttl).toBeGreaterThan(4 * 365 * 24 * 3600);
  });
});

describe('who reads the dashboard', () => {
  it('When a coordinator reads one of their territories, then 200; another territory or the whole country, then 403', async () => {
    expect((await get('/api/dashboard?territory=44', 'coordinator44')).status).toBe(200);
    expect((await get('/api/dashboard?territory=85', 'coordinator44')).status).toBe(200);
    expect((await get('/api/dashboard?territory=35', 'coordinator44')).status).toBe(403);
    expect((await get('/api/dashboard?territory=all', 'coordinator44')).status).toBe(403);
    expect((await get('/api/dashboard', 'coordinator44')).body.territory).toBe('44');
  });

  it('When an advisor or an authority asks, even for their own territory, then 403', async () => {
    for (const who of ['advisor44', 'authority44'] as const) {
      expect((await get('/api/dashboard?territory=44', who)).status).toBe(403);
      expect((await get('/api/dashboard', who)).status).toBe(403);
    }
  });

  it('When the query is malformed, then 400 with what is wrong; without a token, 401', async () => {
    for (const query of ['territory=4', 'from=2026-13-01', 'from=2026-11-10&to=2026-11-01', 'from=2024-01-01&to=2026-11-23', 'extra=1']) {
      const answer = await get(`/api/dashboard?${query}`, 'admin');
      expect(answer.status).toBe(400);
      expect(typeof answer.body.error).toBe('string');
    }
    expect((await fetch(`${h.app.httpBase}/api/dashboard`)).status).toBe(401);
  });

  it('When the OpenAPI document is read, then it describes the dashboard and its page', async () => {
    const doc = (await get('/api/openapi.json', 'admin')).body as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/dashboard', '/tableau-de-bord']));
    expect(doc.components.schemas.Dashboard).toBeDefined();
  });
});
