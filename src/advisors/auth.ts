/**
 * Advisor sign-in for API clients: a bearer JWT, verified with `jose`. (People sign in to the console
 * through OpenID Connect and a server-side session: src/auth/.)
 *
 * - Production: keys from the identity provider's JWKS URL (any OpenID Connect provider, e.g.
 *   ProConnect for French public agents), issuer and audience checked.
 * - Development and tests: a local HS256 key (`ADVISOR_DEV_SIGNING_KEY`), with which
 *   `npm run token:dev` mints tokens.
 *
 * The token says who (`sub`, `name`), the role (`o360_role`) and the territories (`o360_territories`:
 * a list of département codes, or "all" for a national admin). An OIDC provider that cannot add those
 * claims needs a claims mapping on its side (or a token exchange): this service trusts only the token.
 */
import type { RequestHandler, Request, Response } from 'express';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../domain/ports';
import { PrincipalSchema, type Principal, type Role } from './principal';
import { ROLE_LABELS } from './vocabulary';

export const ROLE_CLAIM = 'o360_role';
export const TERRITORIES_CLAIM = 'o360_territories';
/** The only algorithm of the local development key. */
export const DEV_ALGORITHM = 'HS256';
/** What the identity providers sign with (ProConnect: RS256 or ES256). */
const PROVIDER_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;

export interface AdvisorAuthSettings {
  /** The identity provider's JWKS; when set, the development key is not used. */
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** HS256 secret of development tokens (at least 32 characters); ignored when jwksUrl is set. */
  devSigningKey?: string;
}

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export interface TokenVerifier {
  /** The principal the token names; AuthenticationError when it is missing, expired, forged or incomplete. */
  verify(token: string): Promise<Principal>;
}

export function devKeyBytes(secret: string): Uint8Array {
  if (secret.length < 32) throw new RangeError('The development signing key must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

export function createTokenVerifier(settings: AdvisorAuthSettings, clock: Clock): TokenVerifier {
  let key: JWTVerifyGetKey | Uint8Array;
  let algorithms: string[];
  if (settings.jwksUrl) {
    key = createRemoteJWKSet(new URL(settings.jwksUrl));
    algorithms = PROVIDER_ALGORITHMS;
  } else if (settings.devSigningKey) {
    key = devKeyBytes(settings.devSigningKey);
    algorithms = [DEV_ALGORITHM];
  } else {
    throw new RangeError('Advisor sign-in needs a JWKS URL or a development signing key');
  }

  function principalOf(payload: JWTPayload): Principal {
    const parsed = PrincipalSchema.safeParse({
      subject: payload.sub,
      ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
      role: payload[ROLE_CLAIM],
      territories: payload[TERRITORIES_CLAIM],
    });
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'token').join(', ');
      throw new AuthenticationError(`Le jeton d’accès n’est pas valide (${fields}).`);
    }
    return parsed.data;
  }

  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key as Uint8Array, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms,
          currentDate: clock.now(),
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['sub', 'exp'],
        });
        return principalOf(payload);
      } catch (error) {
        if (error instanceof AuthenticationError) throw error;
        if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('Votre jeton d’accès a expiré. Reconnectez-vous.');
        if (error instanceof joseErrors.JOSEError) throw new AuthenticationError('Votre jeton d’accès n’est pas valide. Reconnectez-vous.');
        throw error;
      }
    },
  };
}

function bearerOf(req: Request): string | null {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9_.-]+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/** The principal that `authenticate` put on the response. */
export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('authenticate() must run before this handler');
  return principal;
}

export interface AuthenticateOptions {
  /**
   * Also accept `?access_token=` (only for the event stream: a browser EventSource cannot send an
   * Authorization header). The token then appears in the URL: keep such URLs out of access logs.
   */
  allowQueryToken?: boolean;
}

/**
 * `res.locals.principal` from a bearer token, or from the staff session (src/auth/session.ts puts it
 * there, CSRF checked, before this runs); 401 without either.
 */
export function authenticate(verifier: TokenVerifier, options: AuthenticateOptions = {}): RequestHandler {
  return async (req, res, next) => {
    const queryToken = options.allowQueryToken && typeof req.query.access_token === 'string' ? req.query.access_token : null;
    const token = bearerOf(req) ?? queryToken;
    if (!token && res.locals.principal) return next();
    if (!token) {
      const error = res.locals.sessionEnded ? 'Votre session est terminée. Reconnectez-vous.' : 'Connectez-vous pour continuer.';
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error });
      return;
    }
    try {
      res.locals.principal = await verifier.verify(token);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) return next(error);
      res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json({ error: error.message });
      return;
    }
    next();
  };
}

/** 403 unless the principal has one of `roles` (after `authenticate`). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    if (roles.includes(principalOf(res).role)) return next();
    res.status(403).json({ error: `Votre rôle ne permet pas cette action (il faut : ${roles.map((role) => ROLE_LABELS[role]).join(' ou ')}).` });
  };
}
