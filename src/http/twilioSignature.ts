/**
 * Every Twilio webhook must carry a valid X-Twilio-Signature, computed by Twilio over the public URL
 * it called (PUBLIC_BASE_URL + path and query: we may sit behind a TLS-terminating proxy) and the
 * form parameters. Anything else is refused with 403.
 *
 * twilio's `validateRequest` is the reference. Its first candidate (the URL as received, without a
 * port) is what Twilio signs for us, so it is tried first here without the library's per-request
 * work (both port variants of the URL split by a regex, the HMAC key converted from a string each
 * time); when that candidate does not match, `validateRequest` decides, so the requests accepted are
 * exactly those it accepts.
 */
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { RequestHandler } from 'express';
import { validateRequest } from 'twilio';

/** The answer to a request without a valid signature. */
export const SIGNATURE_REFUSED = 'Invalid or missing X-Twilio-Signature';

/** As twilio's `removePort` (webhooks.js): the URL without the port of its authority. */
function withoutPort(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return url;
  const [prefix, scheme, authority] = match as unknown as [string, string, string];
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  const host = portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart);
  return scheme + authority.slice(0, userInfoEnd + 1) + host + url.slice(prefix.length);
}

/**
 * The signature twilio's `getExpectedTwilioSignature` computes (HMAC-SHA1 in base64 of the URL then
 * each parameter's name and value, names sorted), for parameters whose values are all strings; null
 * otherwise (a repeated name: the library handles it).
 */
function expectedSignature(key: KeyObject, url: string, params: Record<string, unknown>): string | null {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (typeof value !== 'string') return null;
    data += name + value;
  }
  return createHmac('sha1', key).update(data, 'utf8').digest('base64');
}

/** Checks signatures for one account and one public base URL; `pathAndQuery` is the request's URL as received. */
export function twilioSignatureCheck(authToken: string, publicBaseUrl: string) {
  const base = publicBaseUrl.replace(/\/+$/, '');
  // A path starting with '/' ends the authority, so the port comes off the base alone.
  const baseWithoutPort = withoutPort(base);
  const key = createSecretKey(Buffer.from(authToken, 'utf8'));
  return (signature: string | string[] | undefined, pathAndQuery: string, params: Record<string, unknown>): boolean => {
    if (typeof signature !== 'string' || signature === '') return false;
    if (pathAndQuery.startsWith('/')) {
      const expected = expectedSignature(key, baseWithoutPort + pathAndQuery, params);
      if (expected !== null) {
        const given = Buffer.from(signature, 'utf8');
        if (given.length === expected.length && timingSafeEqual(given, Buffer.from(expected, 'latin1'))) return true;
      }
    }
    return validateRequest(authToken, signature, base + pathAndQuery, params);
  };
}

export function requireTwilioSignature(authToken: string, publicBaseUrl: string): RequestHandler {
  const isSigned = twilioSignatureCheck(authToken, publicBaseUrl);
  return (req, res, next) => {
    if (isSigned(req.header('x-twilio-signature'), req.originalUrl, (req.body ?? {}) as Record<string, unknown>)) {
      next();
      return;
    }
    res.status(403).type('text/plain').send(SIGNATURE_REFUSED);
  };
}
