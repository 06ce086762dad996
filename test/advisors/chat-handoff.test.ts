/**
 * Chat hand-offs seen by the right people, through the real app, Redis and our own Direct Line: a
 * hand-off before any orientation (département declined) lands in the national list, seen by the
 * national team (national admin, advisors of XX) and not by a département's advisors; a hand-off at
 * 06:44 lands in its territory's list, seen by that territory only. Live events follow the same
 * lines. What the person typed for a callback is masked everywhere but the callback list, whose
 * every contact shown is audited as such.
 */
import type { Principal } from '../../src/advisors/principal';
import { advisorToken } from '../support/testApp';
import { WebChatUser, texts } from '../support/webChatUser';
import { NOW, PEOPLE, call, makeTicket, startAdvisorApp, type AdvisorHarness } from './helpers';

/** Monday 23 November 2026, 06:44 in Paris: every territory is closed. */
const EARLY_MONDAY_PARIS = '2026-11-23T05:44:00.000Z';
const NINA_NATIONAL: Principal = { subject: 'nina-national', name: 'Nina', role: 'advisor', territories: ['XX'] };

let harness: AdvisorHarness;
beforeAll(async () => {
  harness = await startAdvisorApp('chat-handoff');
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => harness.clock.set(NOW));

/** The refs of the chats a principal's console lists. */
async function chatRefsOf(principal: Principal): Promise<string[]> {
  const answer = await call(harness, 'GET', '/api/advisor/chats', await advisorToken(principal));
  expect(answer.status).toBe(200);
  return answer.body.chats.map((c: { ticket: { ref: string } }) => c.ticket.ref);
}

/** A console's live event stream, read as text. */
async function eventStream(principal: Principal) {
  const controller = new AbortController();
  const response = await fetch(`${harness.app.httpBase}/api/advisor/events?access_token=${await advisorToken(principal)}`, { signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const stream = {
    text: () => text,
    async readUntil(pattern: RegExp) {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return text;
    },
    close: () => controller.abort(),
  };
  await stream.readUntil(/event: ready/);
  return stream;
}

const refIn = (activities: Array<{ text?: string }>) => /T-(XX|\d\d)-[0-9A-Z]{6}/.exec(texts(activities as never))?.[0] ?? '';

describe('who sees a chat hand-off', () => {
  it('When a person asks for a human before any orientation and declines the département, then the national team sees the waiting chat (list and live event) and the advisors of 44 do not', async () => {
    const nina = await eventStream(NINA_NATIONAL);
    const alice = await eventStream(PEOPLE.advisor44);
    const user = new WebChatUser(harness.app);
    await user.open();
    expect(texts(await user.press('Parler à un conseiller', '0'))).toContain('votre code postal');
    const handed = await user.press('Ne pas répondre', 'dep:none');
    const ref = refIn(handed);
    expect(ref).toMatch(/^T-XX-/);

    expect(await chatRefsOf(NINA_NATIONAL)).toContain(ref);
    expect(await chatRefsOf(PEOPLE.admin)).toContain(ref);
    expect(await chatRefsOf(PEOPLE.advisor44)).not.toContain(ref);
    const listed = await call(harness, 'GET', '/api/advisor/chats', await advisorToken(NINA_NATIONAL));
    expect(listed.body.chats.find((c: { ticket: { ref: string } }) => c.ticket.ref === ref)).toMatchObject({ territory: 'XX', ticket: { kind: 'fallback' }, chat: { mode: 'waiting' } });

    expect(await nina.readUntil(new RegExp(`"type":"ticket.created","ref":"${ref}"`))).toContain('"territory":"XX"');
    const marker = await makeTicket(harness, '44');
    expect(await alice.readUntil(new RegExp(marker.ref))).not.toContain(ref);
    nina.close();
    alice.close();

    // Someone can answer it: the national advisor takes the conversation; the 44 advisor cannot.
    expect((await call(harness, 'POST', `/api/chats/${user.conversationId}/take`, await advisorToken(PEOPLE.advisor44), {})).status).toBe(404);
    expect((await call(harness, 'POST', `/api/chats/${user.conversationId}/take`, await advisorToken(NINA_NATIONAL), {})).status).toBe(200);
  });

  it('When a person asks for a human at 06:44 and gives 44000, then they are told the hours (no promise) and the chat waits in the list of 44 only (list and live event)', async () => {
    harness.clock.set(EARLY_MONDAY_PARIS);
    const alice = await eventStream(PEOPLE.advisor44);
    const chloe = await eventStream(PEOPLE.advisor35);
    const user = new WebChatUser(harness.app);
    await user.open();
    await user.press('Parler à un conseiller', '0');
    const handed = await user.write('44000');
    expect(texts(handed)).toContain('ne répondent pas en ce moment');
    expect(texts(handed)).not.toContain('va vous répondre ici');
    const ref = refIn(handed);
    expect(ref).toMatch(/^T-44-/);

    expect(await chatRefsOf(PEOPLE.advisor44)).toContain(ref);
    expect(await chatRefsOf(PEOPLE.admin)).toContain(ref);
    expect(await chatRefsOf(PEOPLE.advisor35)).not.toContain(ref);
    expect(await chatRefsOf(NINA_NATIONAL)).not.toContain(ref);

    expect(await alice.readUntil(new RegExp(`"type":"ticket.created","ref":"${ref}"`))).toContain('"kind":"fallback"');
    const marker = await makeTicket(harness, '35');
    expect(await chloe.readUntil(new RegExp(marker.ref))).not.toContain(ref);
    alice.close();
    chloe.close();
  });
});

describe('a callback contact typed in the chat', () => {
  it('When the person leaves a phone number out of hours, then the ticket, the transcript and the relay show it masked, and only the callback list shows it in clear, audited as a contact read', async () => {
    harness.clock.set(EARLY_MONDAY_PARIS);
    const user = new WebChatUser(harness.app);
    await user.open();
    await user.press('Parler à un conseiller', '0');
    const ref = refIn(await user.write('44000'));
    await user.press('Oui', '1');
    expect(texts(await user.write('06 12 34 56 78'))).toContain("C'est noté.");
    const alice = await advisorToken(PEOPLE.advisor44);

    const ticket = await call(harness, 'GET', `/api/tickets/${ref}`, alice);
    expect(ticket.status).toBe(200);
    expect(ticket.body.callback).toEqual({ contact: 'phone', lastDigits: '78', requestedAt: expect.any(String) });
    expect(ticket.body.transcript.filter((l: { from: string }) => l.from === 'user').map((l: { text: string }) => l.text)).toEqual([
      'Parler à un conseiller',
      '[code postal du département 44]',
      'Oui',
      '[téléphone finissant par 78]',
    ]);
    const relay = await call(harness, 'GET', `/api/chats/${user.conversationId}/transcript`, alice);
    expect(relay.status).toBe(200);
    for (const body of [ticket.body, relay.body, (await call(harness, 'GET', `/api/advisor/tickets/${ref}`, alice)).body]) {
      expect(JSON.stringify(body)).not.toMatch(/06 12 34 56 78|0612345678|\+33612345678|44000/);
    }

    const callbacks = await call(harness, 'GET', '/api/advisor/callbacks?territory=44', alice);
    expect(callbacks.body.callbacks.find((c: { ticket: { ref: string } }) => c.ticket.ref === ref).ticket.callback.number).toBe('+33612345678');
    const audit = await call(harness, 'GET', `/api/advisor/tickets/${ref}/audit`, await advisorToken(PEOPLE.coordinator44));
    const actions = audit.body.entries.map((e: { action: string; detail?: unknown }) => [e.action, e.detail]);
    expect(actions).toContainEqual(['callback.contact_read', { contact: 'phone' }]);
    expect(actions.filter(([action]: [string]) => action === 'callback.contact_read')).toHaveLength(1);
    expect(actions.map(([action]: [string]) => action)).toContain('ticket.read');
  });
});

describe('a transcript kept before masking existed', () => {
  it('When a ticket stored with a phone number, an e-mail and a postcode in clear is read, then the advisor reads them masked', async () => {
    const conversationId = 'legacy-conversation-0001';
    const at = NOW;
    const stored = await harness.app.app.tickets.createOrUpdate({
      ref: 'T-44-0000AB',
      channel: 'chat',
      kind: 'routed',
      departement: '44',
      priority: 'normale',
      conversationId,
      transcript: [
        { from: 'user', text: '44000', at },
        { from: 'user', text: 'mon numéro 06 12 34 56 78 ou marie.durand@exemple.fr', at },
        { from: 'bot', text: 'La MDPH répond au 02 28 09 40 50.', at },
      ],
    });
    const alice = await advisorToken(PEOPLE.advisor44);
    for (const [path, ticketOf] of [
      [`/api/tickets/${stored.ref}`, (body: { transcript: unknown }) => body],
      [`/api/advisor/tickets/${stored.ref}`, (body: { ticket: { transcript: unknown } }) => body.ticket],
    ] as const) {
      const read = await call(harness, 'GET', path, alice);
      expect((ticketOf(read.body) as { transcript: Array<{ text: string }> }).transcript.map((l: { text: string }) => l.text)).toEqual([
        '[code postal]',
        'mon numéro [téléphone finissant par 78] ou [e-mail m…@exemple.fr]',
        'La MDPH répond au 02 28 09 40 50.',
      ]);
    }
    expect(JSON.stringify((await call(harness, 'GET', `/api/advisor/tickets/${stored.ref}`, alice)).body)).not.toMatch(/44000|06 12 34|durand/);
  });
});
