/**
 * The real app with the staff sign-in on, and the real local OpenID provider (scripts/dev-oidc-provider.mjs,
 * the `oidc-provider` package) on a free port; and a small cookie-keeping client that signs in through
 * it as a browser does (redirects followed, the provider's account form posted).
 */
import { createServer } from 'node:net';
import { DEV_STAFF_ACCOUNTS, startDevProvider, type RunningDevProvider } from '../../src/auth/devProvider';
import { DEV_BOOTSTRAP_ADMIN_EMAIL } from '../../src/config/env';
import type { SignInSettings } from '../../src/app';
import type { Logger } from '../../src/logging';
import { REPO_ROOT } from './config';
import { openTestLiveConfig } from './liveConfig';
import { TestClock, startTestApp, testRedis, type RunningTestApp } from './testApp';

export const SIGN_IN_NOW = '2026-11-23T09:00:00.000Z';
const CLIENT = { clientId: 'o360-test', clientSecret: 'test-oidc-client-secret-0123456789' };

/** The local provider's test people (their ids on the provider's account form). */
export const TEST_PEOPLE = {
  admin: 'dev-admin',
  coordinator44: 'dev-coordinator-44',
  advisor44: 'dev-advisor-44',
  advisor44b: 'dev-advisor-44-b',
  advisor35: 'dev-advisor-35',
  noAccount: 'dev-no-account',
} as const;
export type TestPerson = keyof typeof TEST_PEOPLE;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface SignInHarness {
  app: RunningTestApp;
  clock: TestClock;
  provider: RunningDevProvider;
  redis: Awaited<ReturnType<typeof testRedis>>;
  /** The settings the app runs with. */
  signIn: SignInSettings;
  close(): Promise<void>;
}

/**
 * Starts the provider, then the app on a port chosen first (the provider must know the redirect URI),
 * on a real Redis; creates the staff accounts of the coordinator of 44 and the advisors of 44 (two) and 35
 * (the admin is a bootstrap admin; « Sam Durand » has no account).
 */
export async function startSignInApp(label: string, options: { seed?: boolean; redirectUrl?: string; logger?: Logger; acrValues?: string; liveConfig?: boolean } = {}): Promise<SignInHarness> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const redirectUrl = options.redirectUrl ?? `${base}/auth/callback`;
  const provider = await startDevProvider({
    repositoryRoot: REPO_ROOT,
    port: 0,
    ...CLIENT,
    redirectUris: [redirectUrl],
    postLogoutRedirectUris: [`${base}/console`],
  });
  const redis = await testRedis(label);
  const clock = new TestClock(SIGN_IN_NOW);
  const signIn: SignInSettings = {
    oidc: {
      issuerUrl: provider.issuer,
      ...CLIENT,
      redirectUrl,
      postLogoutRedirectUrl: `${base}/console`,
      scopes: 'openid email given_name usual_name siret',
      acrValues: options.acrValues ?? 'eidas1',
      idTokenSignedResponseAlg: 'RS256',
      userinfoSignedResponseAlg: 'RS256',
    },
    sessionSecret: 'test-session-secret-0123456789-0123456789',
    idleTimeoutSeconds: 30 * 60,
    absoluteLifetimeSeconds: 12 * 3600,
    bootstrapAdminEmails: [DEV_BOOTSTRAP_ADMIN_EMAIL],
  };
  // The studio's live configuration (versions in the store, publish switches at once), when asked.
  const live = options.liveConfig ? await openTestLiveConfig(redis) : null;
  const app = await startTestApp({
    store: redis.store,
    keys: redis.keys,
    clock,
    port,
    signIn,
    ...(live ? { live: live.live, bus: live.bus } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  if (options.seed !== false) {
    const seeder = { subject: 'test-seed', role: 'national_admin', territories: 'all' } as const;
    for (const account of DEV_STAFF_ACCOUNTS) {
      const created = await app.app.staff.create(seeder, { ...account, territories: [...account.territories] });
      if (!created.ok) throw new Error(created.error);
    }
  }
  return {
    app,
    clock,
    provider,
    redis,
    signIn,
    async close() {
      await app.close();
      await live?.close();
      await provider.stop();
      await redis.cleanup();
    },
  };
}

/** Cookies as a browser keeps them for one host (ports share cookies, as in a browser). */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();
  /** The Set-Cookie lines seen, newest last (to read the attributes). */
  readonly setCookieLines: string[] = [];

  take(url: string, response: Response): void {
    const host = new URL(url).hostname;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    this.cookies.set(host, jar);
    for (const line of response.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()) || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }

  header(url: string): string {
    const jar = this.cookies.get(new URL(url).hostname);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).hostname)?.get(name);
  }

  delete(url: string, name: string): void {
    this.cookies.get(new URL(url).hostname)?.delete(name);
  }
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back by the test
  text: string;
  headers: Headers;
}

/** A browser-like client: cookies kept, redirects followed by hand. */
export class StaffBrowser {
  readonly jar = new CookieJar();
  csrfToken: string | undefined;

  constructor(readonly appBase: string) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const absolute = new URL(url, this.appBase).toString();
    const headers = new Headers(init.headers);
    const cookie = this.jar.header(absolute);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(absolute, { ...init, headers, redirect: 'manual' });
    this.jar.take(absolute, response);
    return response;
  }

  /** GET, following redirects (and posting the provider's account form as `person` when it shows). */
  async follow(url: string, person?: TestPerson): Promise<{ response: Response; url: string; text: string }> {
    let current = new URL(url, this.appBase).toString();
    let response = await this.fetch(current);
    for (let hops = 0; hops < 15; hops++) {
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        current = new URL(location, current).toString();
        response = await this.fetch(current);
        continue;
      }
      const text = await response.text();
      const form = /<form method="post" action="([^"]+)"/.exec(text);
      if (response.status === 200 && form && person) {
        current = new URL(form[1] ?? '', current).toString();
        response = await this.fetch(current, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `account=${TEST_PEOPLE[person]}` });
        continue;
      }
      return { response, url: current, text };
    }
    throw new Error('too many redirects');
  }

  /** Signs in through the provider as `person`; ends where the app sends them (the console, or a refusal page). */
  async signIn(person: TestPerson): Promise<{ status: number; url: string; text: string }> {
    const { response, url, text } = await this.follow('/auth/login', person);
    if (url.startsWith(this.appBase) && new URL(url).pathname === '/console') await this.readSession();
    return { status: response.status, url, text };
  }

  async readSession(): Promise<Answer> {
    const answer = await this.call('GET', '/auth/session');
    this.csrfToken = answer.body?.csrfToken;
    return answer;
  }

  /** A JSON call with the session cookie; the CSRF token is sent unless `csrf: false` (a forged request). */
  async call(method: string, path: string, body?: unknown, options: { csrf?: boolean | string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = typeof options.csrf === 'string' ? options.csrf : options.csrf === false ? undefined : this.csrfToken;
    if (token && method !== 'GET') headers['x-csrf-token'] = token;
    const response = await this.fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  }
}
