/**
 * The authorisation matrix: roles × endpoints × territories (the advisor's own département 44, another
 * département 35, and the national level XX), every cell asserted against the real app and Redis.
 * A ticket outside one's territories answers 404 (as if it did not exist); a territory one does not
 * work for, 403; a role that may not act, 403.
 */
import type { Principal } from '../../src/advisors/principal';
import type { Ticket } from '../../src/tickets/ticket';
import { PEOPLE, call, makeTicket, startAdvisorApp, tokenOf, type AdvisorHarness } from './helpers';

let harness: AdvisorHarness;
beforeAll(async () => {
  harness = await startAdvisorApp('advisor-matrix');
});
afterAll(async () => {
  await harness.close();
});

/** The authorities (ARS, conseil départemental, MDPH) of 44: the observatory only, so every endpoint here refuses them. */
const AUTHORITY_44: Principal = { subject: 'ars-44', role: 'authority', territories: ['44'] };
const ROLES = { advisor: PEOPLE.advisor44, coordinator: PEOPLE.coordinator44, national_admin: PEOPLE.admin, authority: AUTHORITY_44 } as const;
type RoleName = keyof typeof ROLES;
const TERRITORIES = { own: '44', other: '35', national: null } as const;
type Column = keyof typeof TERRITORIES;

const sees = (role: RoleName, column: Column) => role !== 'authority' && (role === 'national_admin' || column === 'own');

type Step = [method: string, path: (t: Ticket) => string, body?: unknown];
interface Endpoint {
  /** Steps the actor (or, when it cannot see the ticket, the national admin) takes first. */
  before?: Step[];
  act: Step;
  expected(role: RoleName, column: Column): number;
}

const take: Step = ['POST', (t) => `/api/advisor/tickets/${t.ref}/take`, {}];
const comment: Step = ['POST', (t) => `/api/advisor/tickets/${t.ref}/comments`, { text: 'Premier échange' }];
const toN2: Step = ['POST', (t) => `/api/advisor/tickets/${t.ref}/level`, { level: 2, staffDate: '2026-12-01' }];
const territoryOf = (t: Ticket) => t.departement ?? 'XX';
const ifSeen = (ok: number) => (role: RoleName, column: Column) => (sees(role, column) ? ok : 404);

const ENDPOINTS: Record<string, Endpoint> = {
  'GET /api/advisor/tickets/:ref': { act: ['GET', (t) => `/api/advisor/tickets/${t.ref}`], expected: ifSeen(200) },
  'POST take': { act: take, expected: ifSeen(200) },
  'PATCH update': { before: [take], act: ['PATCH', (t) => `/api/advisor/tickets/${t.ref}`, { nextAction: { text: 'Rappeler', due: '25/11/2026 14:30' } }], expected: ifSeen(200) },
  'POST comments': { act: comment, expected: ifSeen(201) },
  'POST level 2': { before: [take], act: toN2, expected: ifSeen(200) },
  'POST level 3': {
    before: [take, toN2],
    act: ['POST', (t) => `/api/advisor/tickets/${t.ref}/level`, { level: 3, missing: ['no_place_available'] }],
    expected: (role, column) => (!sees(role, column) ? 404 : role === 'advisor' ? 403 : 200),
  },
  'POST close': { before: [take, comment], act: ['POST', (t) => `/api/advisor/tickets/${t.ref}/close`, { wrapUp: 'solution_in_place', note: 'Aide à domicile en place' }], expected: ifSeen(200) },
  'GET audit': {
    act: ['GET', (t) => `/api/advisor/tickets/${t.ref}/audit`],
    expected: (role, column) => (role === 'advisor' ? 403 : sees(role, column) ? 200 : 404),
  },
  'GET agenda of the territory': { act: ['GET', (t) => `/api/advisor/agenda?territory=${territoryOf(t)}`], expected: (role, column) => (sees(role, column) ? 200 : 403) },
  'GET callbacks of the territory': { act: ['GET', (t) => `/api/advisor/callbacks?territory=${territoryOf(t)}`], expected: (role, column) => (sees(role, column) ? 200 : 403) },
  'GET list of the territory': { act: ['GET', (t) => `/api/advisor/tickets?territory=${territoryOf(t)}`], expected: (role, column) => (sees(role, column) ? 200 : 403) },
  'GET observatory': { act: ['GET', () => '/api/advisor/observatory/unmet-needs'], expected: (role) => (role === 'advisor' ? 403 : 200) },
  'GET /api/tickets/:ref (screen pop)': { act: ['GET', (t) => `/api/tickets/${t.ref}`], expected: ifSeen(200) },
  'GET /api/calls/:callSid/ticket': { act: ['GET', (t) => `/api/calls/${t.conversationId}/ticket`], expected: ifSeen(200) },
};

async function run(step: Step, ticket: Ticket, principal: Principal) {
  const [method, path, body] = step;
  return call(harness, method, path(ticket), await tokenOf(principal), body);
}

