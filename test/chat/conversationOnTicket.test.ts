/**
 * The whole chat conversation stays on the ticket: through the real app, Redis, our own Direct Line and
 * the real local OpenID provider, an advisor signed in (Alice, advisor of 44) takes a waiting chat,
 * writes, hands it back to the robot and closes the case. The ticket then holds every line of the
 * robot, the person (masked) and the advisor (with her first name), in order. The person reads the
 * advisor's messages signed « Alice, Conseiller », never with her e-mail; the robot's are not signed.
 */
import { StaffBrowser, startSignInApp, type SignInHarness } from '../support/signIn';
import { advisorToken } from '../support/testApp';
import { WebChatUser, texts, type Activity } from '../support/webChatUser';

let harness: SignInHarness;
beforeAll(async () => {
  harness = await startSignInApp('conversation-on-ticket');
}, 60_000);
afterAll(async () => {
  await harness?.close();
});

interface Line {
  from: 'user' | 'bot' | 'advisor';
  name?: string;
  text: string;
}

/** A chat handed over to the advisors of 44, with its ticket ref. */
async function chatWaitingIn44(): Promise<{ user: WebChatUser; ref: string }> {
  const user = new WebChatUser(harness.app);
  await user.open();
  await user.press('Parler à un conseiller', '0');
  const ref = /T-44-[0-9A-Z]{6}/.exec(texts(await user.write('44000')))?.[0] ?? '';
  expect(ref).not.toBe('');
  return { user, ref };
}

/** The Direct Line activity a person receives for an advisor's message. */
const advisorActivityIn = (activities: Activity[], text: string) => activities.find((a) => a.from.id === 'advisor' && a.text === text);

describe('the conversation on the ticket', () => {
  it('When an advisor takes a chat, writes, hands it back and closes the case, then the ticket holds the whole conversation in order, masked, with her first name, and the person read « Alice, Conseiller »', async () => {
    const alice = new StaffBrowser(harness.app.httpBase);
    expect((await alice.signIn('advisor44')).url).toMatch(/\/console$/);
    const { user, ref } = await chatWaitingIn44();
    await user.write('Bonjour, mon numéro est le 06 12 34 56 78.');

    const chat = `/api/chats/${user.conversationId}`;
    expect((await alice.call('POST', `${chat}/take`, {})).status).toBe(200);
    expect((await alice.call('POST', `${chat}/messages`, { text: 'Bonjour, je suis Alice. Je lis votre demande.' })).status).toBe(201);
    const seen = await user.write('Merci beaucoup.');
    expect((await alice.call('POST', `${chat}/release`, {})).status).toBe(200);
    const afterRelease = await user.waitForBot();

    // The person's side: the advisor's message is signed with her first name and « Conseiller »; the robot's are not.
    const signed = advisorActivityIn([...seen, ...afterRelease], 'Bonjour, je suis Alice. Je lis votre demande.');
    expect(signed?.from.name).toBe('Alice, Conseiller');
    expect(JSON.stringify(signed)).not.toContain('@360.test');
    const robot = afterRelease.find((a) => a.type === 'message' && a.from.id !== 'advisor');
    expect(robot?.text).toContain('Le conseiller a terminé');
    expect(robot?.from.name ?? '').not.toContain('Conseiller');

    const expectedTail: Line[] = [
      { from: 'user', text: 'Bonjour, mon numéro est le [téléphone finissant par 78].' },
      { from: 'bot', text: 'Votre message est transmis au conseiller.' },
      { from: 'bot', text: 'Un conseiller vous répond.' },
      { from: 'advisor', name: 'Alice', text: 'Bonjour, je suis Alice. Je lis votre demande.' },
      { from: 'user', text: 'Merci beaucoup.' },
      { from: 'bot', text: 'Le conseiller a terminé. Je reste là si vous avez une autre question.' },
    ];
    const transcriptOf = async (): Promise<Line[]> => {
      const read = await alice.call('GET', `/api/advisor/tickets/${ref}`);
      expect(read.status).toBe(200);
      return (read.body.ticket.transcript as Array<Line & { at: string }>).map(({ at: _at, ...line }) => line);
    };
    const handedBack = await transcriptOf();
    // From the robot's welcome to the hand-back, in order.
    expect(handedBack[0]?.from).toBe('bot');
    expect(handedBack[0]?.text).toContain('Ici le service national');
    expect(handedBack.slice(-expectedTail.length)).toEqual(expectedTail);
    expect(JSON.stringify(handedBack)).not.toMatch(/06 12 34 56 78|@360\.test/);

    // Closing the case keeps it.
    expect((await alice.call('POST', `/api/advisor/tickets/${ref}/take`, {})).status).toBe(200);
    expect((await alice.call('POST', `/api/advisor/tickets/${ref}/comments`, { text: 'Demande lue avec la personne.' })).status).toBe(201);
    expect((await alice.call('POST', `/api/advisor/tickets/${ref}/close`, { wrapUp: 'appointment_set', note: 'Rendez-vous pris avec la MDPH.' })).status).toBe(200);
    expect(await transcriptOf()).toEqual(handedBack);
  });

  it('When an API client with a bearer token (no sign-in session) writes, then the person reads « Conseiller » alone, and the ticket line has no name', async () => {
    const { user, ref } = await chatWaitingIn44();
    const token = await advisorToken({ subject: 'api-44', name: 'Agent API', role: 'advisor', territories: ['44'] });
    const call = (path: string, body: unknown) =>
      fetch(`${harness.app.httpBase}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await call(`/api/chats/${user.conversationId}/take`, {})).status).toBe(200);
    expect((await call(`/api/chats/${user.conversationId}/messages`, { text: 'Nous regardons votre demande.' })).status).toBe(201);
    const seen = await user.waitForBot();
    expect(advisorActivityIn(seen, 'Nous regardons votre demande.')?.from.name).toBe('Conseiller');

    const ticket = await harness.app.app.tickets.get(ref);
    expect(ticket?.transcript?.at(-1)).toEqual({ from: 'advisor', text: 'Nous regardons votre demande.', at: expect.any(String) });
  });
});
