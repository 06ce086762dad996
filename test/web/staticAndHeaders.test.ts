/**
 * Static files compressed and cached; the security headers on every kind of answer (a page, a JSON
 * API answer, a TwiML answer, a 404), set once by helmet.
 */
import { request } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { dsfrDistDir, packagedWebPublicDir, webChatBundlePath } from '../../src/web/routes';
import { getExpectedTwilioSignature } from 'twilio';
import { newCallSid } from '../support/callHarness';
import { TIMES } from '../support/config';
import { TestClock, startTestApp, twilioSide, type RunningTestApp } from '../support/testApp';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET as a browser sends it, without fetch's own decompression. */
function get(app: RunningTestApp, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.httpBase}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let app: RunningTestApp;
beforeAll(async () => {
  const clock = new TestClock(TIMES.mondayMorningParis);
  app = await startTestApp({ store: createMemoryStore(clock), clock, keys: createStoreKeys('web-headers') });
});
afterAll(() => app.close());

async function bundleUrl(): Promise<string> {
  const page = (await get(app, '/')).body.toString('utf8');
  const url = page.match(/<script src="(\/chat\/vendor\/botframework-webchat-[\w.-]+\.js)"><\/script>/)?.[1];
  if (!url) throw new Error(`the chat page links to no versioned Web Chat bundle:\n${page}`);
  return url;
}

