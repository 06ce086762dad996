/**
 * The browser side of the channel, as the official Web Chat calls it: a chat token, then the
 * conversation (start, reconnect, post, read) under /v3/directline. Every call but the first needs the
 * token, and a token opens its own conversation only.
 */
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from '../logging';
import { MAX_USER_TEXT_CHARS, MAX_USER_VALUE_JSON_CHARS } from './activity';
import type { ActivityPoster } from './post-activity';
import type { ConversationLog, ConversationRecord } from './conversations';
import { noStore, sendError } from './http';
import { bearerToken, parseWatermark } from './stream';
import type { Answer, Opening, RequestOrigin } from './opening';
import type { ChatTokenClaims, ChatTokens } from './tokens';

/** Most activities in one read (GET activities, a stream's catch-up). */
export const PAGE_SIZE = 100;

/** The longest body (4 bytes a character at worst) of the longest message and its value; anything bigger is a 413. */
export const MAX_BODY_BYTES = 4 * MAX_USER_TEXT_CHARS + MAX_USER_VALUE_JSON_CHARS + 8 * 1024;

export interface BrowserRouterDeps {
  tokens: ChatTokens;
  log: ConversationLog;
  /** A chat's token and start (opening.ts), shared with the lean lane. */
  opening: Opening;
  /** POST of a user's activity (post-activity.ts), shared with the lean lane. */
  postActivity: ActivityPoster;
  logger: Logger;
  options: { allowedOrigins?: readonly string[] };
}

function chatClaims(res: Response): ChatTokenClaims {
  return res.locals.chatClaims as ChatTokenClaims;
}

export function createBrowserRouter(deps: BrowserRouterDeps): express.Router {
  const { tokens, log, opening, postActivity, options } = deps;

  const originOf = (req: Request): RequestOrigin => ({ protocol: req.protocol, host: req.host });
  const send = (res: Response, answer: Answer) => {
    if (answer.status === 429) {
      res.set('Retry-After', String(answer.retryAfter));
      sendError(res, 429, answer.code, answer.message);
      return;
    }
    res.status(answer.status).json(answer.body);
  };

  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const cors: RequestHandler = (req, res, next) => {
    const origin = req.header('origin');
    if (origin && allowedOrigins.has(origin)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, x-ms-bot-agent',
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Max-Age': '600',
      });
      res.vary('Origin');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  };

  const authenticate: RequestHandler = (req, res, next) => {
    const check = tokens.verify(bearerToken(req.header('authorization')));
    if (!check.ok) {
      // DirectLineJS reads 403 as "expired token" (it stops and waits for a new one) and other 4xx as fatal.
      if (check.reason === 'expired') sendError(res, 403, 'TokenExpired', 'The token has expired');
      else sendError(res, 401, 'Unauthorized', 'A valid token is required');
      return;
    }
    res.locals.chatClaims = check.claims;
    next();
  };

  /** The same answer whether the other conversation exists or not. */
  const ownConversation: RequestHandler = (req, res, next) => {
    if (req.params.conversationId !== chatClaims(res).conversationId) {
      sendError(res, 403, 'Forbidden', 'This token does not give access to this conversation');
      return;
    }
    next();
  };

  async function requireRecord(res: Response): Promise<ConversationRecord | null> {
    const record = await log.get(chatClaims(res).conversationId);
    if (!record) sendError(res, 404, 'ConversationNotFound', 'This conversation does not exist or has expired');
    return record;
  }

  const router = express.Router();
  router.use(['/chat/token', '/v3/directline'], noStore, cors);

  router.post('/chat/token', async (req, res) => {
    send(res, await opening.token(req.ip));
  });

  const directLine = express.Router();
  directLine.use(express.json({ limit: MAX_BODY_BYTES }));

  directLine.post('/conversations', authenticate, async (req, res) => {
    send(res, await opening.start(chatClaims(res), req.body, originOf(req)));
  });

  directLine.get('/conversations/:conversationId', authenticate, ownConversation, async (req, res) => {
    const watermark = parseWatermark(typeof req.query.watermark === 'string' ? req.query.watermark : undefined);
    if (watermark === null) return sendError(res, 400, 'BadArgument', 'watermark must be a number');
    if (!(await requireRecord(res))) return;
    const claims = chatClaims(res);
    const issued = tokens.issue(claims.conversationId, claims.userId);
    res.json({
      conversationId: claims.conversationId,
      token: issued.token,
      expires_in: issued.expiresIn,
      streamUrl: opening.streamUrl(originOf(req), claims, issued.token, watermark),
    });
  });

  directLine.post('/conversations/:conversationId/activities', authenticate, ownConversation, async (req, res) => {
    const outcome = await postActivity(chatClaims(res), req.body);
    if (outcome.status !== 200) {
      if (outcome.retryAfter !== undefined) res.set('Retry-After', String(outcome.retryAfter));
      return sendError(res, outcome.status, outcome.code, outcome.message);
    }
    res.json({ id: outcome.id });
    outcome.forward();
  });

  directLine.get('/conversations/:conversationId/activities', authenticate, ownConversation, async (req, res) => {
    const watermark = parseWatermark(typeof req.query.watermark === 'string' ? req.query.watermark : undefined);
    if (watermark === null) return sendError(res, 400, 'BadArgument', 'watermark must be a number');
    if (!(await requireRecord(res))) return;
    const page = await log.read(chatClaims(res).conversationId, watermark, PAGE_SIZE);
    res.json({ activities: page.activities, watermark: String(page.watermark) });
  });

  directLine.post('/tokens/refresh', authenticate, (_req, res) => {
    const claims = chatClaims(res);
    const issued = tokens.issue(claims.conversationId, claims.userId);
    res.json({ conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn });
  });
  router.use('/v3/directline', directLine);
  return router;
}
