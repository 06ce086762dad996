/**
 * Staff sign-in through a real OpenID Connect provider (the local one, started on a free port), the
 * staff accounts that decide roles and territories, the server-side session, its CSRF protection,
 * idle timeout (the test clock), absolute lifetime and sign-out.
 */
import { Writable } from 'node:stream';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { createLogger } from '../../src/logging';
import { createStaffDirectory } from '../../src/advisors/staffDirectory';
import { SESSION_COOKIE } from '../../src/auth/session';
import { keyedSessionId, signedSessionCookie } from './sessionKey';
import { SIGN_IN_NOW, StaffBrowser, freePort, startSignInApp, type SignInHarness } from '../support/signIn';
import { startTestApp } from '../support/testApp';

let harness: SignInHarness;
const logLines: string[] = [];
beforeAll(async () => {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  harness = await startSignInApp('sign-in', { logger: createLogger({ level: 'debug', hashKey: 'test-hash-key', destination }) });
});
afterAll(() => harness.close());
beforeEach(() => harness.clock.set(SIGN_IN_NOW));

const browser = () => new StaffBrowser(harness.app.httpBase);
const minutes = (n: number) => new Date(Date.parse(SIGN_IN_NOW) + n * 60_000).toISOString();

describe('signing in through the OpenID Connect provider', () => {
  it('When the advisor of 44 signs in, then they land in the console with their account’s role and territory 44, and the API answers without a bearer token', async () => {
    const staff = browser();
    const landed = await staff.signIn('advisor44');
    expect(landed.url).toBe(`${harness.app.httpBase}/console`);
    const session = await staff.readSession();
    expect(session.body).toMatchObject({ signedIn: true, principal: { subject: 'dev-advisor-44', name: 'Alice Bernard', role: 'advisor', territories: ['44'] } });
    expect(session.body.csrfToken).toEqual(expect.any(String));
    const me = await staff.call('GET', '/api/advisor/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ subject: 'dev-advisor-44', name: 'Alice Bernard', role: 'advisor', territories: ['44'] });
  });

  it('When a person without a staff account signs in, then a French page refuses them, and no session is made', async () => {
    const stranger = browser();
    const landed = await stranger.signIn('noAccount');
    expect(landed.status).toBe(403);
    expect(landed.text).toContain('<html lang="fr"');
    expect(landed.text).toContain('Vous n’avez pas accès à la console');
    expect(landed.text).toContain('sans.compte@360.test');
    expect(landed.text).not.toMatch(/Error|at .*\.ts/);
    expect((await stranger.readSession()).body).toMatchObject({ signedIn: false });
    expect((await stranger.call('GET', '/api/advisor/me')).status).toBe(401);
  });
});

describe('the session', () => {
  it('When someone signs in, then the cookie is HttpOnly and SameSite=Lax (not Secure on http://127.0.0.1), the id changes at sign-in, and the session lives in the store with a TTL', async () => {
    const staff = browser();
    await staff.fetch('/auth/login');
    const before = staff.jar.get(harness.app.httpBase, SESSION_COOKIE);
    expect(before).toBeDefined();
    await staff.signIn('advisor44');
    const after = staff.jar.get(harness.app.httpBase, SESSION_COOKIE) ?? '';
    expect(keyedSessionId(after)).not.toBe(keyedSessionId(before ?? ''));
    const line = staff.jar.setCookieLines.filter((l) => l.startsWith(`${SESSION_COOKIE}=`)).at(-1) ?? '';
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Lax/i);
    expect(line).toMatch(/; Path=\//i);
    expect(line).not.toMatch(/; Secure/i);
    expect(line).not.toMatch(/Max-Age|Expires/i);
    const key = harness.redis.keys.staffSession(keyedSessionId(after));
    const ttl = await harness.redis.store.ttl(key);
    expect(ttl).toBeGreaterThan(30 * 60);
    expect(ttl).toBeLessThanOrEqual(31 * 60);
    // The old (pending) session is gone from the store.
    expect(await harness.redis.store.get(harness.redis.keys.staffSession(keyedSessionId(before ?? '')))).toBeNull();
  });

  it('When a change is forged from another site (the cookie, no CSRF token), then it is refused and nothing changes; with the session’s token it is accepted', async () => {
    const admin = browser();
    await admin.signIn('admin');
    const account = { email: 'forged@360.test', role: 'advisor', territories: ['44'] };
    const forged = await admin.call('POST', '/api/admin/staff', account, { csrf: false, headers: { origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);
    expect(forged.body.error).toMatch(/CSRF/);
    const wrong = await admin.call('POST', '/api/admin/staff', account, { csrf: 'not-the-token' });
    expect(wrong.status).toBe(403);
    expect((await admin.call('GET', '/api/admin/staff')).body.accounts.map((a: { email: string }) => a.email)).not.toContain('forged@360.test');
    const genuine = await admin.call('POST', '/api/admin/staff', account);
    expect(genuine.status).toBe(201);
    expect(genuine.body).toMatchObject({ email: 'forged@360.test', role: 'advisor', territories: ['44'], createdBy: 'dev-admin' });
    expect((await admin.call('DELETE', '/api/admin/staff/forged@360.test')).status).toBe(200);
  });

  it('When nothing happens for more than the idle timeout (test clock), then the session ends; activity before that keeps it alive', async () => {
    const staff = browser();
    await staff.signIn('advisor44');
    harness.clock.set(minutes(29));
    expect((await staff.call('GET', '/api/advisor/me')).status).toBe(200);
    harness.clock.set(minutes(58));
    expect((await staff.call('GET', '/api/advisor/me')).status).toBe(200);
    harness.clock.set(minutes(89));
    const idle = await staff.call('GET', '/api/advisor/me');
    expect(idle.status).toBe(401);
    expect(idle.body.error).toBe('Votre session est terminée. Reconnectez-vous.');
    harness.clock.set(minutes(90));
    expect((await staff.readSession()).body).toMatchObject({ signedIn: false });
  });

  it('When a session is used all day, then it still ends at its absolute lifetime (12 hours)', async () => {
    const staff = browser();
    await staff.signIn('advisor44');
    for (let minute = 25; minute <= 12 * 60; minute += 25) {
      harness.clock.set(minutes(minute));
      expect((await staff.call('GET', '/api/advisor/me')).status).toBe(200);
    }
    harness.clock.set(minutes(12 * 60 + 5));
    expect((await staff.call('GET', '/api/advisor/me')).status).toBe(401);
  });

  it('When the staff member signs out, then the session is destroyed in the store, the API refuses the cookie, and the browser is sent to the provider’s end-session with id_token_hint', async () => {
    const staff = browser();
    await staff.signIn('advisor44');
    const sessionKey = harness.redis.keys.staffSession(keyedSessionId(staff.jar.get(harness.app.httpBase, SESSION_COOKIE) ?? ''));
    expect(await harness.redis.store.get(sessionKey)).not.toBeNull();
    expect((await staff.call('POST', '/auth/logout', undefined, { csrf: false })).status).toBe(403);
    const out = await staff.call('POST', '/auth/logout');
    expect(out.status).toBe(200);
    const endSession = new URL(out.body.redirect);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${harness.provider.issuer}/session/end`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${harness.app.httpBase}/console`);
    expect(await harness.redis.store.get(sessionKey)).toBeNull();
    expect((await staff.call('GET', '/api/advisor/me')).status).toBe(401);
    const providerPage = await staff.follow(out.body.redirect);
    expect(providerPage.response.status).toBe(200);
    expect(providerPage.text).toContain('Voulez-vous vous déconnecter');
  });
});

describe('staff accounts decide roles and territories', () => {
  it('When the bootstrap admin signs in for the first time, then they become a national admin, and the sign-in is in the staff audit', async () => {
    const admin = browser();
    await admin.signIn('admin');
    expect((await admin.readSession()).body.principal).toEqual({ subject: 'dev-admin', name: 'Nadia Martin', role: 'national_admin', territories: 'all' });
    const own = (await admin.call('GET', '/api/admin/staff')).body.accounts.find((a: { email: string }) => a.email === 'admin.national@360.test');
    expect(own).toMatchObject({ role: 'national_admin', territories: 'all', subject: 'dev-admin', createdBy: 'system:bootstrap' });
    const audit = await admin.call('GET', '/api/admin/staff/audit?day=2026-11-23');
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: 'session.sign_in', actor: { subject: 'dev-admin', name: 'Nadia Martin', role: 'national_admin' }, detail: expect.objectContaining({ account: 'admin.national@360.test', bootstrap: true }) }),
    );
  });

  it('When an admin changes an advisor’s territories, then the advisor’s next request has them; when the account is removed, the advisor’s session ends at once', async () => {
    const admin = browser();
    await admin.signIn('admin');
    const advisor = browser();
    await advisor.signIn('advisor35');
    const changed = await admin.call('PUT', '/api/admin/staff/conseil.35@360.test', { role: 'advisor', territories: ['35', '56'] });
    expect(changed.status).toBe(200);
    expect((await advisor.call('GET', '/api/advisor/me')).body.territories).toEqual(['35', '56']);
    expect((await admin.call('DELETE', '/api/admin/staff/conseil.35@360.test')).status).toBe(200);
    expect((await advisor.call('GET', '/api/advisor/me')).status).toBe(401);
    expect((await advisor.signIn('advisor35')).status).toBe(403);
    expect((await admin.call('POST', '/api/admin/staff', { email: 'conseil.35@360.test', role: 'advisor', territories: ['35'] })).status).toBe(201);
  });

  it('When a national admin tries to remove or change their own account, then it is refused', async () => {
    const admin = browser();
    await admin.signIn('admin');
    expect((await admin.call('DELETE', '/api/admin/staff/admin.national@360.test')).status).toBe(409);
    expect((await admin.call('PUT', '/api/admin/staff/admin.national@360.test', { role: 'advisor', territories: ['44'] })).status).toBe(409);
  });

  it('When the coordinator of 44 is signed in, then they create an advisor of 44 but not of 35, and see only the advisors of 44', async () => {
    const coordinator = browser();
    await coordinator.signIn('coordinator44');
    expect((await coordinator.call('POST', '/api/admin/staff', { email: 'nouveau.44@360.test', role: 'advisor', territories: ['44'] })).status).toBe(201);
    expect((await coordinator.call('POST', '/api/admin/staff', { email: 'nouveau.35@360.test', role: 'advisor', territories: ['35'] })).status).toBe(403);
    const listed = await coordinator.call('GET', '/api/admin/staff');
    const emails = listed.body.accounts.map((a: { email: string }) => a.email);
    expect(emails).toEqual(expect.arrayContaining(['conseil.44@360.test', 'nouveau.44@360.test', 'coordination.44@360.test']));
    expect(emails).not.toContain('conseil.35@360.test');
    expect(emails).not.toContain('admin.national@360.test');
    expect((await coordinator.call('DELETE', '/api/admin/staff/nouveau.44@360.test')).status).toBe(200);
  });

  it('When an account is already bound to another identity, then signing in with its e-mail is refused in French', async () => {
    const directory = createStaffDirectory(harness.redis.store, harness.redis.keys);
    const at = SIGN_IN_NOW;
    await directory.update('sans.compte@360.test', () => ({
      next: { email: 'sans.compte@360.test', role: 'advisor', territories: ['44'], subject: 'another-identity', createdAt: at, createdBy: 'test', updatedAt: at, updatedBy: 'test' },
      result: undefined,
    }));
    try {
      const landed = await browser().signIn('noAccount');
      expect(landed.status).toBe(403);
      expect(landed.text).toContain('Ce compte est déjà lié à une autre identité');
    } finally {
      await directory.update('sans.compte@360.test', () => ({ next: 'remove', result: undefined }));
    }
  });
});

