/**
 * The lean lane of Direct Line's hot routes: a plain node:http listener, ahead of express, that answers
 * POST /v3/directline/conversations/:id/activities (every message of a chat) and the opening of a
 * chat (POST /chat/token, POST /v3/directline/conversations), and hands every other request to
 * express untouched, as the voice lane does for Twilio's webhooks (src/voice/voiceLane.ts).
 *
 * It answers exactly as the express routes do (same JSON checks, same token check, same
 * post-activity.ts and opening.ts, same errors, same security headers; the client's address, protocol
 * and host read under the same `trust proxy` setting) without the router, body-parser or the
 * middleware chain. What it does not take (another path or method, a path in another case, with a
 * trailing slash or escapes, a body that is not plain UTF-8 JSON of a declared length within the
 * route's limit) goes to express, which handles it as before.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../logging';
import { MAX_BODY_BYTES } from './browser-routes';
import { clientAddress, clientHost, clientProtocol, type TrustProxy } from './client-address';
import { errorAnswer } from './http';
import type { Answer, Opening } from './opening';
import type { ActivityPoster } from './post-activity';
import { bearerToken } from './stream';
import type { ChatTokens } from './tokens';

export interface DirectLineLaneDeps {
  tokens: ChatTokens;
  postActivity: ActivityPoster;
  opening: Opening;
  /** The app's compiled `trust proxy` setting (`app.get('trust proxy fn')`): how req.ip, req.protocol and req.host are read. */
  trustProxy: TrustProxy;
  /** The security headers of every answer (flat list: name, value…), as the express app sets them. */
  securityHeaders: readonly string[];
  /** Origins answered with CORS headers, as the express route does. */
  allowedOrigins?: readonly string[];
  logger: Logger;
  /** Everything the lane does not answer (the express app). */
  next: RequestListener;
}

