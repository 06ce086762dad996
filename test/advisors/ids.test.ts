/**
 * Ids are checked at the edge: a malformed ticket ref, CallSid or conversation id is a 400 that says
 * what is expected (not a 503 that looks like a Redis outage); a well-formed unknown id is a 404.
 */
import { makeTicket, PEOPLE, startAdvisorApp, tokenOf, type AdvisorHarness } from './helpers';

let harness: AdvisorHarness;
let adminToken: string;

beforeAll(async () => {
  harness = await startAdvisorApp('ids');
  adminToken = await tokenOf(PEOPLE.admin);
});
afterAll(() => harness.close());

/** Each character the key builder refuses, as a client would put it in a URL. */
const MALFORMED = ['T-44:7K3F9Q', 'T-44-*', 'T-44 7K3F9Q', 'T-44-[AB]', 'T-44-?'].map(encodeURIComponent);

async function call(method: string, path: string, token: string | null = adminToken, body?: unknown) {
  const response = await fetch(`${harness.app.httpBase}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

describe('ticket refs', () => {
  it.each(MALFORMED)('When an advisor asks for ticket %s, then the API answers 400 saying what a ref looks like', async (ref) => {
    for (const [method, path, body] of [
      ['GET', `/api/advisor/tickets/${ref}`],
      ['GET', `/api/advisor/tickets/${ref}/audit`],
      ['POST', `/api/advisor/tickets/${ref}/take`, {}],
      ['PATCH', `/api/advisor/tickets/${ref}`, { needs: ['logement'] }],
      ['GET', `/api/tickets/${ref}`],
    ] as const) {
      const answer = await call(method, path, adminToken, body);
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.body.error).toMatch(/^Le paramètre « ref » n’est pas valide : il faut une référence de dossier/);
    }
  });

  it('When a well-formed ref is unknown, then the API answers 404; a known one still answers 200', async () => {
    expect((await call('GET', '/api/advisor/tickets/T-44-7K3F9Q')).status).toBe(404);
    expect((await call('GET', '/api/tickets/T-44-7K3F9Q')).status).toBe(404);
    const ticket = await makeTicket(harness, '44');
    expect((await call('GET', `/api/advisor/tickets/${ticket.ref}`)).status).toBe(200);
  });

  it('When nobody is signed in, then a malformed ref is still a 401, not a hint about ids', async () => {
    expect((await call('GET', `/api/tickets/${MALFORMED[0]}`, null)).status).toBe(401);
  });
});

describe('CallSids and conversation ids', () => {
  it('When the pre-filled ticket of a malformed CallSid is asked for, then 400; of an unknown one, 404', async () => {
    expect((await call('GET', `/api/calls/${encodeURIComponent('CA:1')}/ticket`)).status).toBe(400);
    expect((await call('GET', `/api/calls/CA${'0'.repeat(32)}/ticket`)).status).toBe(404);
  });

  it.each(['a:b', 'a*b', 'a b', 'a[b', 'a?b'].map(encodeURIComponent))(
    'When an advisor opens chat %s, then the relay answers 400 instead of 503',
    async (id) => {
      const answer = await call('GET', `/api/chats/${id}/transcript`);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(/^Le paramètre « conversationId » n’est pas valide/);
    },
  );
});