describe('sign-in edge cases', () => {
  it('When the service runs behind a trusted https proxy, then the session cookie is __Host- prefixed and Secure', async () => {
    const secure = await startTestApp({
      store: harness.redis.store,
      keys: harness.redis.keys,
      clock: harness.clock,
      signIn: { ...harness.signIn, oidc: { ...harness.signIn.oidc!, redirectUrl: 'https://360.example.fr/auth/callback' } },
      // The TLS-terminating proxy on this machine is trusted to say the request came over https.
      trustProxy: ['loopback'],
    });
    try {
      const response = await fetch(`${secure.httpBase}/auth/login`, { redirect: 'manual', headers: { 'x-forwarded-proto': 'https' } });
      expect(response.status).toBe(303);
      const line = response.headers.getSetCookie().find((l) => l.startsWith('__Host-o360-session=')) ?? '';
      expect(line).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
      expect(new URL(response.headers.get('location') ?? '').searchParams.get('redirect_uri')).toBe('https://360.example.fr/auth/callback');
    } finally {
      await secure.close();
    }
  });

  it('When the provider does not answer, then « Se connecter » shows a French page (503), not an error', async () => {
    const closedPort = await freePort();
    const away = await startTestApp({
      store: harness.redis.store,
      keys: harness.redis.keys,
      clock: harness.clock,
      signIn: { ...harness.signIn, oidc: { ...harness.signIn.oidc!, issuerUrl: `http://127.0.0.1:${closedPort}` } },
    });
    try {
      const response = await fetch(`${away.httpBase}/auth/login`, { redirect: 'manual' });
      expect(response.status).toBe(503);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await response.text()).toContain('Le service de connexion ne répond pas');
    } finally {
      await away.close();
    }
  });

  it('When someone arrives at the callback with no sign-in under way, or a state that is not theirs, then a French page asks to start again', async () => {
    const stray = await browser().fetch('/auth/callback?code=abc&state=xyz');
    expect(stray.status).toBe(400);
    expect(await stray.text()).toContain('La connexion a pris trop de temps');
    const staff = browser();
    await staff.fetch('/auth/login');
    const forged = await staff.fetch('/auth/callback?code=abc&state=not-the-state');
    expect(forged.status).toBe(400);
    const garbage = await staff.fetch('/auth/callback?nothing=here');
    expect(garbage.status).toBe(400);
  });

  it('When the provider sends the person back with an error (they cancelled), then a French page says the sign-in did not succeed', async () => {
    const staff = browser();
    const login = await staff.fetch('/auth/login');
    const state = new URL(login.headers.get('location') ?? '').searchParams.get('state');
    const cancelled = await staff.fetch(`/auth/callback?error=access_denied&state=${state}`);
    expect(cancelled.status).toBe(400);
    expect(await cancelled.text()).toContain('La connexion n’a pas abouti');
  });
});

