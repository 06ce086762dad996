/** Sending the server-rendered staff pages: their Content Security Policy, never stored; signed out first. */
import type { RequestHandler, Response } from 'express';
import { SERVER_PAGE_CSP } from './frame';

export function sendPage(res: Response, status: number, html: string): void {
  res.status(status).set('Content-Security-Policy', SERVER_PAGE_CSP).set('Cache-Control', 'no-store').type('html').send(html);
}

/** Before the sign-in check: a visitor with neither a session nor a token gets `signedOutPage` (401), not a JSON error. */
export function signedOutPage(html: () => string): RequestHandler {
  return (req, res, next) => {
    if (res.locals.principal || req.header('authorization')) return next();
    sendPage(res, 401, html());
  };
}
