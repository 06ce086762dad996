/**
 * Every refusal of the HTTP API is plain French: bad bodies, bad ids, unknown fields, texts too long,
 * on each router, as the advisors' console and the studio show them as they are.
 */
import { call, makeTicket, PEOPLE, startAdvisorApp, tokenOf, type AdvisorHarness } from '../advisors/helpers';

let harness: AdvisorHarness;
let admin: string;
let advisor: string;
let ref: string;

beforeAll(async () => {
  harness = await startAdvisorApp('french-errors', { live: true });
  admin = await tokenOf(PEOPLE.admin);
  advisor = await tokenOf(PEOPLE.advisor44);
  ref = (await makeTicket(harness, '44')).ref;
});
afterAll(() => harness.close());

/** Words of zod's or express's English that must never reach a person. */
const ENGLISH = /\b(the|must|expected|invalid|required|not found|too big|too small|unrecognized|malformed|should|received|unavailable|give|only|may)\b/i;
/** A French sentence: accents or apostrophes of French, or its commonest little words. */
const FRENCH = /[éèêàùç’]|\b(il faut|pas|une?|les?|la|du|des|ce|vous|votre)\b/i;

function expectFrench(answer: { status: number; body: { error?: unknown } | null }, status: number, label: string): void {
  expect({ label, status: answer.status }).toEqual({ label, status });
  const message = answer.body?.error;
  expect({ label, type: typeof message }).toEqual({ label, type: 'string' });
  expect({ label, english: String(message).match(ENGLISH)?.[0] ?? null }).toEqual({ label, english: null });
  expect({ label, message }).toEqual({ label, message: expect.stringMatching(FRENCH) });
}

const long = (n: number) => 'x'.repeat(n);

describe('When a request is refused, then the answer is French and the status right', () => {
  it('on the advisor tickets API', async () => {
    const cases: Array<[string, string, string, unknown, number, string?]> = [
      ['bad id', 'GET', '/api/advisor/tickets/T-44%3A7K3F9Q', undefined, 400],
      ['unknown ticket', 'GET', '/api/advisor/tickets/T-44-7K3F9Q', undefined, 404],
      ['empty change', 'PATCH', `/api/advisor/tickets/${ref}`, {}, 400],
      ['unknown field', 'PATCH', `/api/advisor/tickets/${ref}`, { colour: 'red' }, 400],
      ['service-owned field', 'PATCH', `/api/advisor/tickets/${ref}`, { status: 'solved' }, 400],
      ['comment too long', 'POST', `/api/advisor/tickets/${ref}/comments`, { text: long(5000) }, 400],
      ['comment of the wrong type', 'POST', `/api/advisor/tickets/${ref}/comments`, { text: 12 }, 400],
      ['bad query', 'GET', '/api/advisor/tickets?territory=zz', undefined, 400],
      ['not signed in', 'GET', '/api/advisor/tickets', undefined, 401, 'nobody'],
      ['wrong role', 'GET', '/api/admin/staff', undefined, 403, 'advisor'],
    ];
    for (const [label, method, path, body, status, who] of cases) {
      const token = who === 'nobody' ? null : who === 'advisor' ? advisor : admin;
      expectFrench(await call(harness, method, path, token, body), status, label);
    }
  });

  it('on the directory API', async () => {
    const cases: Array<[string, string, string, unknown, number]> = [
      ['bad territory', 'GET', '/api/directory?territory=zz', undefined, 400],
      ['bad organisation id', 'GET', '/api/directory/organisations/NOT%20AN%20ID', undefined, 400],
      ['unknown organisation', 'GET', '/api/directory/organisations/nobody-here', undefined, 404],
      ['id not the URL’s', 'PUT', '/api/directory/organisations/abc', { id: 'other' }, 400],
      ['bad body', 'PUT', '/api/directory/organisations/abc', { id: 'abc', name: long(1000), unknown: true }, 400],
      ['bad draft id', 'DELETE', '/api/directory/organisations/abc?draft=nope', undefined, 400],
      ['partner without a name', 'POST', `/api/advisor/tickets/${ref}/partners`, { text: '' }, 400],
    ];
    for (const [label, method, path, body, status] of cases) expectFrench(await call(harness, method, path, admin, body), status, label);
  });

  it('on the wrap-up codes API', async () => {
    const cases: Array<[string, string, string, unknown, number, string]> = [
      ['no territory', 'GET', '/api/advisor/wrap-up-codes', undefined, 400, admin],
      ['unknown field', 'PUT', '/api/advisor/wrap-up-codes', { territory: '44', codes: [], extra: 1 }, 400, admin],
      ['label too long', 'PUT', '/api/advisor/wrap-up-codes', { territory: '44', codes: [{ id: 'ok_code', label: long(1000) }] }, 400, admin],
      ['an advisor edits', 'PUT', '/api/advisor/wrap-up-codes', { territory: '44', codes: [{ id: 'ok_code', label: 'Fini' }] }, 403, advisor],
      ['another territory', 'GET', '/api/advisor/wrap-up-codes?territory=35', undefined, 403, advisor],
    ];
    for (const [label, method, path, body, status, token] of cases) expectFrench(await call(harness, method, path, token, body), status, label);
  });

  it('on the staff, presence, GDPR, dashboard, observatory, chat and studio APIs', async () => {
    const cases: Array<[string, string, string, unknown, number]> = [
      ['staff: empty body', 'POST', '/api/admin/staff', {}, 400],
      ['staff: bad e-mail', 'POST', '/api/admin/staff', { email: 'nope', role: 'advisor', territories: ['44'] }, 400],
      ['presence: unknown status', 'PUT', '/api/advisor/presence', { status: 'asleep' }, 400],
      ['gdpr: nothing to look for', 'POST', '/api/admin/gdpr/erase', {}, 400],
      ['dashboard: bad territory', 'GET', '/api/dashboard?territory=zz', undefined, 400],
      ['observatory: bad territory', 'GET', '/api/observatory/zz', undefined, 400],
      ['observatory: bad month', 'GET', '/api/observatory/44?month=2026-13', undefined, 400],
      ['chat: bad id', 'POST', '/api/chats/bad%20id/messages', { text: 'bonjour' }, 400],
      ['chat: unknown conversation', 'POST', '/api/chats/abcdefghijklmnopqrstuvwx/take', {}, 404],
      ['studio: bad draft id', 'GET', '/api/studio/drafts/nope', undefined, 400],
      ['unknown address', 'GET', '/api/nothing-here', undefined, 404],
    ];
    for (const [label, method, path, body, status] of cases) expectFrench(await call(harness, method, path, admin, body), status, label);
  });

  it('on a body that is not JSON', async () => {
    const response = await fetch(`${harness.app.httpBase}/api/advisor/tickets/${ref}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: '{ not json',
    });
    expectFrench({ status: response.status, body: (await response.json()) as { error?: unknown } }, 400, 'bad JSON');
  });
});