const TOKEN_PATH = '/chat/token';
const START_PATH = '/v3/directline/conversations';
const PREFIX = '/v3/directline/conversations/';
const SUFFIX = '/activities';
const JSON_TYPE = /^application\/json[ \t]*(?:;[ \t]*charset="?utf-8"?[ \t]*)?$/i;
/** body-parser's strict mode: an object or an array, after optional JSON whitespace. */
const STRICT_START = /^[\x20\x09\x0a\x0d]*[{[]/;

/** The conversation id of the route's path, or undefined when the path is another (or needs decoding). */
function conversationOf(url: string): string | undefined {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) return undefined;
  const id = path.slice(PREFIX.length, path.length - SUFFIX.length);
  return id === '' || id.includes('/') || id.includes('%') ? undefined : id;
}

function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

/** No body at all (no length, or 0, and not chunked): what body-parser reads as an empty one. */
function hasNoBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

/** A body the lane can take: JSON in UTF-8, of a declared length within the route's limit. */
function isPlainJson(req: IncomingMessage): boolean {
  const { headers } = req;
  const length = Number(headers['content-length']);
  return (
    length > 0 &&
    length <= MAX_BODY_BYTES &&
    headers['transfer-encoding'] === undefined &&
    (headers['content-encoding'] === undefined || headers['content-encoding'] === 'identity') &&
    JSON_TYPE.test(headers['content-type'] ?? '')
  );
}

export function createDirectLineLane(deps: DirectLineLaneDeps): RequestListener {
  const { tokens, postActivity, opening, trustProxy, logger } = deps;
  const fixed = new Map<string, string>();
  for (let i = 0; i + 1 < deps.securityHeaders.length; i += 2) fixed.set(deps.securityHeaders[i]!.toLowerCase(), deps.securityHeaders[i + 1]!);
  // As the route's own noStore middleware (http.ts).
  fixed.set('cache-control', 'no-store');
  fixed.set('x-content-type-options', 'nosniff');
  fixed.set('content-type', 'application/json; charset=utf-8');
  const jsonHeaders = [...fixed].flat();
  const allowedOrigins = new Set(deps.allowedOrigins ?? []);

  function send(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, retryAfter?: number): void {
    const body = JSON.stringify(value);
    const headers = [...jsonHeaders, 'content-length', String(Buffer.byteLength(body))];
    const origin = req.headers.origin;
    if (origin !== undefined && allowedOrigins.has(origin)) {
      headers.push(
        'access-control-allow-origin', origin,
        'access-control-allow-headers', 'Authorization, Content-Type, x-ms-bot-agent',
        'access-control-allow-methods', 'GET, POST',
        'access-control-max-age', '600',
        'vary', 'Origin',
      );
    }
    if (retryAfter !== undefined) headers.push('retry-after', String(retryAfter));
    res.writeHead(status, headers);
    res.end(body);
  }

  const sendError = (req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, retryAfter?: number) =>
    send(req, res, status, { error: { code, message } }, retryAfter);

  /** The body as body-parser's strict JSON reads it; undefined when it is not valid (answered 400). */
  function parsed(req: IncomingMessage, res: ServerResponse, text: string): { body: unknown } | undefined {
    try {
      if (!STRICT_START.test(text)) throw new SyntaxError('not an object or an array');
      return { body: JSON.parse(text) };
    } catch {
      sendError(req, res, 400, 'BadArgument', 'The request body is not valid JSON');
      return undefined;
    }
  }

  /** The token's claims, or undefined when it is refused (answered as the express route does). */
  function claimsOf(req: IncomingMessage, res: ServerResponse) {
    const check = tokens.verify(bearerToken(req.headers.authorization));
    if (check.ok) return check.claims;
    if (check.reason === 'expired') sendError(req, res, 403, 'TokenExpired', 'The token has expired');
    else sendError(req, res, 401, 'Unauthorized', 'A valid token is required');
    return undefined;
  }

  function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
    if (answer.status === 429) sendError(req, res, 429, answer.code, answer.message, answer.retryAfter);
    else send(req, res, answer.status, answer.body);
  }

  async function guarded(req: IncomingMessage, res: ServerResponse, path: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const { status, code, message } = errorAnswer(error, logger, path);
      sendError(req, res, status, code, message);
    }
  }

  /** POST /v3/directline/conversations: the body (none, or JSON) first, then the token, as express does. */
  function start(req: IncomingMessage, res: ServerResponse, text: string | undefined): Promise<void> {
    const given = text === undefined ? { body: undefined } : parsed(req, res, text);
    if (!given) return Promise.resolve();
    const claims = claimsOf(req, res);
    if (!claims) return Promise.resolve();
    const origin = { protocol: clientProtocol(req, trustProxy), host: clientHost(req, trustProxy) };
    return guarded(req, res, START_PATH, async () => sendAnswer(req, res, await opening.start(claims, given.body, origin)));
  }

  async function answer(req: IncomingMessage, res: ServerResponse, conversationId: string, text: string): Promise<void> {
    // The same order as express: the body first (body-parser), then the token, then the conversation.
    const given = parsed(req, res, text);
    if (!given) return;
    const { body } = given;
    const claims = claimsOf(req, res);
    if (!claims) return;
    if (conversationId !== claims.conversationId) return sendError(req, res, 403, 'Forbidden', 'This token does not give access to this conversation');
    try {
      const outcome = await postActivity(claims, body);
      if (outcome.status !== 200) return sendError(req, res, outcome.status, outcome.code, outcome.message, outcome.retryAfter);
      send(req, res, 200, { id: outcome.id });
      outcome.forward();
    } catch (error) {
      const { status, code, message } = errorAnswer(error, logger, `${PREFIX}${conversationId}${SUFFIX}`);
      sendError(req, res, status, code, message);
    }
  }

  /** Reads the whole body, then `then` with it as UTF-8 text. */
  function readBody(req: IncomingMessage, res: ServerResponse, then: (text: string) => void): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => then(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8')));
  }

  return (req, res) => {
    if (req.method !== 'POST') return deps.next(req, res);
    const url = req.url ?? '';
    const path = pathOf(url);
    if (path === TOKEN_PATH) {
      // As express: the body is not read (the route takes none).
      void guarded(req, res, TOKEN_PATH, async () => sendAnswer(req, res, await opening.token(clientAddress(req, trustProxy))));
      return;
    }
    if (path === START_PATH) {
      if (hasNoBody(req)) void start(req, res, undefined);
      else if (isPlainJson(req)) readBody(req, res, (text) => void start(req, res, text));
      else deps.next(req, res);
      return;
    }
    const conversationId = conversationOf(url);
    if (conversationId === undefined || !isPlainJson(req)) return deps.next(req, res);
    readBody(req, res, (text) => void answer(req, res, conversationId, text));
  };
}
