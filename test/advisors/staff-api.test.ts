/**
 * The staff accounts API (/api/admin/staff) with bearer tokens (API clients): who manages whom, input
 * validation, and the audit of every change. The same API through the console's session and CSRF is
 * in signIn.test.ts.
 */
import { PEOPLE, call, startAdvisorApp, tokenOf, type AdvisorHarness } from './helpers';

let harness: AdvisorHarness;
let admin: string;
let coordinator44: string;
let advisor44: string;
beforeAll(async () => {
  harness = await startAdvisorApp('staff-api');
  admin = await tokenOf(PEOPLE.admin);
  coordinator44 = await tokenOf({ subject: 'coord-44-only', role: 'coordinator', territories: ['44'] });
  advisor44 = await tokenOf(PEOPLE.advisor44);
  for (const account of [
    { email: 'Coord.44@Example.fr', role: 'coordinator', territories: ['44'] },
    { email: 'advisor.44@example.fr', role: 'advisor', territories: ['44'] },
    { email: 'advisor.35@example.fr', role: 'advisor', territories: ['35'] },
    { email: 'advisor.44-35@example.fr', role: 'advisor', territories: ['44', '35'] },
  ]) {
    const created = await call(harness, 'POST', '/api/admin/staff', admin, account);
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  }
});
afterAll(() => harness.close());

const emails = (answer: { body: { accounts: Array<{ email: string }> } }) => answer.body.accounts.map((a) => a.email);

describe('national admins manage every account', () => {
  it('When a national admin creates accounts, then they are listed with who created them, e-mails in lower case', async () => {
    const listed = await call(harness, 'GET', '/api/admin/staff', admin);
    expect(listed.status).toBe(200);
    expect(emails(listed)).toEqual(['advisor.35@example.fr', 'advisor.44-35@example.fr', 'advisor.44@example.fr', 'coord.44@example.fr']);
    expect(listed.body.accounts[3]).toMatchObject({ role: 'coordinator', territories: ['44'], createdBy: PEOPLE.admin.subject, createdAt: '2026-11-23T09:00:00.000Z' });
  });

  it('When the same e-mail is created twice, then the second is refused with 409', async () => {
    expect((await call(harness, 'POST', '/api/admin/staff', admin, { email: 'ADVISOR.44@example.fr', role: 'advisor', territories: ['44'] })).status).toBe(409);
  });

  it('When a body is wrong (e-mail, territories of an admin, an unknown field, a bad département), then 400 names the field and nothing is created', async () => {
    const bad = [
      { email: 'not-an-email', role: 'advisor', territories: ['44'] },
      { email: 'x@example.fr', role: 'national_admin', territories: ['44'] },
      { email: 'x@example.fr', role: 'advisor', territories: 'all' },
      { email: 'x@example.fr', role: 'advisor', territories: ['44'], subject: 'forged' },
      { email: 'x@example.fr', role: 'advisor', territories: ['99'] },
      { email: 'x@example.fr', role: 'boss', territories: ['44'] },
    ];
    for (const body of bad) {
      const answer = await call(harness, 'POST', '/api/admin/staff', admin, body);
      expect([answer.status, typeof answer.body.error]).toEqual([400, 'string']);
    }
    expect((await call(harness, 'PUT', '/api/admin/staff/not-an-email', admin, { role: 'advisor', territories: ['44'] })).status).toBe(400);
    expect(emails(await call(harness, 'GET', '/api/admin/staff', admin))).not.toContain('x@example.fr');
  });
});

