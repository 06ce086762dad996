/**
 * The OpenID Connect relying party: authorisation code flow with PKCE (S256), state and nonce, with
 * `openid-client` v5 (CommonJS: this project compiles to CommonJS and runs Jest 29, which cannot load
 * the ESM-only v6). Works with ProConnect (acr `eidas1`, signed userinfo, scopes `openid email
 * given_name usual_name siret`) and any certified provider. The provider's metadata is discovered at
 * the first sign-in (and again after a failure), so the service starts even when it is away.
 */
import type { IncomingMessage } from 'node:http';
import { Issuer, custom, generators, type Client, type TokenSet } from 'openid-client';
import type { ProvenIdentity } from '../advisors/staffService';

export interface OidcSettings {
  /** Issuer URL or its discovery document URL. */
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  postLogoutRedirectUrl: string;
  /** Space-separated, with `openid`. */
  scopes: string;
  acrValues?: string | undefined;
  idTokenSignedResponseAlg: string;
  userinfoSignedResponseAlg?: string | undefined;
}

/** What the browser's session keeps between the redirect to the provider and the way back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SignedInIdentity {
  identity: ProvenIdentity;
  /** Kept in the session for the provider's sign-out (id_token_hint). */
  idToken: string;
  /** The provider's `given_name`: the first name a chat person reads on the advisor's messages. */
  givenName?: string;
}

export class ProviderUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The identity provider does not answer', { cause });
    this.name = 'ProviderUnavailableError';
  }
}

export class SignInRejectedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInRejectedError';
  }
}

export interface OidcRelyingParty {
  /** Where to send the browser, and what to keep until it comes back. */
  start(): Promise<{ url: string; pending: PendingSignIn }>;
  /** Exchanges the code (PKCE, state, nonce checked), reads userinfo; SignInRejectedError when anything does not match. */
  finish(req: IncomingMessage, pending: PendingSignIn): Promise<SignedInIdentity>;
  /** The provider's end-session URL (id_token_hint, post-logout redirect), or null when it has none. */
  endSessionUrl(idToken: string | undefined): Promise<string | null>;
}

const HTTP_TIMEOUT_MS = 5000;

function displayName(claims: Record<string, unknown>): string | undefined {
  const parts = [claims.given_name, claims.usual_name ?? claims.family_name].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const name = parts.join(' ').trim().slice(0, 200);
  return name === '' ? undefined : name;
}

export function createOidcRelyingParty(settings: OidcSettings): OidcRelyingParty {
  let client: Promise<Client> | null = null;
  const clientOf = (): Promise<Client> => {
    client ??= Issuer.discover(settings.issuerUrl)
      .then((issuer) => {
        const created = new issuer.Client({
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          redirect_uris: [settings.redirectUrl],
          post_logout_redirect_uris: [settings.postLogoutRedirectUrl],
          response_types: ['code'],
          id_token_signed_response_alg: settings.idTokenSignedResponseAlg,
          ...(settings.userinfoSignedResponseAlg ? { userinfo_signed_response_alg: settings.userinfoSignedResponseAlg } : {}),
        });
        created[custom.http_options] = (_url, options) => ({ ...options, timeout: HTTP_TIMEOUT_MS });
        return created;
      })
      .catch((error: unknown) => {
        client = null;
        throw new ProviderUnavailableError(error);
      });
    return client;
  };

  return {
    async start() {
      const rp = await clientOf();
      const pending: PendingSignIn = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
      const url = rp.authorizationUrl({
        scope: settings.scopes,
        redirect_uri: settings.redirectUrl,
        code_challenge: generators.codeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
        ...(settings.acrValues ? { acr_values: settings.acrValues } : {}),
      });
      return { url, pending };
    },

    async finish(req, pending) {
      const rp = await clientOf();
      let tokenSet: TokenSet;
      let userinfo: Record<string, unknown>;
      try {
        const params = rp.callbackParams(req);
        tokenSet = await rp.callback(settings.redirectUrl, params, { state: pending.state, nonce: pending.nonce, code_verifier: pending.codeVerifier, response_type: 'code' });
        userinfo = await rp.userinfo(tokenSet);
      } catch (error) {
        if (error instanceof Error && /ECONNREFUSED|ETIMEDOUT|timeout|ENOTFOUND/i.test(`${error.message} ${(error as { code?: string }).code ?? ''}`)) {
          throw new ProviderUnavailableError(error);
        }
        throw new SignInRejectedError(error instanceof Error ? error.message : 'The sign-in was rejected', { cause: error });
      }
      const idClaims = tokenSet.claims();
      // ProConnect: the level of assurance asked for must be the one given (the provider may give another).
      const acrAsked = settings.acrValues?.split(' ') ?? [];
      if (acrAsked.length > 0 && !acrAsked.includes(String(idClaims.acr))) throw new SignInRejectedError('The provider did not give the level of assurance asked for (acr)');
      const claims = { ...idClaims, ...userinfo };
      if (typeof claims.sub !== 'string' || typeof claims.email !== 'string' || tokenSet.id_token === undefined) {
        throw new SignInRejectedError('The provider did not give a subject and an e-mail');
      }
      const name = displayName(claims);
      const givenName = typeof claims.given_name === 'string' ? claims.given_name.trim().slice(0, 100) : '';
      return {
        identity: { subject: claims.sub, email: claims.email, emailVerified: claims.email_verified !== false, ...(name !== undefined ? { name } : {}) },
        idToken: tokenSet.id_token,
        ...(givenName !== '' ? { givenName } : {}),
      };
    },

    async endSessionUrl(idToken) {
      let rp: Client;
      try {
        rp = await clientOf();
      } catch {
        return null;
      }
      if (!rp.issuer.metadata.end_session_endpoint) return null;
      return rp.endSessionUrl({ post_logout_redirect_uri: settings.postLogoutRedirectUrl, ...(idToken ? { id_token_hint: idToken } : {}) });
    },
  };
}