describe('the authorisation matrix', () => {
  for (const [endpoint, spec] of Object.entries(ENDPOINTS)) {
    for (const role of Object.keys(ROLES) as RoleName[]) {
      for (const column of Object.keys(TERRITORIES) as Column[]) {
        const expected = role === 'authority' ? 403 : spec.expected(role, column);
        it(`When ${role === 'authority' ? 'an' : 'a'} ${role} of 44 calls ${endpoint} for a ticket of ${TERRITORIES[column] ?? 'XX'}, then the answer is ${expected}`, async () => {
          const actor = ROLES[role];
          const ticket = await makeTicket(harness, TERRITORIES[column]);
          const preparer = sees(role, column) ? actor : PEOPLE.admin;
          for (const before of spec.before ?? []) expect((await run(before, ticket, preparer)).status).toBeLessThan(300);
          const answer = await run(spec.act, ticket, actor);
          expect({ status: answer.status, body: answer.status >= 400 ? Object.keys(answer.body) : 'ok' }).toEqual({
            status: expected,
            body: expected >= 400 ? ['error'] : 'ok',
          });
          if (answer.status === 404) expect(JSON.stringify(answer.body)).not.toContain(ticket.ref);
        });
      }
    }
  }

  for (const [endpoint, spec] of Object.entries(ENDPOINTS)) {
    it(`When nobody is signed in, or the token is forged, then ${endpoint} answers 401`, async () => {
      const ticket = await makeTicket(harness, '44');
      const [method, path] = spec.act;
      expect((await call(harness, method, path(ticket), null)).status).toBe(401);
      const forged = `${(await tokenOf(PEOPLE.admin)).slice(0, -4)}AAAA`;
      expect((await call(harness, method, path(ticket), forged)).status).toBe(401);
    });
  }

  it('When an advisor lists their tickets, then lists never contain another territory’s nor national tickets', async () => {
    const own = await makeTicket(harness, '44');
    const other = await makeTicket(harness, '35');
    const national = await makeTicket(harness, null);
    const refs = async (principal: Principal) =>
      ((await run(['GET', () => '/api/advisor/tickets?limit=500'], own, principal)).body.tickets as Array<{ ticket: { ref: string } }>).map((t) => t.ticket.ref);
    const advisorSees = await refs(PEOPLE.advisor44);
    expect(advisorSees).toContain(own.ref);
    expect(advisorSees).not.toContain(other.ref);
    expect(advisorSees).not.toContain(national.ref);
    expect(advisorSees.every((ref) => ref.startsWith('T-44-'))).toBe(true);
    const coordinatorSees = await refs(PEOPLE.coordinator44);
    expect(coordinatorSees.every((ref) => ref.startsWith('T-44-') || ref.startsWith('T-85-'))).toBe(true);
    const adminSees = await refs(PEOPLE.admin);
    expect(adminSees).toEqual(expect.arrayContaining([own.ref, other.ref, national.ref]));
  });

  it('When a live chat belongs to another territory (or to the national level), then its relay answers 404 to the advisor', async () => {
    const national = await makeTicket(harness, null, { channel: 'chat' });
    const answer = await call(harness, 'POST', `/api/chats/${national.conversationId}/take`, await tokenOf(PEOPLE.advisor44), {});
    expect(answer.status).toBe(404);
    expect((await call(harness, 'POST', `/api/chats/${national.conversationId}/take`, null, {})).status).toBe(401);
  });

  it('When a token lacks the role or territories claims, or names a national admin with a list, then it is refused (401)', async () => {
    const { SignJWT } = await import('jose');
    const { TEST_ADVISOR_AUTH } = await import('../support/testApp');
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('mallory')
        .setIssuer(TEST_ADVISOR_AUTH.issuer)
        .setAudience(TEST_ADVISOR_AUTH.audience)
        .setExpirationTime(4102444800)
        .sign(new TextEncoder().encode(TEST_ADVISOR_AUTH.devSigningKey));
    const me = async (token: string) => (await call(harness, 'GET', '/api/advisor/me', token)).status;
    expect(await me(await sign({ o360_role: 'advisor' }))).toBe(401);
    expect(await me(await sign({ o360_role: 'superuser', o360_territories: ['44'] }))).toBe(401);
    expect(await me(await sign({ o360_role: 'advisor', o360_territories: 'all' }))).toBe(401);
    expect(await me(await sign({ o360_role: 'national_admin', o360_territories: ['44'] }))).toBe(401);
    expect(await me(await sign({ o360_role: 'advisor', o360_territories: ['44'] }))).toBe(200);
    const wrongAudience = await new SignJWT({ o360_role: 'advisor', o360_territories: ['44'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(TEST_ADVISOR_AUTH.issuer)
      .setAudience('another-service')
      .setExpirationTime(4102444800)
      .sign(new TextEncoder().encode(TEST_ADVISOR_AUTH.devSigningKey));
    expect(await me(wrongAudience)).toBe(401);
  });
});