describe('when the store does not answer', () => {
  it('When the session store is away, then a request with a session cookie gets a clear 503 (JSON for the API, a French page for sign-in), never a stack trace', async () => {
    const store = createMemoryStore();
    const keys = createStoreKeys('o360test-session-away');
    const app = await startTestApp({ store, keys, clock: harness.clock, signIn: { ...harness.signIn } });
    try {
      const cookie = `${SESSION_COOKIE}=${signedSessionCookie('some-session-id', harness.signIn.sessionSecret)}`;
      await store.close();
      const api = await fetch(`${app.httpBase}/api/advisor/me`, { headers: { cookie } });
      expect(api.status).toBe(503);
      expect(await api.json()).toEqual({ error: 'La connexion ne répond pas. Réessayez dans un instant.' });
      const page = await fetch(`${app.httpBase}/auth/login`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
      expect(page.status).toBe(503);
      const html = await page.text();
      expect(html).toContain('La connexion est momentanément indisponible');
      expect(html).not.toMatch(/StoreUnavailableError|at .*\.(ts|js):/);
    } finally {
      await app.close();
    }
  });
});

describe('the level of assurance (acr)', () => {
  it('When the service asks for a level of assurance the provider does not give, then the sign-in is refused in French and no session is made', async () => {
    const strict = await startSignInApp('sign-in-acr', { acrValues: 'eidas2' });
    try {
      const staff = new StaffBrowser(strict.app.httpBase);
      const landed = await staff.signIn('advisor44');
      expect(landed.status).toBe(400);
      expect(landed.text).toContain('La connexion n’a pas abouti');
      expect((await staff.readSession()).body).toMatchObject({ signedIn: false });
    } finally {
      await strict.close();
    }
  });
});

describe('what the logs keep', () => {
  it('When people have signed in, been refused, timed out and signed out (every test above), then no log line holds an e-mail address, a token or a session id', async () => {
    expect(logLines.some((line) => line.includes('staff signed in'))).toBe(true);
    expect(logLines.some((line) => line.includes('sign-in refused'))).toBe(true);
    for (const line of logLines) {
      expect(line).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(line).not.toMatch(/eyJ[\w-]{10,}/);
      expect(line).not.toMatch(/o360-session=/);
    }
  });
});
