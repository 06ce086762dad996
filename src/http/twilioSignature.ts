/**
 * Every Twilio webhook must carry a valid X-Twilio-Signature, computed by Twilio over the public URL
 * it called (PUBLIC_BASE_URL + path and query: we may sit behind a TLS-terminating proxy) and the
 * form parameters. Anything else is refused with 403.
 */
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { validateRequest } from 'twilio';

/** The answer to a request without a valid signature. */
export const SIGNATURE_REFUSED = 'Invalid or missing X-Twilio-Signature';

/**
 * Checks signatures for one account and one public base URL; `pathAndQuery` is the request's URL as
 * received. Twilio's `validateRequest` tries several spellings of the URL (without the port, with
 * the default port, normalised, with the legacy query string); Twilio signs the first for our URLs.
 * That one is checked first, as Twilio computes it (HMAC-SHA1 of the URL then each parameter's name
 * and value, by name), with the key made once; a signature it does not match goes on to
 * `validateRequest`, which tries every spelling: the same requests are accepted.
 */
export function twilioSignatureCheck(authToken: string, publicBaseUrl: string) {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const key = createSecretKey(Buffer.from(authToken, 'utf8'));
  const signedAsIs = (signature: string, url: string, params: Record<string, unknown>): boolean => {
    let text = url;
    for (const name of Object.keys(params).sort()) {
      const value = params[name];
      if (Array.isArray(value)) for (const item of [...new Set(value)].sort()) text += name + String(item);
      else text += name + String(value);
    }
    const expected = Buffer.from(createHmac('sha1', key).update(text, 'utf8').digest('base64'));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return (signature: string | string[] | undefined, pathAndQuery: string, params: Record<string, unknown>): boolean => {
    if (typeof signature !== 'string' || signature === '') return false;
    const url = base + pathAndQuery;
    return signedAsIs(signature, url, params) || validateRequest(authToken, signature, url, params);
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
