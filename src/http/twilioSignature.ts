/**
 * Every Twilio webhook must carry a valid X-Twilio-Signature, computed by Twilio over the public URL
 * it called (PUBLIC_BASE_URL + path and query: we may sit behind a TLS-terminating proxy) and the
 * form parameters. Anything else is refused with 403.
 */
import type { RequestHandler } from 'express';
import { validateRequest } from 'twilio';

/** The answer to a request without a valid signature. */
export const SIGNATURE_REFUSED = 'Invalid or missing X-Twilio-Signature';

/** Checks signatures for one account and one public base URL; `pathAndQuery` is the request's URL as received. */
export function twilioSignatureCheck(authToken: string, publicBaseUrl: string) {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return (signature: string | string[] | undefined, pathAndQuery: string, params: Record<string, unknown>): boolean =>
    typeof signature === 'string' && signature !== '' && validateRequest(authToken, signature, base + pathAndQuery, params);
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
