/**
 * The chat page at / (and /chat), its script and style, and Web Chat's own bundle served from
 * node_modules: no CDN, nothing loaded from elsewhere. The advisor console at /console (plain DOM
 * script over the advisor API), under the same Content Security Policy.
 *
 * Caching: Web Chat's bundle has its version in its URL, so browsers keep it a year without asking
 * again; our pages and files are revalidated on every load (ETag), so a new version shows at once;
 * the console is never stored. Text files are compressed (gzip or brotli, as the browser asks).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import compression from 'compression';
import express, { type RequestHandler, type Response, type Router } from 'express';
import { findRepoRoot } from '../config/env';
import { pageContentSecurityPolicy } from './securityHeaders';

/**
 * The pages' files ship with the package (src/web/public), never with CONFIG_DIR: found from this
 * module whether it runs from src/ (tsx, jest) or from dist/src/ (npm start).
 */
export function packagedWebPublicDir(): string {
  return join(findRepoRoot(__dirname), 'src', 'web', 'public');
}

/** botframework-webchat exports only '.': its bundle and package.json sit beside its main entry. */
function webChatPackageDir(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..');
}

export function webChatBundlePath(): string {
  return join(webChatPackageDir(), 'dist', 'webchat.js');
}

/** The bundle's URL carries the installed version: a new version is a new URL. */
export function webChatBundleUrl(): string {
  const { version } = JSON.parse(readFileSync(join(webChatPackageDir(), 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !/^[\w.-]+$/.test(version)) throw new Error('botframework-webchat has no readable version');
  return `/chat/vendor/botframework-webchat-${version}.js`;
}

/** In index.html, the script tag the router points at the versioned bundle. */
const BUNDLE_PLACEHOLDER = 'src="/chat/webchat.js"';

const CACHE = {
  /** Versioned vendor files: a year, never revalidated. */
  versioned: 'public, max-age=31536000, immutable',
  /** Our pages and files: kept, but revalidated on every load. */
  revalidate: 'no-cache',
  /** The console: a work tool, never stored. */
  never: 'no-store',
} as const;

function sendFile(res: Response, path: string, cacheControl: string): void {
  res.setHeader('Cache-Control', cacheControl);
  res.sendFile(path, { cacheControl: false });
}

export function createWebRouter(publicDir: string): Router {
  const router = express.Router();
  const bundleUrl = webChatBundleUrl();
  const bundle = webChatBundlePath();
  const chatPageTemplate = readFileSync(join(publicDir, 'index.html'), 'utf8');
  if (!chatPageTemplate.includes(BUNDLE_PLACEHOLDER)) throw new Error(`index.html has no ${BUNDLE_PLACEHOLDER}`);
  const chatPage = chatPageTemplate.replace(BUNDLE_PLACEHOLDER, `src="${bundleUrl}"`);

  const web: RequestHandler[] = [compression(), pageContentSecurityPolicy()];
  const file = (name: string, cacheControl: string): RequestHandler => (_req, res) => sendFile(res, join(publicDir, name), cacheControl);

  router.get(['/', '/chat'], ...web, (_req, res) => {
    res.setHeader('Cache-Control', CACHE.revalidate);
    res.type('html').send(chatPage);
  });
  router.get('/chat/chat.js', ...web, file('chat.js', CACHE.revalidate));
  router.get('/chat/chat.css', ...web, file('chat.css', CACHE.revalidate));
  router.get(bundleUrl, ...web, (_req, res) => sendFile(res, bundle, CACHE.versioned));
  // The page holds no data (everything comes from the API with the token), but it is a work tool.
  router.get('/console', ...web, file('console.html', CACHE.never));
  router.get('/console/console.js', ...web, file('console.js', CACHE.revalidate));
  router.get('/console/console.css', ...web, file('console.css', CACHE.revalidate));
  return router;
}
