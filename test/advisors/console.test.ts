/**
 * The advisor console's server side, over HTTP on the real app and Redis: the page at /console under
 * the same Content Security Policy as the chat page; the chat list of my territories
 * (GET /api/advisor/chats) with the live state of each conversation; the chat.message live event.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/config';
import { NOW, PEOPLE, call, makeTicket, startAdvisorApp, tokenOf, type AdvisorHarness } from './helpers';

let harness: AdvisorHarness;
let alice: string;
let chloe: string;
beforeAll(async () => {
  harness = await startAdvisorApp('advisor-console');
  [alice, chloe] = await Promise.all([tokenOf(PEOPLE.advisor44), tokenOf(PEOPLE.advisor35)]);
});
afterAll(async () => {
  await harness.close();
});

/** A person in the chat: aidant, logement, 44000, « Oui »: handed to the advisors of 44. */
async function chatHandedTo44(): Promise<{ conversationId: string; ref: string }> {
  const conversationId = `c${randomBytes(12).toString('hex')}`;
  const chat = harness.app.app.chat;
  await chat.welcome(conversationId, NOW);
  for (const input of [{ choice: '2' }, { choice: '1' }, { choice: '3' }, { text: '44000' }, { choice: '1' }]) {
    await chat.message({ conversationId, at: NOW, ...input });
  }
  expect(await chat.mode(conversationId)).toBe('waiting');
  const ticket = await harness.app.app.tickets.getByConversation(conversationId);
  expect(ticket).toMatchObject({ channel: 'chat', kind: 'routed', departement: '44' });
  return { conversationId, ref: ticket!.ref };
}

