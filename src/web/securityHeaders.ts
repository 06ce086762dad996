/**
 * The security headers of every answer, in one place (helmet): pages, JSON, TwiML, event streams,
 * 404s and errors. `securityHeaders()` is mounted first in createApp; the pages add their own
 * Content Security Policy with `pageContentSecurityPolicy()` (src/web/routes.ts).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Answers that are not pages (JSON, TwiML, text): nothing in them may load, run or be framed. Also
 * not cached by default, since most carry personal data; the pages' files set their own caching.
 */
const API_DIRECTIVES = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** The chat page and the console: their own scripts and styles, our Direct Line, nothing else. */
const PAGE_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Web Chat styles itself at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  // DSFR's icons are CSS masks (SVG files of ours, and a few data: URIs in its style sheet).
  'img-src': ["'self'", 'data:', 'blob:'],
  // DSFR's Marianne and Spectral fonts, served from node_modules under our own origin.
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

const noStoreByDefault: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: API_DIRECTIVES },
      // Same as frame-ancestors 'none', for browsers that read only the older header.
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Defaults kept: HSTS (one year, subdomains; browsers ignore it over plain http), nosniff,
      // Cross-Origin-Opener-Policy and Cross-Origin-Resource-Policy same-origin, Origin-Agent-Cluster,
      // no X-Powered-By, X-XSS-Protection 0, X-DNS-Prefetch-Control off, X-Permitted-Cross-Domain-Policies none.
    }),
    noStoreByDefault,
  ];
}

/** Replaces the API policy with the pages' one (Web Chat and the console run under it). */
export function pageContentSecurityPolicy(): RequestHandler {
  return helmet.contentSecurityPolicy({ useDefaults: false, directives: PAGE_DIRECTIVES });
}

/**
 * The headers `securityHeaders()` puts on every answer that is not a page, as one flat list
 * ([name, value, name, value…]) for `res.writeHead`: for the lean voice lane, which answers before
 * express. Read once from the middlewares themselves (their headers depend on nothing in the request),
 * so that the two can never differ.
 */
export function fixedSecurityHeaders(): string[] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  for (const middleware of securityHeaders()) {
    let called = false;
    (middleware as (req: unknown, res: unknown, next: (error?: unknown) => void) => void)({ headers: {}, method: 'POST', url: '/' }, recorder, (error) => {
      if (error) throw error;
      called = true;
    });
    if (!called) throw new Error('a security header middleware did not finish at once');
  }
  return [...headers].flat();
}
