/**
 * A person's history across contacts: calls from the same number, and chats whose person agreed, are
 * linked by a pseudonymous person key; advisors see the other contacts of their own territories on
 * the ticket; the referent of an open N1 case is told when their person comes back.
 */
import { api, callFrom, chatWithCallback, everythingStored, startPeopleApp, STAFF, TIMES, TO_35, TO_44, type PeopleHarness } from './support';
import { advisorToken } from '../support/testApp';
import { texts } from '../support/webChatUser';

let h: PeopleHarness;
beforeAll(async () => {
  h = await startPeopleApp('history');
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.clock.set(TIMES.mondayMorningParis));

const later = (minutes: number) => h.clock.set(new Date(Date.parse(TIMES.mondayMorningParis) + minutes * 60_000).toISOString());

describe('the same person calling again', () => {
  it('When the same number calls twice, then the second ticket shows the first contact (date, channel, need, status), and the first shows the second', async () => {
    const first = await callFrom(h, '+33611000001', TO_44);
    later(30);
    const second = await callFrom(h, '+33611000001', TO_44);
    const view = await api(h, 'GET', `/api/advisor/tickets/${second.ref}`, STAFF.alice44);
    expect(view.status).toBe(200);
    expect(view.body.history).toEqual([
      { ref: first.ref, at: TIMES.mondayMorningParis, channel: 'voice', kind: 'routed', need: 'logement', territory: '44', status: 'new', level: 1 },
    ]);
    const firstView = await api(h, 'GET', `/api/advisor/tickets/${first.ref}`, STAFF.alice44);
    expect(firstView.body.history.map((c: { ref: string }) => c.ref)).toEqual([second.ref]);
    // The link is a keyed hash: neither the advisor nor the store sees the number.
    expect(JSON.stringify(view.body)).not.toMatch(/611000001|personKey/);
    expect(await everythingStored(h)).not.toContain('611000001');
  });

  it('When another number calls, or the number is withheld, then nothing links the tickets', async () => {
    const first = await callFrom(h, '+33611000002', TO_44);
    const other = await callFrom(h, '+33611000003', TO_44);
    const hidden = await callFrom(h, 'anonymous', TO_44);
    const hiddenAgain = await callFrom(h, 'anonymous', TO_44);
    for (const ref of [first.ref, other.ref, hidden.ref, hiddenAgain.ref]) {
      expect((await api(h, 'GET', `/api/advisor/tickets/${ref}`, STAFF.alice44)).body.history).toEqual([]);
    }
  });
});

describe('the chat asks first', () => {
  it('When a chat person leaves their number and answers « Non », then the chat is not linked to their calls; « Oui » links it', async () => {
    const call = await callFrom(h, '+33622000001', TO_35);
    h.clock.set(TIMES.mondayEveningParis);
    const refused = await chatWithCallback(h, { postcode: '35000', contact: '06 22 00 00 01', consent: 'Non' });
    expect(refused.texts.join('\n')).toContain('Pouvons-nous garder un lien avec vos prochains appels pour mieux vous aider ?');
    expect(refused.texts.at(-1)).toContain('Nous ne gardons pas de lien');
    expect((await api(h, 'GET', `/api/advisor/tickets/${call.ref}`, STAFF.chloe35)).body.history).toEqual([]);
    expect((await api(h, 'GET', `/api/advisor/tickets/${refused.ref}`, STAFF.chloe35)).body.history).toEqual([]);

    const silent = await chatWithCallback(h, { postcode: '35000', contact: '0622000001', consent: null });
    await silent.user.write("c'est quoi la PCH ?"); // another subject instead of an answer: no consent
    await silent.user.press('Oui', 'lien:oui'); // a late button press does not count either
    expect((await api(h, 'GET', `/api/advisor/tickets/${call.ref}`, STAFF.chloe35)).body.history).toEqual([]);

    const agreed = await chatWithCallback(h, { postcode: '35000', contact: '06.22.00.00.01', consent: 'Oui' });
    expect(agreed.texts.at(-1)).toContain('le conseiller verra vos demandes');
    const history = (await api(h, 'GET', `/api/advisor/tickets/${call.ref}`, STAFF.chloe35)).body.history;
    expect(history).toEqual([expect.objectContaining({ ref: agreed.ref, channel: 'chat', kind: 'callback', territory: '35', status: 'new' })]);
  });
});

describe('safety first at the consent question', () => {
  it('When the person answers the consent question with words of danger, then they get the emergency answer and nothing is linked', async () => {
    const call = await callFrom(h, '+33655000001', TO_35);
    h.clock.set(TIMES.mondayEveningParis);
    const chat = await chatWithCallback(h, { postcode: '35000', contact: '06 55 00 00 01', consent: null });
    const answer = texts(await chat.user.write('oui mais je veux mourir'));
    expect(answer).toContain('3114');
    expect(answer).not.toContain('le conseiller verra vos demandes');
    expect((await api(h, 'GET', `/api/advisor/tickets/${call.ref}`, STAFF.chloe35)).body.history).toEqual([]);
  });
});

describe('territories', () => {
  it('When the person called 44 and then 35, then an advisor of 35 does not see the 44 contact, nor one of 44 the 35 one; a national admin sees both', async () => {
    const in44 = await callFrom(h, '+33633000001', TO_44);
    const in35 = await callFrom(h, '+33633000001', TO_35);
    expect((await api(h, 'GET', `/api/advisor/tickets/${in35.ref}`, STAFF.chloe35)).body.history).toEqual([]);
    expect((await api(h, 'GET', `/api/advisor/tickets/${in44.ref}`, STAFF.alice44)).body.history).toEqual([]);
    const seenByAdmin = (await api(h, 'GET', `/api/advisor/tickets/${in35.ref}`, STAFF.admin)).body.history;
    expect(seenByAdmin).toEqual([expect.objectContaining({ ref: in44.ref, territory: '44' })]);
  });
});

describe('the referent', () => {
  it('When the person of an open N1 case calls again, then its referent is told (no personal data) and stays the referent', async () => {
    const first = await callFrom(h, '+33644000001', TO_44);
    expect((await api(h, 'POST', `/api/advisor/tickets/${first.ref}/take`, STAFF.alice44, {})).status).toBe(200);
    expect((await api(h, 'POST', `/api/advisor/tickets/${first.ref}/comments`, STAFF.alice44, { text: 'Dossier MDPH en cours.' })).status).toBe(201);

    const controller = new AbortController();
    const stream = await fetch(`${h.app.httpBase}/api/advisor/events?access_token=${await advisorToken(STAFF.alice44)}`, { signal: controller.signal });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil(/event: ready/);
    later(60);
    const second = await callFrom(h, '+33644000001', TO_44);
    await readUntil(/event: person.returned\ndata: .*\n/);
    controller.abort();
    const line = /event: person.returned\ndata: (.*)\n/.exec(text)?.[1];
    const event = JSON.parse(line ?? '{}');
    expect(event).toMatchObject({ type: 'person.returned', ref: first.ref, newRef: second.ref, territory: '44', referent: 'alice-44', status: 'n1_in_progress', level: 1 });
    expect(line).not.toMatch(/644000001|\+33/);

    const stillHers = await api(h, 'GET', `/api/advisor/tickets/${first.ref}`, STAFF.alice44);
    expect(stillHers.body.case).toMatchObject({ status: 'n1_in_progress', level: 1, referent: { subject: 'alice-44' } });
    const onTheNewTicket = (await api(h, 'GET', `/api/advisor/tickets/${second.ref}`, STAFF.alice44)).body.history;
    expect(onTheNewTicket).toEqual([expect.objectContaining({ ref: first.ref, status: 'n1_in_progress', referent: { subject: 'alice-44', name: 'Alice', role: 'advisor' } })]);
  });
});
