/**
 * GDPR rights over one person's data (phone number or e-mail), through the real app on a real Redis:
 * a national admin exports everything held and erases it; after erasure nothing in the namespace holds
 * the number (in any form), the e-mail or the words the person wrote; the audit entry holds counts.
 */
import { api, callFrom, chatWithCallback, everythingStored, startPeopleApp, STAFF, TIMES, TO_44, type PeopleHarness } from '../people/support';

let h: PeopleHarness;
beforeAll(async () => {
  h = await startPeopleApp('gdpr');
});
afterAll(async () => {
  await h.close();
});

const NUMBER = '+33634567891';
const EMAIL = 'Zephyrine.Quillard@exemple.fr';
/** What the person wrote in the chat, and a note an advisor wrote about her. */
const HER_WORDS = 'Bonjour, je suis Zéphyrine Quillard, ma fille attend une place en IME';
const NOTE = 'Mme Quillard rappelle pour sa fille, orientation IME notifiée';

/** Every form the number may take in what is stored. */
const NUMBER_FORMS = [NUMBER, '0634567891', '06 34 56 78 91', '06.34.56.78.91', '634567891', '"lastDigits":"91"', 'par 9 1', '9 1.'];
const NAME_FORMS = [/quillard/i, /z[ée]phyrine/i, /IME notifi/];

let refs: { firstCall: string; callback: string; chatByPhone: string; chatByEmail: string; stranger: string };

beforeAll(async () => {
  h.clock.set(TIMES.mondayMorningParis);
  const firstCall = await callFrom(h, NUMBER, TO_44);
  expect((await api(h, 'POST', `/api/advisor/tickets/${firstCall.ref}/take`, STAFF.alice44, {})).status).toBe(200);
  expect((await api(h, 'POST', `/api/advisor/tickets/${firstCall.ref}/comments`, STAFF.alice44, { text: NOTE })).status).toBe(201);
  const stranger = await callFrom(h, '+33699999999', TO_44);

  h.clock.set(TIMES.mondayEveningParis);
  // Out of hours, a callback on her own number; the call is still live (no status callback yet).
  const callback = await callFrom(h, NUMBER, ['1', '1', '1', '44000', '1', '1', '1'], { hangUp: false });
  // The chat, still open: she gives her number and agrees to the link; another chat with her e-mail, no link.
  const chatByPhone = await chatWithCallback(h, { postcode: '44000', contact: '06 34 56 78 91', consent: 'Oui', firstWords: HER_WORDS });
  const chatByEmail = await chatWithCallback(h, { postcode: '44000', contact: `écrivez-moi à ${EMAIL}`, consent: 'Non' });
  refs = { firstCall: firstCall.ref, callback: callback.ref, chatByPhone: chatByPhone.ref, chatByEmail: chatByEmail.ref, stranger: stranger.ref };
  const stored = await everythingStored(h);
  // The test would prove nothing if the data were not there before.
  expect(stored).toMatch(/quillard/i);
  expect(stored).toContain('06 34 56 78 91');
});

describe('who may ask', () => {
  it.each([
    ['an advisor', STAFF.alice44],
    ['a coordinator', STAFF.coordinator44],
  ])('When %s asks for an export or an erasure, then it is refused (403) and nothing is erased', async (_who, principal) => {
    expect((await api(h, 'POST', '/api/admin/gdpr/export', principal, { phone: NUMBER })).status).toBe(403);
    expect((await api(h, 'POST', '/api/admin/gdpr/erase', principal, { phone: NUMBER, confirm: true })).status).toBe(403);
    expect((await api(h, 'GET', `/api/advisor/tickets/${refs.firstCall}`, STAFF.admin)).status).toBe(200);
  });

  it('When the body is wrong, then 400 names the field, never echoes the value, and nothing is erased', async () => {
    const both = await api(h, 'POST', '/api/admin/gdpr/export', STAFF.admin, { phone: NUMBER, email: EMAIL });
    expect(both.status).toBe(400);
    expect(both.body.error).toContain('soit « phone », soit « email »');
    const bad = await api(h, 'POST', '/api/admin/gdpr/export', STAFF.admin, { phone: '06 34 56 78 9X' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('phone');
    expect(bad.body.error).not.toContain('56 78');
    const unconfirmed = await api(h, 'POST', '/api/admin/gdpr/erase', STAFF.admin, { phone: NUMBER });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error).toContain('confirm');
    expect((await api(h, 'POST', '/api/admin/gdpr/export', STAFF.admin, '{"phone":')).status).toBe(400);
    expect((await api(h, 'GET', `/api/advisor/tickets/${refs.callback}`, STAFF.admin)).status).toBe(200);
  });
});

describe('export', () => {
  it('When a national admin exports a phone number (any format), then it returns her tickets, case files, transcripts, callbacks, history links and audit', async () => {
    const exported = await api(h, 'POST', '/api/admin/gdpr/export', STAFF.admin, { phone: '06 34 56 78 91' });
    expect(exported.status).toBe(200);
    const body = exported.body;
    expect(body.tickets.map((t: { ref: string }) => t.ref).sort()).toEqual([refs.firstCall, refs.callback, refs.chatByPhone].sort());
    expect(body.historyLinks.refs.sort()).toEqual([refs.firstCall, refs.callback, refs.chatByPhone].sort());
    expect(body.caseFiles).toEqual([expect.objectContaining({ ref: refs.firstCall, notes: [expect.objectContaining({ text: NOTE })] })]);
    expect(body.callbacks.map((c: { ref: string; number: string }) => [c.ref, c.number]).sort()).toEqual([[refs.callback, NUMBER], [refs.chatByPhone, NUMBER]].sort());
    const transcripts = body.transcripts.filter((t: { ref: string }) => t.ref === refs.chatByPhone);
    expect(transcripts.map((t: { source: string }) => t.source).sort()).toEqual(['live_chat', 'ticket']);
    expect(JSON.stringify(transcripts)).toContain(HER_WORDS);
    expect(body.audit.find((a: { ref: string }) => a.ref === refs.firstCall).entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['ticket.take', 'ticket.comment']),
    );
    expect(JSON.stringify(body)).not.toContain(refs.stranger);
  });

  it('When a national admin exports an e-mail address, then the chat that kept it for a callback is found even without a history link', async () => {
    const exported = await api(h, 'POST', '/api/admin/gdpr/export', STAFF.admin, { email: EMAIL.toUpperCase() });
    expect(exported.status).toBe(200);
    expect(exported.body.tickets.map((t: { ref: string }) => t.ref)).toEqual([refs.chatByEmail]);
    expect(exported.body.callbacks).toEqual([expect.objectContaining({ ref: refs.chatByEmail, contact: 'email', email: EMAIL.toLowerCase() })]);
    expect(exported.body.historyLinks.refs).toEqual([]);
  });
});

