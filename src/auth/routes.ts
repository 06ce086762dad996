/**
 * The staff sign-in routes:
 * - GET  /auth/login     → the provider (authorisation code + PKCE), or the console when signed in
 * - GET  /auth/callback  → back from the provider: the staff account decides; a new session, or a French page
 * - GET  /auth/session   → who is signed in, their territories, the CSRF token (JSON, for the console)
 * - POST /auth/logout    → (CSRF) ends the session; answers the provider's end-session URL to go to
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../domain/ports';
import type { Logger } from '../logging';
import type { Principal } from '../advisors/principal';
import type { StaffService } from '../advisors/staffService';
import { ProviderUnavailableError, type OidcRelyingParty } from './oidc';
import { PAGES, PAGE_CONTENT_SECURITY_POLICY, renderSignInPage, type SignInPage } from './pages';
import { destroy, regenerate, save, type StaffSessions } from './session';

/** How long a person may stay at the provider before coming back. */
const PENDING_SIGN_IN_SECONDS = 10 * 60;
const CONSOLE = '/console';
/** Where a signed-in person lands: the authorities have the observatory only. */
const landingOf = (principal: Pick<Principal, 'role'>) => (principal.role === 'authority' ? '/observatoire' : CONSOLE);

const CallbackQuerySchema = z.union([
  z.object({ code: z.string().min(1).max(2048), state: z.string().min(1).max(512) }).loose(),
  z.object({ error: z.string().min(1).max(256), state: z.string().max(512).optional() }).loose(),
]);

export interface SignInRouterDeps {
  /** null: no provider configured (the pages say so). */
  relyingParty: OidcRelyingParty | null;
  sessions: StaffSessions;
  staff: StaffService;
  /** Development: the console also offers to paste a bearer token (tokens are checked with the local key). */
  tokenFallback: boolean;
  clock: Clock;
  logger: Logger;
}

/**
 * What a failed sign-in may put in the logs: the error's kind and, for the provider's own errors, their
 * code; never the error object itself (openid-client's errors carry the tokens and responses).
 */
function failureOf(error: unknown): { failure: string; code?: string; message?: string } {
  type Described = { name?: string; error?: unknown; message?: string };
  const rejected: Described | undefined = error instanceof Error ? ((error.cause as Described | undefined) ?? error) : undefined;
  const code = typeof rejected?.error === 'string' && /^[a-z_]{1,64}$/.test(rejected.error) ? rejected.error : undefined;
  const message = rejected?.name === 'RPError' && typeof rejected.message === 'string' ? rejected.message.slice(0, 200) : undefined;
  return { failure: rejected?.name ?? 'unknown', ...(code ? { code } : {}), ...(message ? { message } : {}) };
}

const providerErrorCode = (code: string) => (/^[a-z_]{1,64}$/.test(code) ? code : 'other');

