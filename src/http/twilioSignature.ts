/**
 * Every Twilio webhook must carry a valid X-Twilio-Signature, computed by Twilio over the public URL
 * it called (PUBLIC_BASE_URL + path and query: we may sit behind a TLS-terminating proxy) and the
 * form parameters. Anything else is refused with 403.
 */
import type { RequestHandler } from 'express';
import { validateRequest } from 'twilio';

export function requireTwilioSignature(authToken: string, publicBaseUrl: string): RequestHandler {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return (req, res, next) => {
    const signature = req.header('x-twilio-signature');
    const params = (req.body ?? {}) as Record<string, string>;
    if (signature && validateRequest(authToken, signature, base + req.originalUrl, params)) {
      next();
      return;
    }
    res.status(403).type('text/plain').send('Invalid or missing X-Twilio-Signature');
  };
}
