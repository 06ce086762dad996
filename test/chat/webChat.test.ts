/**
 * The chat end to end, as the official Web Chat drives it: a token from our page's endpoint, a Direct
 * Line conversation, messages and button presses posted, the bot's answers read back by watermark;
 * then an advisor takes the conversation through the relay and the person reads their messages.
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { advisorToken, TestClock, startTestApp, type RunningTestApp } from '../support/testApp';
import { WebChatUser, texts } from '../support/webChatUser';

const clock = new TestClock(TIMES.mondayMorningParis);
let app: RunningTestApp;
/** The same service with a Bot Framework identity, as in production. */
let appWithIdentity: RunningTestApp;

beforeAll(async () => {
  app = await startTestApp({ store: createMemoryStore(clock), keys: createStoreKeys('webchat'), clock });
  appWithIdentity = await startTestApp({
    store: createMemoryStore(clock),
    keys: createStoreKeys('webchat-app-id'),
    clock,
    microsoftAppId: '11111111-2222-3333-4444-555555555555',
  });
});
afterAll(async () => {
  await app.close();
  await appWithIdentity.close();
});

/** The chat has no département (T-XX): it belongs to the national level, so a national admin takes it. */
const advisor = async (path: string, body?: unknown) =>
  fetch(`${app.httpBase}${path}`, {
    method: body === undefined && path.endsWith('transcript') ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${await advisorToken()}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('the web chat over our own Direct Line', () => {
  it('When a person opens the chat, orients, and asks for a human, then an advisor takes it live and the bot stays quiet until handed back', async () => {
    const user = new WebChatUser(app);
    const welcome = await user.open();
    expect(texts(welcome)).toContain('Vous écrivez pour qui ?');
    expect(welcome.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toContain('Parler à un conseiller');

    expect(texts(await user.press('Pour un proche que vous aidez', '2'))).toContain('De quoi avez-vous besoin ?');
    const answer = await user.write('comment avoir la carte mobilité inclusion ?');
    expect(texts(answer)).toContain('Source :');

    expect(texts(await user.press('Parler à un conseiller', '0'))).toContain('votre code postal');
    const handed = await user.press('Ne pas répondre', 'dep:none');
    expect(texts(handed)).toMatch(/numéro de dossier est :\s+T-XX-[0-9A-Z]{6}/);
    expect(handed.some((a) => a.type === 'event' && a.name === 'handoff.initiate')).toBe(true);

    // Without the advisor token, the relay is closed.
    expect((await fetch(`${app.httpBase}/api/chats/${user.conversationId}/take`, { method: 'POST' })).status).toBe(401);
    expect((await advisor(`/api/chats/${user.conversationId}/take`, {})).status).toBe(200);
    expect(texts(await user.waitForBot())).toContain('Un conseiller vous répond.');
    expect((await advisor(`/api/chats/${user.conversationId}/messages`, { text: 'Bonjour, je suis Claire, conseillère. Que se passe-t-il ?' })).status).toBe(201);
    const fromAdvisor = await user.waitForBot();
    expect(fromAdvisor.find((a) => a.from.id === 'advisor')?.text).toBe('Bonjour, je suis Claire, conseillère. Que se passe-t-il ?');

    // The bot stays quiet: the person's message goes to the advisor only.
    await user.write('Ma mère ne peut plus rester seule.');
    const transcript = (await (await advisor(`/api/chats/${user.conversationId}/transcript`)).json()) as { mode: string; messages: Array<{ from: string; text: string }> };
    expect(transcript.mode).toBe('human');
    expect(transcript.messages.at(-1)).toMatchObject({ from: 'user', text: 'Ma mère ne peut plus rester seule.' });
    expect(transcript.messages.at(-2)).toMatchObject({ from: 'advisor' });

    expect((await advisor(`/api/chats/${user.conversationId}/release`, {})).status).toBe(200);
    expect(texts(await user.waitForBot())).toContain('Je reste là');
  });

  it('When a person writes a long message (6,000 characters), then our Direct Line takes it and the bot answers in French; beyond 10,000 characters a clear 400 names the limit', async () => {
    const user = new WebChatUser(app);
    await user.open();
    const situation = 'Mon frère a 45 ans, il vit seul depuis le décès de nos parents et il ne sort presque plus. '.repeat(70);
    const long = `${situation} Il voudrait savoir comment avoir la carte mobilité inclusion.`;
    expect(long.length).toBeGreaterThan(6000);
    expect(texts(await user.write(long))).toMatch(/carte mobilité inclusion/);

    const tooLong = await fetch(`${app.httpBase}/v3/directline/conversations/${user.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', from: { id: 'user' }, text: 'é'.repeat(10_001) }),
    });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ error: { code: 'BadArgument', message: 'text is too long: at most 10000 characters' } });
  });

  it('When someone posts to /api/messages with another serviceUrl, then the bot refuses (local mode)', async () => {
    const response = await fetch(`${app.httpBase}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'salut', serviceUrl: 'https://attacker.example.org', conversation: { id: 'x' }, from: { id: 'u' }, recipient: { id: 'b' }, channelId: 'directline' }),
    });
    expect(response.status).toBe(403);
  });

  it('When the page is opened, then it serves Web Chat from our own server, in French, with the « Parler à un conseiller » button', async () => {
    const page = await fetch(`${app.httpBase}/`);
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain('Parler à un conseiller');
    expect(html).not.toMatch(/<(script|link)\b[^>]*\b(src|href)="(https?:)?\/\//); // no CDN: scripts and style sheets are ours
    const bundleUrl = html.match(/<script src="(\/chat\/vendor\/[^"]+)">/)?.[1];
    expect(bundleUrl).toBeDefined();
    const bundle = await fetch(`${app.httpBase}${bundleUrl}`, { headers: { 'accept-encoding': 'identity' } });
    expect(bundle.status).toBe(200);
    expect(Number(bundle.headers.get('content-length'))).toBeGreaterThan(1_000_000);
  });

  it('When the bot has a Bot Framework identity (production), then our own channel still reaches it and gets its answers, and an unauthenticated outside call is refused', async () => {
    const user = new WebChatUser(appWithIdentity);
    expect(texts(await user.open())).toContain('Vous écrivez pour qui ?');
    expect(texts(await user.press('Pour vous-même', '1'))).toContain('De quoi avez-vous besoin ?');
    const outside = await fetch(`${appWithIdentity.httpBase}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'salut', serviceUrl: 'https://attacker.example.org', conversation: { id: 'x' }, from: { id: 'u' }, recipient: { id: 'b' }, channelId: 'webchat' }),
    });
    expect(outside.status).toBe(401);
  });
});