function sendPage(res: Response, page: SignInPage): void {
  res.status(page.status).set({ 'Content-Security-Policy': PAGE_CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8' }).send(renderSignInPage(page));
}

export function createSignInRouter(deps: SignInRouterDeps): Router {
  const { relyingParty, sessions, staff, clock, logger } = deps;
  const router = express.Router();
  router.use('/auth', ...sessions.middleware);

  router.get('/auth/login', async (req, res) => {
    if (res.locals.principal) return res.redirect(303, landingOf(res.locals.principal as Principal));
    if (!relyingParty) return sendPage(res, PAGES.notConfigured());
    try {
      const { url, pending } = await relyingParty.start();
      req.session.pendingSignIn = { ...pending, startedAt: clock.now().toISOString() };
      await save(req);
      res.set('Cache-Control', 'no-store').redirect(303, url);
    } catch (error) {
      if (error instanceof ProviderUnavailableError) {
        logger.error(failureOf(error), 'sign-in: cannot reach the identity provider');
        return sendPage(res, PAGES.providerUnavailable());
      }
      logger.error({ err: error }, 'sign-in: cannot keep the sign-in under way (store)');
      sendPage(res, PAGES.unavailable());
    }
  });

  router.get('/auth/callback', async (req: Request, res: Response) => {
    if (!relyingParty) return sendPage(res, PAGES.notConfigured());
    const pending = req.session.pendingSignIn;
    const query = CallbackQuerySchema.safeParse(req.query);
    const fresh = pending !== undefined && clock.now().getTime() - Date.parse(pending.startedAt) <= PENDING_SIGN_IN_SECONDS * 1000;
    // The pending sign-in is used once, whatever happens next.
    const forget = async () => {
      if (req.session.staff === undefined) await destroy(req);
      else delete req.session.pendingSignIn;
    };
    if (!query.success || !pending || !fresh || query.data.state !== pending.state) {
      if (pending) await forget();
      return sendPage(res, PAGES.expired());
    }
    if ('error' in query.data) {
      await forget();
      logger.info({ code: providerErrorCode(String(query.data.error)) }, 'sign-in: the provider answered an error');
      return sendPage(res, PAGES.rejected());
    }
    try {
      const signedIn = await relyingParty.finish(req, pending);
      const decision = await staff.signIn(signedIn.identity);
      if (!decision.ok) {
        await forget();
        logger.info({ reason: decision.reason }, 'sign-in refused');
        if (decision.reason === 'no_account') return sendPage(res, PAGES.noAccount(signedIn.identity.email, await relyingParty.endSessionUrl(signedIn.idToken)));
        return sendPage(res, decision.reason === 'email_not_verified' ? PAGES.emailNotVerified() : PAGES.subjectMismatch());
      }
      // A new session id at sign-in (no fixation), then the staff member's session.
      await regenerate(req);
      const now = clock.now().toISOString();
      req.session.staff = {
        email: decision.account.email,
        subject: decision.principal.subject,
        idToken: signedIn.idToken,
        ...(signedIn.givenName ? { givenName: signedIn.givenName } : {}),
        signedInAt: now,
        lastSeenAt: now,
      };
      sessions.csrfToken(req);
      await save(req);
      logger.info({ role: decision.principal.role }, 'staff signed in');
      res.set('Cache-Control', 'no-store').redirect(303, landingOf(decision.principal));
    } catch (error) {
      await forget().catch(() => undefined);
      if (error instanceof ProviderUnavailableError) {
        logger.error(failureOf(error), 'sign-in: the identity provider does not answer');
        return sendPage(res, PAGES.providerUnavailable());
      }
      logger.warn(failureOf(error), 'sign-in rejected');
      sendPage(res, PAGES.rejected());
    }
  });

  router.get('/auth/session', (req, res) => {
    res.set('Cache-Control', 'no-store');
    const principal = res.locals.principal as Principal | undefined;
    if (!principal || req.session.staff === undefined) {
      res.json({ signedIn: false, signInAvailable: relyingParty !== null, tokenFallback: deps.tokenFallback, ...(res.locals.sessionEnded ? { ended: true } : {}) });
      return;
    }
    res.json({ signedIn: true, principal, csrfToken: sessions.csrfToken(req), signInAvailable: relyingParty !== null, tokenFallback: deps.tokenFallback });
  });

  router.post('/auth/logout', async (req, res) => {
    const principal = res.locals.principal as Principal | undefined;
    const staffSession = req.session.staff;
    if (!principal || staffSession === undefined) {
      // Nothing to end here (already ended, or bearer mode): the console goes back to its sign-in.
      res.json({ redirect: CONSOLE });
      return;
    }
    try {
      await staff.recordSignOut(principal);
      await destroy(req);
      const providerLogout = relyingParty ? await relyingParty.endSessionUrl(staffSession.idToken) : null;
      res.json({ redirect: providerLogout ?? CONSOLE });
    } catch (error) {
      logger.error({ err: error }, 'sign-out failed');
      res.status(503).json({ error: 'La déconnexion ne répond pas. Réessayez dans un instant.' });
    }
  });

  return router;
}
