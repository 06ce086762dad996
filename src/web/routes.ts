/**
 * The chat page at / (and /chat), its modules and style, and Web Chat's own bundle served from
 * node_modules: no CDN, nothing loaded from elsewhere; like the console, it is styled with DSFR. The advisor console at /console (native ES
 * modules from src/web/public/console/, no build step, over the advisor API) styled with the French
 * State design system (DSFR, @gouvfr/dsfr: its CSS, fonts and icons from node_modules), under the
 * same Content Security Policy. The studio at /studio (coordinators and the national team; issue 11),
 * built the same way from src/web/public/studio/, reading YAML with the `yaml` package's browser build.
 *
 * Caching: Web Chat's bundle and DSFR have their version in their URL, so browsers keep them a year
 * without asking again; our pages and files are revalidated on every load (ETag), so a new version
 * shows at once; the console's page is never stored. Text files are compressed (gzip or brotli).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import compression from 'compression';
import express, { type RequestHandler, type Response, type Router } from 'express';
import { findRepoRoot } from '../config/env';
import { renderPage } from './pageTemplate';
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

/** The `yaml` package's browser build (native ES modules, no dependency), for the studio's page. */
export function yamlBrowserDir(): string {
  return join(dirname(require.resolve('yaml/package.json')), 'browser', 'dist');
}

/** DSFR's dist folder (the package exports only its files, so found from its package.json). */
export function dsfrDistDir(): string {
  return join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');
}

/** DSFR's files under a URL that carries the installed version. */
export function dsfrBaseUrl(): string {
  const { version } = JSON.parse(readFileSync(join(dsfrDistDir(), '..', 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !/^[\w.-]+$/.test(version)) throw new Error('@gouvfr/dsfr has no readable version');
  return `/console/vendor/dsfr-${version}`;
}

/** Of DSFR's dist, only what the console's page loads: the style sheet, its fonts and its icons. */
const DSFR_FILES = /^\/(dsfr\.min\.css|fonts\/[\w-]+\.woff2?|icons\/[\w-]+\/[\w-]+\.svg)$/;

/** The yaml browser build's modules: `index.js`, `doc/x.js`, `schema/yaml-1.1/x.js` (never `..`, only .js). */
const YAML_FILES = /^\/([\w-]+(\.[\w-]+)*\/){0,2}[\w-]+\.js$/;

/** In layout.html (the frame of every page), the style sheet link the router points at the versioned DSFR. */
const DSFR_PLACEHOLDER = 'href="/console/vendor/dsfr/dsfr.min.css"';

/** In index.html, the script tag the router points at the versioned bundle. */
const BUNDLE_PLACEHOLDER = 'src="/chat/webchat.js"';

/** The chat page's own files (beside index.html). */
const CHAT_FILES = ['chat.js', 'chat.css', 'webChatStyle.js'] as const;

/** A page's parts in the shared frame, its placeholders pointed at the versioned files; a missing placeholder stops the start. */
function pageFrom(publicDir: string, name: string, replacements: ReadonlyArray<readonly [string, string]>): string {
  let page = renderPage(readFileSync(join(publicDir, 'layout.html'), 'utf8'), readFileSync(join(publicDir, name), 'utf8'), name);
  for (const [placeholder, value] of replacements) {
    if (!page.includes(placeholder)) throw new Error(`${name} has no ${placeholder}`);
    page = page.replace(placeholder, value);
  }
  return page;
}

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
  const dsfrUrl = dsfrBaseUrl();
  const dsfr = [DSFR_PLACEHOLDER, `href="${dsfrUrl}/dsfr.min.css"`] as const;
  const chatPage = pageFrom(publicDir, 'index.html', [[BUNDLE_PLACEHOLDER, `src="${bundleUrl}"`], dsfr]);
  const consolePage = pageFrom(publicDir, 'console.html', [dsfr]);
  const studioPage = pageFrom(publicDir, 'studio.html', [dsfr]);

  const web: RequestHandler[] = [compression(), pageContentSecurityPolicy()];
  const file = (name: string, cacheControl: string): RequestHandler => (_req, res) => sendFile(res, join(publicDir, name), cacheControl);

  router.get(['/', '/chat'], ...web, (_req, res) => {
    res.setHeader('Cache-Control', CACHE.revalidate);
    res.type('html').send(chatPage);
  });
  for (const name of CHAT_FILES) router.get(`/chat/${name}`, ...web, file(name, CACHE.revalidate));
  router.get(bundleUrl, ...web, (_req, res) => sendFile(res, bundle, CACHE.versioned));
  // The page holds no data (everything comes from the API with the token), but it is a work tool.
  for (const [path, page] of [['/console', consolePage], ['/studio', studioPage]] as const) {
    router.get(path, ...web, (_req, res) => {
      res.setHeader('Cache-Control', CACHE.never);
      res.type('html').send(page);
    });
  }
  router.use(dsfrUrl, ...web, (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!DSFR_FILES.test(req.path)) return next();
    sendFile(res, join(dsfrDistDir(), req.path), CACHE.versioned);
  });
  // The studio reads a version's YAML with the yaml package's browser build.
  router.use('/studio/vendor/yaml', ...web, (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!YAML_FILES.test(req.path)) return next();
    sendFile(res, join(yamlBrowserDir(), req.path), CACHE.revalidate);
  });
  // The console's and the studio's modules and style sheets: one file per panel.
  for (const folder of ['console', 'studio']) {
    const files = new Set(readdirSync(join(publicDir, folder)).filter((name) => /^[a-zA-Z]+\.(js|css)$/.test(name)));
    router.get(new RegExp(`^/${folder}/[a-zA-Z]+\\.(js|css)$`), ...web, (req, res, next) => {
      const name = req.path.slice(folder.length + 2);
      if (!files.has(name)) return next();
      sendFile(res, join(publicDir, folder, name), CACHE.revalidate);
    });
  }
  return router;
}