describe('the console page', () => {
  it('When /console is opened, then it serves the French page, its script and style under the strict CSP, with the token sign-in explained', async () => {
    const page = await fetch(`${harness.app.httpBase}/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toMatch(/<label [^>]*for="token"[^>]*>Jeton d’accès<\/label>/);
    expect(html).toMatch(/<input id="token"[^>]*type="password"/);
    expect(html).toContain('npm run token:dev');
    expect(html).toContain('ProConnect');
    // No inline script: every <script> has a src on our own origin.
    expect(html.match(/<script(?![^>]*\ssrc="\/console\/)[^>]*>/g)).toBeNull();
    expect(html).not.toMatch(/https?:\/\//);

    for (const [path, type] of [
      ['/console/main.js', 'javascript'],
      ['/console/api.js', 'javascript'],
      ['/console/console.css', 'text/css'],
    ] as const) {
      const asset = await fetch(`${harness.app.httpBase}${path}`);
      expect({ path, status: asset.status, type: asset.headers.get('content-type') }).toMatchObject({ path, status: 200, type: expect.stringContaining(type) });
      expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('When the console modules are read, then they write data with textContent only, keep the token in sessionStorage only, and stay short', () => {
    const folder = join(REPO_ROOT, 'src', 'web', 'public', 'console');
    const modules = readdirSync(folder).filter((name) => name.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(10);
    for (const name of modules) {
      const script = readFileSync(join(folder, name), 'utf8');
      expect({ name, unsafe: /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/.test(script) }).toEqual({ name, unsafe: false });
      expect({ name, lines: script.split('\n').length <= 300 }).toEqual({ name, lines: true });
      // localStorage holds only the advisor's preferences (sound, presence), never the token.
      const stored = [...script.matchAll(/localStorage\.(?:getItem|setItem)\(([A-Z_]+)/g)].map((m) => m[1]);
      expect({ name, stored: stored.filter((key) => key !== 'SOUND_KEY' && key !== 'CHOICE_KEY') }).toEqual({ name, stored: [] });
    }
    const signIn = readFileSync(join(folder, 'signIn.js'), 'utf8');
    expect(signIn).toMatch(/sessionStorage\.setItem\(TOKEN_KEY/);
    expect(signIn).not.toContain('localStorage');
  });
});

describe('GET /api/advisor/chats', () => {
  it('When a chat is handed to 44, then the advisors of 44 see it waiting, then with an advisor, then back with the bot; 35 never sees it', async () => {
    const { conversationId, ref } = await chatHandedTo44();
    const chatsOf = async (token: string) => {
      const answer = await call(harness, 'GET', '/api/advisor/chats', token);
      expect(answer.status).toBe(200);
      return answer.body.chats as Array<{ ticket: { ref: string; conversationId: string; transcript?: unknown[] }; territory: string; case: { status: string }; chat: { conversationId: string; mode: string } }>;
    };

    const waiting = (await chatsOf(alice)).find((c) => c.ticket.ref === ref);
    expect(waiting).toMatchObject({ territory: '44', case: { status: 'new' }, chat: { conversationId, mode: 'waiting' } });
    expect(waiting?.ticket.transcript?.length).toBeGreaterThan(0);
    expect((await chatsOf(chloe)).map((c) => c.ticket.ref)).not.toContain(ref);
    expect((await call(harness, 'GET', '/api/advisor/chats?territory=44', chloe)).status).toBe(403);
    expect((await call(harness, 'GET', '/api/advisor/chats', null)).status).toBe(401);
    expect((await call(harness, 'GET', '/api/advisor/chats?nope=1', alice)).status).toBe(400);

    expect((await call(harness, 'POST', `/api/advisor/tickets/${ref}/take`, alice, {})).status).toBe(200);
    // The relay's take (tested with Direct Line in test/chat and the browser): here the conversation state only.
    await harness.app.app.chat.setMode(conversationId, 'human');
    expect((await chatsOf(alice)).find((c) => c.ticket.ref === ref)).toMatchObject({ case: { status: 'taken' }, chat: { mode: 'human' } });

    await harness.app.app.chat.setMode(conversationId, 'bot');
    expect((await chatsOf(alice)).find((c) => c.ticket.ref === ref)).toMatchObject({ chat: { mode: 'bot' } });
  });

  it('When the person writes to an advisor, then the 44 stream gets chat.message (no text in it) and the 35 stream nothing', async () => {
    const { conversationId, ref } = await chatHandedTo44();
    const open = async (token: string) => {
      const controller = new AbortController();
      const response = await fetch(`${harness.app.httpBase}/api/advisor/events?access_token=${token}`, { signal: controller.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const stream = { text: '', controller };
      const readUntil = async (pattern: RegExp) => {
        while (!pattern.test(stream.text)) {
          const { value, done } = await reader.read();
          if (done) break;
          stream.text += decoder.decode(value);
        }
      };
      await readUntil(/event: ready/);
      return { stream, readUntil };
    };
    const forAlice = await open(alice);
    const forChloe = await open(chloe);
    await harness.app.app.chat.setMode(conversationId, 'human');
    await harness.app.app.chat.message({ conversationId, at: NOW, text: 'Ma mère ne peut plus rester seule.' });
    await forAlice.readUntil(/event: chat\.message/);
    // A 44 ticket after it on the 35 stream would come later: a 35 ticket proves the 35 stream is live.
    const ticket35 = await makeTicket(harness, '35');
    await forChloe.readUntil(new RegExp(ticket35.ref));
    forAlice.stream.controller.abort();
    forChloe.stream.controller.abort();

    expect(forAlice.stream.text).toMatch(new RegExp(`event: chat.message\\ndata: \\{"type":"chat.message","ref":"${ref}","territory":"44","channel":"chat"`));
    expect(forAlice.stream.text).not.toContain('Ma mère');
    expect(forChloe.stream.text).not.toContain(ref);
  });

  it('When the OpenAPI document is read, then it documents the chat list', async () => {
    const doc = (await (await fetch(`${harness.app.httpBase}/api/openapi.json`)).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.paths['/api/advisor/chats']).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.ChatList)).toContain('waiting');
  });
});
