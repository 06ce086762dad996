/**
 * The chat page at / (and /chat), its script and style, and Web Chat's own bundle served from
 * node_modules: no CDN, nothing loaded from elsewhere. The advisor console at /console (plain DOM
 * script over the advisor API), under the same Content Security Policy.
 */
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';
import { findRepoRoot } from '../config/env';

/**
 * The pages' files ship with the package (src/web/public), never with CONFIG_DIR: found from this
 * module whether it runs from src/ (tsx, jest) or from dist/src/ (npm start).
 */
export function packagedWebPublicDir(): string {
  return join(findRepoRoot(__dirname), 'src', 'web', 'public');
}

/** botframework-webchat exports only '.': its bundle sits beside its main entry. */
export function webChatBundlePath(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Web Chat styles itself at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function createWebRouter(publicDir: string): Router {
  const router = express.Router();
  const page = join(publicDir, 'index.html');
  const bundle = webChatBundlePath();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  router.get(['/', '/chat'], (_req, res) => res.sendFile(page));
  router.get('/chat/chat.js', (_req, res) => res.sendFile(join(publicDir, 'chat.js')));
  router.get('/chat/chat.css', (_req, res) => res.sendFile(join(publicDir, 'chat.css')));
  router.get('/chat/webchat.js', (_req, res) => res.sendFile(bundle, { maxAge: '1d' }));
  router.get('/console', (_req, res) => {
    // The page holds no data (everything comes from the API with the token), but it is a work tool.
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(join(publicDir, 'console.html'));
  });
  router.get('/console/console.js', (_req, res) => res.sendFile(join(publicDir, 'console.js')));
  router.get('/console/console.css', (_req, res) => res.sendFile(join(publicDir, 'console.css')));
  return router;
}
