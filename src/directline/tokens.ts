/**
 * Chat tokens: compact JWTs (HS256) bound to one conversation and one user, short-lived and refreshable.
 *
 * Signed and checked with node:crypto rather than jose: jose 6 is published as ES modules only, which
 * the Jest runtime of this project (Node 20, CommonJS) cannot load. The format is standard JWS, so
 * the browser side (Web Chat reads the `user` claim with jwt-decode) sees an ordinary JWT.
 */
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../domain/ports';

export const TOKEN_ISSUER = 'orientation-360';
export const TOKEN_AUDIENCE = 'directline';
export const DEFAULT_TOKEN_TTL_SECONDS = 30 * 60;
const MAX_TOKEN_LENGTH = 2048;

/** Conversation ids: 144 random bits, base64url (24 characters). */
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;
/** User ids: `dl_` + 96 random bits; the `dl_` prefix tells Web Chat the id came from the token. */
export const USER_ID_PATTERN = /^dl_[A-Za-z0-9_-]{16}$/;

export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

export function newUserId(): string {
  return `dl_${randomBytes(12).toString('base64url')}`;
}

/** A token key for chat tokens derived from another secret (e.g. DATA_KEY), so no new variable is needed. */
export function deriveTokenKey(secret: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, new Uint8Array(0), 'orientation-360 directline token key', 32));
}

export interface ChatTokenClaims {
  conversationId: string;
  userId: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  /** Seconds until it expires (Direct Line's `expires_in`). */
  expiresIn: number;
  claims: ChatTokenClaims;
}

export type TokenCheck =
  | { ok: true; claims: ChatTokenClaims }
  /** `invalid`: missing, malformed, forged or not ours (401); `expired`: genuine but too old (403). */
  | { ok: false; reason: 'invalid' | 'expired' };

export interface ChatTokens {
  readonly ttlSeconds: number;
  issue(conversationId: string, userId: string): IssuedToken;
  verify(token: string | undefined): TokenCheck;
}

/** Tokens already verified, kept (their claims) so that the next requests of a chat skip the HMAC; their expiry is checked each time. */
const VERIFIED_KEPT = 10_000;

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function createChatTokens(options: { key: Uint8Array; clock: Clock; ttlSeconds?: number }): ChatTokens {
  const { clock } = options;
  if (options.key.byteLength < 32) throw new RangeError('The chat token key must be at least 32 bytes');
  const key = Buffer.from(options.key);
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) throw new RangeError('The chat token TTL must be a whole number of seconds >= 1');
  const sign = (input: string) => createHmac('sha256', key).update(input).digest();
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  const verified = new LRUCache<string, ChatTokenClaims>({ max: VERIFIED_KEPT });

  return {
    ttlSeconds,

    issue(conversationId, userId) {
      const issuedAt = nowSeconds();
      const claims: ChatTokenClaims = { conversationId, userId, expiresAt: issuedAt + ttlSeconds };
      const payload = Buffer.from(
        JSON.stringify({
          iss: TOKEN_ISSUER,
          aud: TOKEN_AUDIENCE,
          conv: conversationId,
          user: userId,
          iat: issuedAt,
          exp: claims.expiresAt,
          jti: randomBytes(9).toString('base64url'),
        }),
      ).toString('base64url');
      const signingInput = `${HEADER}.${payload}`;
      return { token: `${signingInput}.${sign(signingInput).toString('base64url')}`, expiresIn: ttlSeconds, claims };
    },

    verify(token) {
      const invalid = { ok: false, reason: 'invalid' } as const;
      if (!token || token.length > MAX_TOKEN_LENGTH) return invalid;
      const known = verified.get(token);
      if (known !== undefined) return nowSeconds() >= known.expiresAt ? { ok: false, reason: 'expired' } : { ok: true, claims: known };
      const parts = token.split('.');
      if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return invalid;
      const [header, payload, signature] = parts as [string, string, string];
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
      let claims: Record<string, unknown>;
      try {
        const decodedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>;
        if (decodedHeader.alg !== 'HS256') return invalid;
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        return invalid;
      }
      const { iss, aud, conv, user, exp } = claims;
      if (iss !== TOKEN_ISSUER || aud !== TOKEN_AUDIENCE) return invalid;
      if (typeof conv !== 'string' || !CONVERSATION_ID_PATTERN.test(conv)) return invalid;
      if (typeof user !== 'string' || !USER_ID_PATTERN.test(user)) return invalid;
      if (typeof exp !== 'number' || !Number.isInteger(exp)) return invalid;
      if (nowSeconds() >= exp) return { ok: false, reason: 'expired' };
      const checked: ChatTokenClaims = { conversationId: conv, userId: user, expiresAt: exp };
      verified.set(token, Object.freeze(checked));
      return { ok: true, claims: checked };
    },
  };
}
