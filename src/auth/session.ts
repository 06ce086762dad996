/**
 * Staff sessions, kept server-side in our store (Redis, or memory without REDIS_URL) with
 * `express-session` and a small adapter to our KeyValueStore port (connect-redis would need its own
 * Redis client and would bypass the store's bounded commands and the memory store of development).
 *
 * - Cookie: HttpOnly, SameSite=Lax, Secure unless the service runs on plain http on the loopback
 *   (development), `__Host-` prefixed when Secure; no Max-Age (it ends with the browser).
 * - Idle timeout and absolute lifetime, judged with the service's clock on every request.
 * - CSRF: the synchroniser token pattern (`csrf-sync`): every change made with the session cookie
 *   must carry the session's token in `X-CSRF-Token`. Requests with a bearer token skip the session.
 * - The account is re-read at every request: a removed or changed account takes effect at once.
 */
import { csrfSync } from 'csrf-sync';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import session, { Store, type SessionData } from 'express-session';
import type { Clock, KeyValueStore } from '../domain/ports';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import type { StaffService } from '../advisors/staffService';
import type { PendingSignIn } from './oidc';
import { PAGES, PAGE_CONTENT_SECURITY_POLICY, renderSignInPage } from './pages';

export interface StaffSessionData {
  email: string;
  subject: string;
  idToken: string;
  /** The provider's given_name at sign-in (shown to chat persons with « Conseiller »); never the e-mail. */
  givenName?: string;
  signedInAt: string;
  lastSeenAt: string;
}

declare module 'express-session' {
  interface SessionData {
    /** Between the redirect to the provider and the way back. */
    pendingSignIn?: PendingSignIn & { startedAt: string };
    staff?: StaffSessionData;
  }
}

export interface SessionSettings {
  secret: string;
  idleTimeoutSeconds: number;
  absoluteLifetimeSeconds: number;
  /** false only for http on the loopback (development, tests). */
  secureCookie: boolean;
}

/** http://localhost, http://127.0.0.1 or http://[::1]: the only place a session cookie may travel without TLS. */
export function isPlainLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

/** express-session's Store over our KeyValueStore: one key per session, with a TTL. */
export class KeyValueSessionStore extends Store {
  constructor(
    private readonly store: KeyValueStore,
    private readonly keys: StoreKeys,
    private readonly ttlSeconds: number,
  ) {
    super();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    settle(
      this.store.get(this.keys.staffSession(sid)).then((raw) => (raw === null ? null : parseSession(raw))),
      (error, data) => callback(error, data ?? null),
    );
  }

  override set(sid: string, data: SessionData, callback?: (err?: unknown) => void): void {
    settle(this.store.set(this.keys.staffSession(sid), JSON.stringify(data), this.ttlSeconds), (error) => callback?.(error));
  }

  override touch(sid: string, data: SessionData, callback?: () => void): void {
    this.set(sid, data, () => callback?.());
  }

  override destroy(sid: string, callback?: (err?: unknown) => void): void {
    settle(this.store.del(this.keys.staffSession(sid)), (error) => callback?.(error));
  }
}

/** A stored session, or null when it is not one (a damaged value counts as no session). */
function parseSession(raw: string): SessionData | null {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && 'cookie' in value ? (value as SessionData) : null;
  } catch {
    return null;
  }
}

/** Calls the callback outside the promise chain, so that what it throws is not a lost rejection. */
function settle<T>(promise: Promise<T>, callback: (error: unknown, value?: T) => void): void {
  promise.then(
    (value) => process.nextTick(callback, undefined, value),
    (error: unknown) => process.nextTick(callback, error ?? new Error('store failure')),
  );
}

export const SESSION_COOKIE = 'o360-session';
const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface StaffSessions {
  /** express-session, the principal of the session (res.locals.principal) with its CSRF check, a 503 when the store is away. */
  middleware: Array<RequestHandler | ErrorRequestHandler>;
  /** The session's CSRF token (made once per session). */
  csrfToken(req: Request): string;
  /** Is this change's X-CSRF-Token the session's? */
  csrfValid(req: Request): boolean;
}

/** The first name of the staff member signed in with this request's session (not with a bearer token), if the provider gave one. */
export function staffGivenName(res: Response): string | undefined {
  const name: unknown = res.locals.staffGivenName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Promisified session operations (express-session is callback-based). */
export const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((error: unknown) => (error ? reject(error) : resolve())));
export const destroy = (req: Request) => new Promise<void>((resolve, reject) => req.session.destroy((error: unknown) => (error ? reject(error) : resolve())));
export const save = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((error: unknown) => (error ? reject(error) : resolve())));

export function createStaffSessions(deps: { store: KeyValueStore; keys: StoreKeys; clock: Clock; staff: StaffService; settings: SessionSettings; logger: Logger }): StaffSessions {
  const { clock, settings } = deps;
  const csrf = csrfSync({ getTokenFromRequest: (req) => req.get('x-csrf-token') ?? undefined });
  const expressSession = session({
    name: settings.secureCookie ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    secret: settings.secret,
    store: new KeyValueSessionStore(deps.store, deps.keys, settings.idleTimeoutSeconds + 60),
    resave: false,
    saveUninitialized: false,
    unset: 'destroy',
    cookie: { httpOnly: true, secure: settings.secureCookie, sameSite: 'lax', path: '/' },
  });

  const principalOfSession: RequestHandler = async (req, res, next) => {
    const staff = req.session.staff;
    if (staff === undefined || /^Bearer\s/i.test(req.get('authorization') ?? '')) return next();
    try {
      const now = clock.now().getTime();
      const idle = now - Date.parse(staff.lastSeenAt) > settings.idleTimeoutSeconds * 1000;
      const tooOld = now - Date.parse(staff.signedInAt) > settings.absoluteLifetimeSeconds * 1000;
      const principal = idle || tooOld ? null : await deps.staff.principalOf(staff.email, staff.subject);
      if (principal === null) {
        await destroy(req);
        res.locals.sessionEnded = true;
        return next();
      }
      if (UNSAFE_METHODS.has(req.method) && !csrf.isRequestValid(req)) {
        res.status(403).json({ error: 'Votre session n’est plus reconnue (jeton CSRF absent ou faux). Rechargez la page.' });
        return;
      }
      staff.lastSeenAt = new Date(now).toISOString();
      res.locals.principal = principal;
      if (staff.givenName) res.locals.staffGivenName = staff.givenName;
      next();
    } catch (error) {
      next(error);
    }
  };

  // The store does not answer: a clear 503 (JSON for the API, a French page elsewhere), nothing lost.
  const storeAway: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    deps.logger.error({ err: error }, 'staff session: the store does not answer');
    if (req.originalUrl.startsWith('/api/') || req.accepts(['json', 'html']) === 'json') {
      res.status(503).json({ error: 'La connexion ne répond pas. Réessayez dans un instant.' });
      return;
    }
    const page = PAGES.unavailable();
    res.status(page.status).set({ 'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' }).type('html').send(renderSignInPage(page));
  };

  return {
    middleware: [expressSession, principalOfSession, storeAway],
    csrfToken: (req) => csrf.generateToken(req),
    csrfValid: (req) => csrf.isRequestValid(req),
  };
}
