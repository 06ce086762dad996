/**
 * The desk's API, on the real app and a real Redis: wrap-up codes (the national list from
 * config/wrap-up-codes.yaml, a territory's own list kept by its coordinators, audited; required to
 * close, shown in the person's history), the next action typed the French way in the territory's time
 * zone and listed once due (« rappel dû »), and capacity (a staff account's limit, live chats counted
 * by the server, the team's availability with the advisors who have room first).
 */
import { join } from 'node:path';
import type { Principal } from '../../src/advisors/principal';
import { loadWrapUpCodes } from '../../src/advisors/wrapUpCodes';
import { REPO_ROOT } from '../support/config';
import { WebChatUser } from '../support/webChatUser';
import { NOW, PEOPLE, call, makeTicket, startAdvisorApp, tokenOf, type AdvisorHarness } from './helpers';

let harness: AdvisorHarness;
beforeAll(async () => {
  harness = await startAdvisorApp('desk-api');
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => harness.clock.set(NOW));

const NATIONAL = loadWrapUpCodes(join(REPO_ROOT, 'config', 'wrap-up-codes.yaml'));
const OWN_44 = [
  { id: 'oriented_to_cercle', label: 'Orientée vers le CERCLE (cercle local)' },
  { id: 'solution_in_place', label: 'Solution trouvée avec la personne' },
];

/** The audit trail of the day, as stored (one list per day). */
async function auditOfToday(): Promise<Array<{ action: string; territory?: string; actor: { subject: string }; detail?: unknown }>> {
  return (await harness.redis.store.listRange(harness.redis.keys.auditOfDay(NOW.slice(0, 10)), 0, -1)).map((line) => JSON.parse(line));
}

async function takenTicket(departement: string | null, token: string) {
  const ticket = await makeTicket(harness, departement);
  expect((await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/take`, token, {})).status).toBe(200);
  return ticket;
}

describe('wrap-up codes', () => {
  it('When nobody changed them, then every territory closes with the national list, and a ticket cannot close without a code of it', async () => {
    const alice = await tokenOf(PEOPLE.advisor44);
    const listed = await call(harness, 'GET', '/api/advisor/wrap-up-codes?territory=44', alice);
    expect(listed).toEqual({ status: 200, body: { territory: '44', source: 'national', codes: NATIONAL } });
    expect(NATIONAL.length).toBeGreaterThan(3);

    const ticket = await takenTicket('44', alice);
    await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/comments`, alice, { text: 'Appel rassurant' });
    expect((await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/close`, alice, { note: 'Sans code' })).status).toBe(400);
    const unknown = await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/close`, alice, { wrapUp: 'not_in_list' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('Le code de clôture not_in_list n’est pas dans la liste');
    const closed = await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/close`, alice, { wrapUp: 'information_given', note: 'Informée des aides au répit' });
    expect(closed.status).toBe(200);
    expect(closed.body.case).toMatchObject({ status: 'solved', wrapUp: { id: 'information_given', label: 'Information donnée', note: 'Informée des aides au répit' } });

    expect((await call(harness, 'GET', '/api/advisor/wrap-up-codes?territory=35', alice)).status).toBe(403);
    expect((await call(harness, 'GET', '/api/advisor/wrap-up-codes', alice)).status).toBe(400);
  });

  it('When the coordinator of 44 gives 44 its own list, then 44 closes with it (audited, advisors may not change it, 35 keeps the national list), and a reset brings the national list back', async () => {
    const dora = await tokenOf(PEOPLE.coordinator44);
    const alice = await tokenOf(PEOPLE.advisor44);
    expect((await call(harness, 'PUT', '/api/advisor/wrap-up-codes', alice, { territory: '44', codes: OWN_44 })).status).toBe(403);
    expect((await call(harness, 'PUT', '/api/advisor/wrap-up-codes', dora, { territory: '35', codes: OWN_44 })).status).toBe(403);
    const twice = await call(harness, 'PUT', '/api/advisor/wrap-up-codes', dora, { territory: '44', codes: [OWN_44[0], OWN_44[0]] });
    expect(twice.status).toBe(400);
    expect(twice.body.error).toContain('est deux fois dans la liste');
    expect((await call(harness, 'PUT', '/api/advisor/wrap-up-codes', dora, { territory: '44', codes: [] })).status).toBe(400);

    const saved = await call(harness, 'PUT', '/api/advisor/wrap-up-codes', dora, { territory: '44', codes: OWN_44 });
    expect(saved).toEqual({ status: 200, body: { territory: '44', source: 'territory', codes: OWN_44 } });
    expect((await call(harness, 'GET', '/api/advisor/wrap-up-codes?territory=44', alice)).body.codes).toEqual(OWN_44);
    expect((await call(harness, 'GET', '/api/advisor/wrap-up-codes?territory=35', await tokenOf(PEOPLE.advisor35))).body.source).toBe('national');

    const ticket = await takenTicket('44', alice);
    await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/comments`, alice, { text: 'Suivi' });
    expect((await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/close`, alice, { wrapUp: 'information_given' })).status).toBe(400);
    const closed = await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/close`, alice, { wrapUp: 'oriented_to_cercle' });
    expect(closed.body.case.wrapUp).toEqual({ id: 'oriented_to_cercle', label: 'Orientée vers le CERCLE (cercle local)' });

    const change = (await auditOfToday()).find((entry) => entry.action === 'wrapup.update');
    expect(change).toMatchObject({ actor: { subject: 'dora-44' }, territory: '44', detail: { count: 2, ids: ['oriented_to_cercle', 'solution_in_place'] } });

    const reset = await call(harness, 'DELETE', '/api/advisor/wrap-up-codes?territory=44', dora);
    expect(reset.body).toEqual({ territory: '44', source: 'national', codes: NATIONAL });
    expect((await auditOfToday()).some((entry) => entry.action === 'wrapup.reset' && entry.territory === '44')).toBe(true);
  });
});

describe('the next action and its reminder', () => {
  it('When an advisor types « 25/11/2026 14:30 », then it is 14:30 in the territory’s own time zone, it is kept with the case (TTL), and the case is listed as « rappel dû » only once that time has come', async () => {
    const alice = await tokenOf(PEOPLE.advisor44);
    const ticket = await takenTicket('44', alice);
    const set = await call(harness, 'PATCH', `/api/advisor/tickets/${ticket.ref}`, alice, { nextAction: { text: 'Rappeler la MDPH', due: '25/11/2026 14:30' } });
    expect(set.status).toBe(200);
    expect(set.body.case.nextAction).toEqual({ text: 'Rappeler la MDPH', due: '2026-11-25T13:30:00.000Z', timeZone: 'Europe/Paris' });
    expect(await harness.redis.store.ttl(harness.redis.keys.ticketCase(ticket.ref))).toBeGreaterThan(0);

    const due = async () => (await call(harness, 'GET', '/api/advisor/tickets?reminderDue=true', alice)).body.tickets.map((v: { ticket: { ref: string } }) => v.ticket.ref);
    expect(await due()).not.toContain(ticket.ref);
    harness.clock.set('2026-11-25T13:29:00.000Z');
    expect(await due()).not.toContain(ticket.ref);
    harness.clock.set('2026-11-25T13:30:00.000Z');
    expect(await due()).toContain(ticket.ref);
    expect(await due()).toHaveLength(1);

    // Cleared: no longer due.
    expect((await call(harness, 'PATCH', `/api/advisor/tickets/${ticket.ref}`, alice, { nextAction: null })).body.case.nextAction).toBeUndefined();
    expect(await due()).not.toContain(ticket.ref);
  });

  it('When the territory is La Réunion, then the same words mean 14:30 in Indian/Reunion; a date that does not exist or another format is refused', async () => {
    const reunion: Principal = { subject: 'rose-974', role: 'advisor', territories: ['974'] };
    const rose = await tokenOf(reunion);
    const ticket = await takenTicket('974', rose);
    const set = await call(harness, 'PATCH', `/api/advisor/tickets/${ticket.ref}`, rose, { nextAction: { text: 'Rappeler', due: '25/11/2026 14h30' } });
    expect(set.body.case.nextAction).toEqual({ text: 'Rappeler', due: '2026-11-25T10:30:00.000Z', timeZone: 'Indian/Reunion' });
    for (const due of ['31/02/2026 10:00', '2026-11-25', '25/11/2026', '25/11/2026 25:00']) {
      const refused = await call(harness, 'PATCH', `/api/advisor/tickets/${ticket.ref}`, rose, { nextAction: { text: 'Rappeler', due } });
      expect([due, refused.status]).toEqual([due, 400]);
    }
    const iso = await call(harness, 'PATCH', `/api/advisor/tickets/${ticket.ref}`, rose, { nextAction: { text: 'Rappeler', due: '2026-11-26T08:00:00+04:00' } });
    expect(iso.body.case.nextAction.due).toBe('2026-11-26T04:00:00.000Z');
  });
});

describe('capacity', () => {
  /** A chat handed to 44 and taken live by `token`'s advisor. */
  async function liveChat(token: string): Promise<string> {
    const user = new WebChatUser(harness.app);
    await user.open();
    await user.press('Parler à un conseiller', '0');
    await user.write('44000');
    const ticket = await harness.app.app.tickets.getByConversation(user.conversationId);
    if (!ticket) throw new Error('no ticket for the chat');
    expect((await call(harness, 'POST', `/api/advisor/tickets/${ticket.ref}/take`, token, {})).status).toBe(200);
    expect((await call(harness, 'POST', `/api/chats/${user.conversationId}/take`, token, {})).status).toBe(200);
    return ticket.ref;
  }

  it('When a staff account allows 2 chats, then its advisor may not set 3; the server counts their live chats; the coordinator sees who has room first', async () => {
    const admin = await tokenOf(PEOPLE.admin);
    const created = await call(harness, 'POST', '/api/admin/staff', admin, { email: 'bruno@360.test', role: 'advisor', territories: ['44'], maxChats: 2 });
    expect(created.status).toBe(201);
    expect(created.body.maxChats).toBe(2);
    expect((await call(harness, 'POST', '/api/admin/staff', admin, { email: 'x@360.test', role: 'advisor', territories: ['44'], maxChats: 11 })).status).toBe(400);
    // Bruno signs in once through the provider: his account is bound to his subject.
    const signedIn = await harness.app.app.staff.signIn({ subject: 'bruno-44', email: 'bruno@360.test', emailVerified: true });
    expect(signedIn.ok).toBe(true);

    const bruno = await tokenOf(PEOPLE.otherAdvisor44);
    const alice = await tokenOf(PEOPLE.advisor44);
    const tooMany = await call(harness, 'PUT', '/api/advisor/presence', bruno, { state: 'available', capacity: 3 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toContain('2 chats en même temps au plus');
    const bounded = await call(harness, 'PUT', '/api/advisor/presence', bruno, { state: 'available', capacity: 1 });
    expect(bounded.body).toMatchObject({ state: 'available', capacity: 1, load: 0, room: 1, maxCapacity: 2 });
    expect((await call(harness, 'PUT', '/api/advisor/presence', alice, { state: 'available', capacity: 3 })).body).toMatchObject({ room: 3, maxCapacity: 10 });
    await call(harness, 'PUT', '/api/advisor/presence', await tokenOf({ subject: 'paul-44', role: 'advisor', territories: ['44'] }), { state: 'paused', capacity: 2 });

    await liveChat(bruno);
    await liveChat(alice);
    expect((await call(harness, 'GET', '/api/advisor/presence', bruno)).body).toMatchObject({ load: 1, room: 0, capacity: 1 });
    expect((await call(harness, 'GET', '/api/advisor/presence', alice)).body).toMatchObject({ load: 1, room: 2 });

    const team = await call(harness, 'GET', '/api/advisor/presence?territory=44', await tokenOf(PEOPLE.coordinator44));
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({ territory: '44', available: 2, withRoom: 1 });
    expect(team.body.advisors.map((a: { subject: string; state: string; load: number; room: number }) => [a.subject, a.state, a.load, a.room])).toEqual([
      ['alice-44', 'available', 1, 2],
      ['bruno-44', 'available', 1, 0],
      ['paul-44', 'paused', 0, 0],
    ]);
  });
});

describe('the OpenAPI document', () => {
  it('When it is fetched, then it documents the wrap-up codes, the close body, the reminder filter and the presence with its load', async () => {
    const doc = (await (await fetch(`${harness.app.httpBase}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(Object.keys(doc.paths['/api/advisor/wrap-up-codes'] ?? {})).toEqual(['get', 'put', 'delete']);
    expect(JSON.stringify(doc.paths['/api/advisor/tickets/{ref}/close'])).toContain('wrapUp');
    expect(JSON.stringify(doc.paths['/api/advisor/tickets'])).toContain('reminderDue');
    expect(JSON.stringify(doc.paths['/api/advisor/tickets/{ref}'])).toContain('jj/mm/aaaa hh:mm');
    expect(Object.keys(doc.components.schemas.Presence?.properties ?? {})).toEqual(expect.arrayContaining(['capacity', 'load', 'room', 'maxCapacity']));
    expect(Object.keys(doc.components.schemas.CaseFile?.properties ?? {})).toEqual(expect.arrayContaining(['wrapUp', 'nextAction']));
  });
});