describe('erasure', () => {
  it('When a national admin erases the number and the e-mail, then no key holds them in any form, nor her words, the history is gone, and the audit entries hold counts only', async () => {
    const byPhone = await api(h, 'POST', '/api/admin/gdpr/erase', STAFF.admin, { phone: NUMBER, confirm: true });
    expect(byPhone.status).toBe(200);
    expect(byPhone.body).toMatchObject({ tickets: 3, caseFiles: 1, callbacks: 2, historyLinks: 3 });
    expect(byPhone.body.liveConversations).toBeGreaterThanOrEqual(2); // the live call and the open chat
    const byEmail = await api(h, 'POST', '/api/admin/gdpr/erase', STAFF.admin, { email: EMAIL, confirm: true });
    expect(byEmail.body).toMatchObject({ tickets: 1, callbacks: 1, historyLinks: 0 });

    const stored = await everythingStored(h);
    for (const form of NUMBER_FORMS) expect(stored).not.toContain(form);
    for (const form of NAME_FORMS) expect(stored).not.toMatch(form);
    expect(stored.toLowerCase()).not.toContain(EMAIL.toLowerCase());
    expect(stored).not.toContain('z…@exemple.fr');
    // Her history links are gone; only the other caller's remains.
    expect(stored.match(/person-tickets:\{[0-9a-f]{64}\} => .*/g)).toEqual([expect.stringContaining(refs.stranger)]);

    for (const ref of [refs.firstCall, refs.callback, refs.chatByPhone, refs.chatByEmail]) {
      expect((await api(h, 'GET', `/api/advisor/tickets/${ref}`, STAFF.admin)).status).toBe(404);
    }
    // Someone else's ticket is untouched.
    expect((await api(h, 'GET', `/api/advisor/tickets/${refs.stranger}`, STAFF.admin)).status).toBe(200);

    const day = await h.raw.lRange(h.keys.auditOfDay(TIMES.mondayEveningParis.slice(0, 10)), 0, -1);
    const gdprEntries = day.map((line) => JSON.parse(line)).filter((entry) => String(entry.action).startsWith('gdpr.'));
    expect(gdprEntries.map((entry) => entry.action)).toEqual(['gdpr.export', 'gdpr.export', 'gdpr.erase', 'gdpr.erase']);
    const erased = gdprEntries[2];
    expect(Object.keys(erased).sort()).toEqual(['action', 'actor', 'at', 'detail']);
    expect(Object.keys(erased.detail).sort()).toEqual(['callbacks', 'caseFiles', 'historyLinks', 'liveConversations', 'person', 'tickets', 'transcripts']);
    expect(erased.detail.person).toMatch(/^[0-9a-f]{16}$/);

    // The same number calling again starts a history of its own: nothing of before.
    h.clock.set(TIMES.mondayMorningParis);
    const again = await callFrom(h, NUMBER, TO_44);
    expect((await api(h, 'GET', `/api/advisor/tickets/${again.ref}`, STAFF.admin)).body.history).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('When it is fetched, then it documents both GDPR requests (body, 403) and the history on a ticket', async () => {
    const doc = (await (await fetch(`${h.app.httpBase}/api/openapi.json`)).json()) as {
      paths: Record<string, { post?: { requestBody: unknown; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    for (const path of ['/api/admin/gdpr/export', '/api/admin/gdpr/erase']) {
      expect(Object.keys(doc.paths[path]?.post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '403']));
      expect(JSON.stringify(doc.paths[path]?.post?.requestBody)).toContain('"phone"');
    }
    expect(JSON.stringify(doc.paths['/api/admin/gdpr/erase']?.post?.requestBody)).toContain('"confirm"');
    expect(Object.keys(doc.components.schemas.TicketView?.properties ?? {})).toContain('history');
  });
});