describe('a broken body', () => {
  it.each([['/api/admin/staff'], ['/api/admin/gdpr/export']])('When the body sent to %s is not JSON, then the service\'s one error handler answers 400 in JSON', async (path) => {
    const response = await fetch(`${harness.app.httpBase}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: '{"email": "broken',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'La demande n’est pas lisible : son contenu n’est pas du JSON valide.' });
  });
});

describe('a coordinator of 44 manages only the advisors of 44', () => {
  it('When the coordinator lists, then only the advisors whose territories are all theirs appear', async () => {
    const listed = await call(harness, 'GET', '/api/admin/staff', coordinator44);
    expect(listed.status).toBe(200);
    expect(emails(listed)).toEqual(['advisor.44@example.fr']);
  });

  it('When the coordinator creates an advisor of 44, then it is accepted; an advisor of 35, a coordinator or an admin is refused', async () => {
    expect((await call(harness, 'POST', '/api/admin/staff', coordinator44, { email: 'new.44@example.fr', role: 'advisor', territories: ['44'] })).status).toBe(201);
    expect((await call(harness, 'POST', '/api/admin/staff', coordinator44, { email: 'new.35@example.fr', role: 'advisor', territories: ['35'] })).status).toBe(403);
    expect((await call(harness, 'POST', '/api/admin/staff', coordinator44, { email: 'new.44-35@example.fr', role: 'advisor', territories: ['44', '35'] })).status).toBe(403);
    expect((await call(harness, 'POST', '/api/admin/staff', coordinator44, { email: 'new.coord@example.fr', role: 'coordinator', territories: ['44'] })).status).toBe(403);
    expect((await call(harness, 'POST', '/api/admin/staff', coordinator44, { email: 'new.admin@example.fr', role: 'national_admin', territories: 'all' })).status).toBe(403);
  });

  it('When the coordinator changes or removes an account that is not theirs, then it answers 404 as if it did not exist; moving their advisor to 35 is refused', async () => {
    expect((await call(harness, 'PUT', '/api/admin/staff/advisor.35@example.fr', coordinator44, { role: 'advisor', territories: ['44'] })).status).toBe(404);
    expect((await call(harness, 'PUT', '/api/admin/staff/coord.44@example.fr', coordinator44, { role: 'advisor', territories: ['44'] })).status).toBe(404);
    expect((await call(harness, 'DELETE', '/api/admin/staff/advisor.44-35@example.fr', coordinator44)).status).toBe(404);
    expect((await call(harness, 'PUT', '/api/admin/staff/advisor.44@example.fr', coordinator44, { role: 'advisor', territories: ['35'] })).status).toBe(403);
    expect((await call(harness, 'PUT', '/api/admin/staff/advisor.44@example.fr', coordinator44, { role: 'coordinator', territories: ['44'] })).status).toBe(403);
    const admins = await call(harness, 'GET', '/api/admin/staff', admin);
    expect(admins.body.accounts.find((a: { email: string }) => a.email === 'advisor.44@example.fr')).toMatchObject({ role: 'advisor', territories: ['44'] });
  });

  it('When the coordinator renames their advisor and then removes them, then both are done and audited', async () => {
    const renamed = await call(harness, 'PUT', '/api/admin/staff/new.44@example.fr', coordinator44, { name: 'Nouvelle Conseillère', role: 'advisor', territories: ['44'] });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Nouvelle Conseillère', updatedBy: 'coord-44-only' });
    expect((await call(harness, 'DELETE', '/api/admin/staff/new.44@example.fr', coordinator44)).body).toEqual({ removed: 'new.44@example.fr' });
    expect(emails(await call(harness, 'GET', '/api/admin/staff', admin))).not.toContain('new.44@example.fr');
  });
});

describe('advisors do not manage accounts', () => {
  it('When an advisor calls the staff API, then every endpoint answers 403; without a token, 401', async () => {
    expect((await call(harness, 'GET', '/api/admin/staff', advisor44)).status).toBe(403);
    expect((await call(harness, 'POST', '/api/admin/staff', advisor44, { email: 'a@example.fr', role: 'advisor', territories: ['44'] })).status).toBe(403);
    expect((await call(harness, 'DELETE', '/api/admin/staff/advisor.44@example.fr', advisor44)).status).toBe(403);
    expect((await call(harness, 'GET', '/api/admin/staff/audit?day=2026-11-23', advisor44)).status).toBe(403);
    expect((await call(harness, 'GET', '/api/admin/staff', null)).status).toBe(401);
  });
});

describe('the staff audit', () => {
  it('When accounts are created, changed and removed, then each change is in the day’s audit with who did it and to which account; a coordinator reads only what concerns the advisors of 44', async () => {
    const all = await call(harness, 'GET', '/api/admin/staff/audit?day=2026-11-23', admin);
    expect(all.status).toBe(200);
    const changes = all.body.entries.filter((e: { action: string }) => e.action !== 'staff.list');
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'staff.create', actor: { subject: PEOPLE.admin.subject, role: 'national_admin' }, detail: { account: 'coord.44@example.fr', role: 'coordinator', territories: ['44'] } }),
        expect.objectContaining({ action: 'staff.create', actor: { subject: 'coord-44-only', role: 'coordinator' }, detail: { account: 'new.44@example.fr', role: 'advisor', territories: ['44'] } }),
        expect.objectContaining({ action: 'staff.update', actor: { subject: 'coord-44-only', role: 'coordinator' }, detail: { account: 'new.44@example.fr', role: 'advisor', territories: ['44'] } }),
        expect.objectContaining({ action: 'staff.delete', actor: { subject: 'coord-44-only', role: 'coordinator' }, detail: { account: 'new.44@example.fr', role: 'advisor', territories: ['44'] } }),
      ]),
    );
    // Refused attempts change nothing and are not recorded as changes.
    expect(changes.filter((e: { detail?: { account?: string } }) => e.detail?.account === 'new.35@example.fr')).toEqual([]);
    const coordinators = await call(harness, 'GET', '/api/admin/staff/audit?day=2026-11-23', coordinator44);
    const accounts = new Set(coordinators.body.entries.map((e: { detail?: { account?: string } }) => e.detail?.account).filter(Boolean));
    expect([...accounts].sort()).toEqual(['advisor.44@example.fr', 'new.44@example.fr']);
    expect((await call(harness, 'GET', '/api/admin/staff/audit?day=23-11-2026', admin)).status).toBe(400);
  });

  it('When the OpenAPI document is read, then it documents the staff API and the session with its CSRF header', async () => {
    const doc = (await (await fetch(`${harness.app.httpBase}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>>; components: { securitySchemes: Record<string, { description?: string }> } };
    expect(Object.keys(doc.paths['/api/admin/staff'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/api/admin/staff/{email}'] ?? {}).sort()).toEqual(['delete', 'put']);
    expect(doc.paths['/api/admin/staff/audit']).toBeDefined();
    expect(doc.components.securitySchemes.session?.description).toContain('X-CSRF-Token');
  });
});