describe('static files', () => {
  test('When a browser asks for the Web Chat bundle with gzip, then it comes compressed, whole, with a year-long immutable cache', async () => {
    const original = readFileSync(webChatBundlePath());
    const answer = await get(app, await bundleUrl(), { 'accept-encoding': 'gzip' });

    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers['content-type']).toContain('javascript');
    expect(answer.body.length).toBeLessThan(original.length / 2);
    expect(gunzipSync(answer.body).equals(original)).toBe(true);
  });

  test('When a browser asks for the bundle with brotli, then it comes in brotli', async () => {
    const answer = await get(app, await bundleUrl(), { 'accept-encoding': 'br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(answer.body).length).toBe(statSync(webChatBundlePath()).size);
  });

  test('When the bundle URL is read, then it carries the installed Web Chat version', async () => {
    const { version } = JSON.parse(readFileSync(join(webChatBundlePath(), '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(await bundleUrl()).toBe(`/chat/vendor/botframework-webchat-${version}.js`);
  });

  test('When our pages and their files are asked for, then they are compressed and revalidated on every load (the console never stored)', async () => {
    for (const [path, cache] of [
      ['/', 'no-cache'],
      ['/chat/chat.js', 'no-cache'],
      ['/chat/chat.css', 'no-cache'],
      ['/console', 'no-store'],
      ['/console/ticketForms.js', 'no-cache'],
      ['/console/waiting.js', 'no-cache'],
      ['/console/console.css', 'no-cache'],
      ['/studio', 'no-store'],
      ['/studio/hours.js', 'no-cache'],
      ['/studio/draft.js', 'no-cache'],
      ['/studio/vendor/yaml/doc/Document.js', 'no-cache'],
      ['/studio/vendor/yaml/schema/yaml-1.1/binary.js', 'no-cache'],
    ] as const) {
      const answer = await get(app, path, { 'accept-encoding': 'gzip' });
      expect({ path, status: answer.status, cache: answer.headers['cache-control'], encoding: answer.headers['content-encoding'] }).toEqual({
        path,
        status: 200,
        cache,
        encoding: 'gzip',
      });
    }
    const console = await get(app, '/console/ticketForms.js', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(console.body).equals(readFileSync(join(packagedWebPublicDir(), 'console', 'ticketForms.js')))).toBe(true);
    // Native modules: a browser runs them only with a JavaScript type.
    expect(console.headers['content-type']).toMatch(/^(text|application)\/javascript/);
  });

  test('When the console asks for DSFR, then its style sheet, fonts and icons come from a versioned URL with a year-long immutable cache, and nothing else of the package is served', async () => {
    const { version } = JSON.parse(readFileSync(join(dsfrDistDir(), '..', 'package.json'), 'utf8')) as { version: string };
    const base = `/console/vendor/dsfr-${version}`;
    expect((await get(app, '/console')).body.toString('utf8')).toContain(`<link rel="stylesheet" href="${base}/dsfr.min.css" />`);
    for (const path of [`${base}/dsfr.min.css`, `${base}/fonts/Marianne-Regular.woff2`, `${base}/icons/system/fr--info-fill.svg`]) {
      const answer = await get(app, path, { 'accept-encoding': 'gzip' });
      expect({ path, status: answer.status, cache: answer.headers['cache-control'] }).toEqual({ path, status: 200, cache: 'public, max-age=31536000, immutable' });
    }
    for (const path of [`${base}/dsfr.module.min.js`, `${base}/../package.json`, `${base}/fonts/../dsfr.css`, '/console/vendor/dsfr-0.0.0/dsfr.min.css', '/console/nothing.js']) {
      expect({ path, status: (await get(app, path)).status }).toEqual({ path, status: 404 });
    }
  });

  test('When the studio asks for the yaml package\'s browser build, then only its .js modules are served, never a path going up', async () => {
    expect((await get(app, '/studio')).body.toString('utf8')).toContain('<script type="module" src="/studio/main.js"></script>');
    for (const path of ['/studio/vendor/yaml/../index.d.ts', '/studio/vendor/yaml/..%2Fpackage.json', '/studio/vendor/yaml/index.d.ts', '/studio/vendor/yaml/nothing.js', '/studio/nothing.js']) {
      expect({ path, status: (await get(app, path)).status }).toEqual({ path, status: 404 });
    }
  });

  test('When the browser has the page already, then the page answers 304 Not Modified', async () => {
    const first = await get(app, '/');
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    expect((await get(app, '/', { 'if-none-match': String(etag) })).status).toBe(304);
  });
});

const EVERY_ANSWER = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-permitted-cross-domain-policies': 'none',
};
const PAGE_POLICY =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self';connect-src 'self' ws: wss:;frame-ancestors 'none';base-uri 'none';form-action 'none'";
const API_POLICY = "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'";

function securityHeadersOf(headers: Headers | RawAnswer['headers']): Record<string, unknown> {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  const picked: Record<string, unknown> = {};
  for (const name of [...Object.keys(EVERY_ANSWER), 'content-security-policy', 'x-powered-by']) picked[name] = read(name) ?? undefined;
  return picked;
}

describe('security headers', () => {
  test('When a page is served, then it carries every security header and the pages\' Content Security Policy', async () => {
    for (const path of ['/', '/console', '/studio', '/chat/chat.js']) {
      expect({ path, ...securityHeadersOf((await get(app, path)).headers) }).toEqual({ path, ...EVERY_ANSWER, 'content-security-policy': PAGE_POLICY, 'x-powered-by': undefined });
    }
  });

  test('When the API answers JSON (ok or refused), then it carries every security header, a policy that allows nothing, and no-store', async () => {
    for (const path of ['/healthz', '/api/tickets/T-44-7K3F9Q']) {
      const answer = await fetch(`${app.httpBase}${path}`);
      expect(answer.headers.get('content-type')).toContain('application/json');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect({ path, ...securityHeadersOf(answer.headers) }).toEqual({ path, ...EVERY_ANSWER, 'content-security-policy': API_POLICY, 'x-powered-by': undefined });
    }
  });

  test('When Twilio gets TwiML, then the answer carries the same headers', async () => {
    const side = twilioSide(app);
    const publicUrl = `${side.publicBaseUrl}/voice/incoming`;
    const params = { AccountSid: 'AC00000000000000000000000000000000', CallSid: newCallSid(), CallStatus: 'ringing', From: '+33612345678', To: '+33800360360' };
    const answer = await fetch(`${app.httpBase}/voice/incoming`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': getExpectedTwilioSignature(side.authToken, publicUrl, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('xml');
    expect(await answer.text()).toContain('<Gather');
    expect(securityHeadersOf(answer.headers)).toEqual({ ...EVERY_ANSWER, 'content-security-policy': API_POLICY, 'x-powered-by': undefined });
  });

  test('When Web Chat posts a message (Direct Line\'s lean lane), then the answer, ok or refused, carries the same headers and no-store', async () => {
    const { token } = (await (await fetch(`${app.httpBase}/chat/token`, { method: 'POST' })).json()) as { token: string };
    const started = await fetch(`${app.httpBase}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const { conversationId } = (await started.json()) as { conversationId: string };
    const post = (body: string) =>
      fetch(`${app.httpBase}/v3/directline/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
    for (const [body, status] of [
      [JSON.stringify({ type: 'message', text: 'Bonjour' }), 200],
      [JSON.stringify({ type: 'message', text: '' }), 400],
      ['{"type":', 400],
    ] as const) {
      const answer = await post(body);
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(securityHeadersOf(answer.headers)).toEqual({ ...EVERY_ANSWER, 'content-security-policy': API_POLICY, 'x-powered-by': undefined });
    }
  });

  test('When nothing is found (404), then the answer carries the same headers', async () => {
    const answer = await get(app, '/no/such/page');
    expect(answer.status).toBe(404);
    expect(securityHeadersOf(answer.headers)).toEqual({ ...EVERY_ANSWER, 'content-security-policy': API_POLICY, 'x-powered-by': undefined });
  });
});
