/**
 * A self-hosted Direct Line 3.0 channel: the subset the official Web Chat (botframework-webchat 4.18,
 * botframework-directlinejs 0.15) calls, plus the Bot Connector endpoints the bot replies to. Nothing
 * leaves our servers; conversations live in the shared store, so any process can serve any request.
 *
 * Browser side (public):
 *   POST /chat/token                                        → { token, conversationId, expires_in }
 *   POST /v3/directline/conversations                       → 201 (200 if started) { conversationId, token, expires_in, streamUrl }
 *   GET  /v3/directline/conversations/:id?watermark=        → { conversationId, token, expires_in, streamUrl }
 *   POST /v3/directline/conversations/:id/activities        → { id }
 *   GET  /v3/directline/conversations/:id/activities?watermark= → { activities, watermark }
 *   POST /v3/directline/tokens/refresh                      → { conversationId, token, expires_in }
 *   WS   /v3/directline/conversations/:id/stream?t=&watermark=
 * Bot side (internal, see connector-auth.ts), under /directline/connector:
 *   POST /v3/conversations/:id/activities[/:replyToId]     → { id }
 *   GET  /v3/conversations/:id/members, /members/:memberId, /pagedmembers, /activities/:activityId/members
 *   405 for what Direct Line does not do either (update, delete, history, attachments, create conversation)
 *
 * Errors are Direct Line's `{ error: { code, message } }`; messages never quote the input.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { StoreUnavailableError, type Clock, type KeyValueStore, type MessageBus } from '../domain/ports';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import {
  ActivityRejected,
  DIRECT_LINE_CHANNEL_ID,
  MAX_USER_TEXT_CHARS,
  MAX_USER_VALUE_JSON_CHARS,
  outgoingContent,
  parseOutgoingActivity,
  parseUserActivity,
  type ChannelAccount,
  type DirectLineActivity,
  type NewActivity,
  type OutgoingActivityInput,
} from './activity';
import { createBotForwarder, httpDelivery, type BotDelivery } from './bot-forwarder';
import { authorizeConnectorCall, type ConnectorAuthOptions } from './connector-auth';
import { CHANNEL_SECRET_HEADER } from './internal-address';
import { ConversationFull, createConversationLog, type ConversationRecord } from './conversations';
import { createRateLimiter } from './rate-limit';
import { bearerToken, createStreamServer, parseWatermark } from './stream';
import { CONVERSATION_ID_PATTERN, createChatTokens, newConversationId, newUserId, type ChatTokenClaims } from './tokens';

export { deriveTokenKey } from './tokens';
export { CHANNEL_SECRET_HEADER, createInternalAddress, type InternalAddress } from './internal-address';
export type { DirectLineActivity, OutgoingActivityInput, ChannelAccount } from './activity';
export type { ConversationRecord } from './conversations';
export type { ConnectorAuthOptions } from './connector-auth';

export const DEFAULT_BOT_FAILURE_TEXT =
  'Désolé, je ne peux pas vous répondre pour le moment. Réessayez dans un instant, ' +
  'ou appelez le 0 800 360 360 (appel gratuit) pour parler à un conseiller.';

export interface DirectLineOptions {
  /** Lifetime of a chat token; DirectLineJS refreshes at half of 30 min, so keep it at 30 min or more. */
  tokenTtlSeconds?: number;
  /** How long a conversation (record and transcript) is kept after its last activity. Default 24 h. */
  conversationTtlSeconds?: number;
  maxActivitiesPerConversation?: number;
  /** Empty WebSocket messages (and a catch-up read) this often. Default 15 s. */
  keepAliveMs?: number;
  /** Longest wait for the bot to take one activity. Default 30 s. */
  botTimeoutMs?: number;
  /** The bot as the user's activities address it. */
  bot?: { id: string; name: string };
  defaultLocale?: string;
  /** Shown to the user (as from the bot) when a message could not reach the bot. */
  botFailureText?: string;
  /** POST /chat/token per client IP (req.ip: see TRUST_PROXY). Default 30 a minute. */
  tokenRateLimit?: { limit: number; windowMs: number };
  /** Activities a conversation may post. Default 60 a minute. */
  postRateLimit?: { limit: number; windowMs: number };
  /** Origins allowed to call the browser endpoints cross-origin (CORS); none by default (same origin). */
  allowedOrigins?: readonly string[];
  /** Base of the streamUrl (https://… → wss://…); by default the request's own protocol and host. */
  publicBaseUrl?: string;
  connectorAuth?: ConnectorAuthOptions;
  /** Most open WebSocket streams in one process. */
  maxStreams?: number;
}

export interface DirectLineDeps {
  store: KeyValueStore;
  bus: MessageBus;
  keys: StoreKeys;
  clock: Clock;
  logger: Logger;
  /** HS256 key of the chat tokens, at least 32 bytes (deriveTokenKey(DATA_KEY) will do). */
  tokenKey: Uint8Array;
  /** The bot in this process (no HTTP hop; it replies through `appendBotActivity`); absent: POST to `botEndpoint`. */
  deliverToBot?: BotDelivery;
  /** Where the bot listens: the app's own /api/messages on the internal address. */
  botEndpoint(): string;
  /** The connector's base URL given to the bot as `serviceUrl` (internal address + /directline/connector). */
  connectorBaseUrl(): string;
  /** The channel secret (InternalAddress): sent with each delivery to the bot, required from the bot on the connector. */
  channelSecret: string;
  isChannelSecret(value: string | string[] | undefined): boolean;
  /**
   * A connected node-redis client: rate limits are then counted in Redis, for every process at once
   * (each process's memory stands in while Redis does not answer); absent: each process counts alone.
   */
  rateLimitRedis?: unknown;
  options?: DirectLineOptions;
}

export interface DirectLine {
  /** Mount at '/': serves /chat/token, /v3/directline/… and /directline/connector/…, passes anything else on. */
  router: express.Router;
  /** Serves the WebSocket streams on `server` (call once, before or after listen); returns a detach function. */
  attachWebSocket(server: Server): () => void;
  /** For a shared `upgrade` listener: true when the request was a Direct Line stream and was taken. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /**
   * Shows an activity to the user as coming from the bot side (the advisor relay, notices), without
   * sending it to the bot. Rejects with ConversationNotFoundError, ActivityRejected, StoreUnavailableError.
   */
  appendBotActivity(conversationId: string, activity: OutgoingActivityInput, replyToId?: string): Promise<DirectLineActivity>;
  /** Every logged activity of a conversation, oldest first ([] when unknown or expired). */
  transcript(conversationId: string): Promise<DirectLineActivity[]>;
  conversation(conversationId: string): Promise<ConversationRecord | null>;
  /** Closes the streams and waits for the deliveries to the bot in progress. */
  close(): Promise<void>;
}

export class ConversationNotFoundError extends Error {
  constructor() {
    super('This conversation does not exist or has expired');
    this.name = 'ConversationNotFoundError';
  }
}

const DEFAULTS = {
  tokenTtlSeconds: 30 * 60,
  conversationTtlSeconds: 24 * 3600,
  maxActivitiesPerConversation: 2000,
  keepAliveMs: 15_000,
  botTimeoutMs: 30_000,
  bot: { id: 'orientation-360', name: 'Orientation 360' },
  defaultLocale: 'fr-FR',
  tokenRateLimit: { limit: 30, windowMs: 60_000 },
  postRateLimit: { limit: 60, windowMs: 60_000 },
  maxStreams: 5000,
} as const;

const PAGE_SIZE = 100;

const startBodySchema = z
  .object({ locale: z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/).optional().catch(undefined) })
  .catch({ locale: undefined });

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

function chatClaims(res: Response): ChatTokenClaims {
  return res.locals.chatClaims as ChatTokenClaims;
}

export function createDirectLine(deps: DirectLineDeps): DirectLine {
  const { store, bus, keys, clock, logger } = deps;
  const given = Object.fromEntries(Object.entries(deps.options ?? {}).filter(([, value]) => value !== undefined)) as DirectLineOptions;
  const options = { ...DEFAULTS, ...given };
  const bot: ChannelAccount = { id: options.bot.id, name: options.bot.name, role: 'bot' };
  const botFailureText = options.botFailureText ?? DEFAULT_BOT_FAILURE_TEXT;
  const connectorAuth = options.connectorAuth ?? {};

  const tokens = createChatTokens({ key: deps.tokenKey, clock, ttlSeconds: options.tokenTtlSeconds });
  const log = createConversationLog({
    store,
    bus,
    keys,
    clock,
    logger,
    ttlSeconds: options.conversationTtlSeconds,
    maxActivities: options.maxActivitiesPerConversation,
  });
  const streams = createStreamServer({
    tokens,
    log,
    bus,
    clock,
    logger,
    keepAliveMs: options.keepAliveMs,
    maxBatch: PAGE_SIZE,
    maxConnections: options.maxStreams,
  });
  const shared = (name: string) => (deps.rateLimitRedis ? { redisClient: deps.rateLimitRedis, keyPrefix: keys.rateLimit(name) } : undefined);
  const tokenLimiter = createRateLimiter(options.tokenRateLimit, shared('chat-token'));
  const postLimiter = createRateLimiter(options.postRateLimit, shared('chat-post'));
  const now = () => clock.now();

  async function appendOutgoing(conversationId: string, input: OutgoingActivityInput, replyToId?: string): Promise<DirectLineActivity> {
    if (!CONVERSATION_ID_PATTERN.test(conversationId)) throw new ConversationNotFoundError();
    const record = await log.get(conversationId);
    if (!record) throw new ConversationNotFoundError();
    const content = outgoingContent(input);
    const fromId = input.from?.id && input.from.id !== record.userId ? input.from.id : bot.id;
    const activity: NewActivity = {
      ...content,
      type: input.type,
      timestamp: now().toISOString(),
      channelId: DIRECT_LINE_CHANNEL_ID,
      conversation: { id: conversationId },
      from: { id: fromId, name: input.from?.name ?? bot.name, role: 'bot' },
      recipient: { id: record.userId, role: 'user' },
    };
    if (activity.replyToId === undefined && replyToId) activity.replyToId = replyToId;
    if (activity.locale === undefined && record.locale) activity.locale = record.locale;
    if (input.type === 'typing') return log.announceEphemeral(activity);
    return (await log.append(activity)).activity;
  }

  const forwarder = createBotForwarder({
    deliver: deps.deliverToBot ?? httpDelivery({ ...deps, timeoutMs: options.botTimeoutMs, headers: { [CHANNEL_SECRET_HEADER]: deps.channelSecret }, serviceUrl: deps.connectorBaseUrl }),
    logger,
    async onFailure(activity) {
      // Never lost: a message the bot did not take gets an answer that points to a human.
      if (activity.type !== 'message') return;
      await appendOutgoing(activity.conversation.id, { type: 'message', text: botFailureText, inputHint: 'acceptingInput' }, activity.id);
    },
  });

  function userAccount(claims: ChatTokenClaims, name?: string): ChannelAccount {
    return name ? { id: claims.userId, name, role: 'user' } : { id: claims.userId, role: 'user' };
  }

  function streamUrl(req: Request, claims: ChatTokenClaims, token: string, watermark?: number): string {
    let base = options.publicBaseUrl;
    if (!base) {
      const host = req.host;
      base = `${req.protocol}://${host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : 'localhost'}`;
    }
    const url = new URL(`${base.replace(/^http/, 'ws').replace(/\/+$/, '')}/v3/directline/conversations/${claims.conversationId}/stream`);
    if (watermark !== undefined && watermark > 0) url.searchParams.set('watermark', String(watermark));
    url.searchParams.set('t', token);
    return url.toString();
  }

  // ---- middleware -------------------------------------------------------------------------------

  const noStore: RequestHandler = (_req, res, next) => {
    res.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    next();
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

  // ---- browser side -----------------------------------------------------------------------------

  const router = express.Router();
  router.use(['/chat/token', '/v3/directline'], noStore, cors);

  router.post('/chat/token', async (req, res) => {
    const retryAfter = await tokenLimiter.hit(req.ip ?? 'unknown');
    if (retryAfter > 0) {
      res.set('Retry-After', String(retryAfter));
      sendError(res, 429, 'TooManyRequests', 'Too many chats started from this address, try again later');
      return;
    }
    const issued = tokens.issue(newConversationId(), newUserId());
    res.json({ token: issued.token, conversationId: issued.claims.conversationId, expires_in: issued.expiresIn });
  });

  const directLine = express.Router();
  // The longest message (4 bytes a character at worst) and its value fit; anything bigger is a 413.
  directLine.use(express.json({ limit: 4 * MAX_USER_TEXT_CHARS + MAX_USER_VALUE_JSON_CHARS + 8 * 1024 }));

  directLine.post('/conversations', authenticate, async (req, res) => {
    const claims = chatClaims(res);
    const { locale } = startBodySchema.parse(req.body ?? {});
    const record: ConversationRecord = {
      conversationId: claims.conversationId,
      userId: claims.userId,
      locale: locale ?? options.defaultLocale,
      createdAt: now().toISOString(),
    };
    const created = await log.create(record);
    const issued = tokens.issue(claims.conversationId, claims.userId);
    if (created) {
      forwarder.forward({
        type: 'conversationUpdate',
        id: `${claims.conversationId}|start`,
        timestamp: record.createdAt,
        channelId: DIRECT_LINE_CHANNEL_ID,
        conversation: { id: claims.conversationId },
        from: userAccount(claims),
        recipient: bot,
        locale: record.locale,
        membersAdded: [bot, userAccount(claims)],
      });
    }
    res.status(created ? 201 : 200).json({
      conversationId: claims.conversationId,
      token: issued.token,
      expires_in: issued.expiresIn,
      streamUrl: streamUrl(req, claims, issued.token),
    });
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
      streamUrl: streamUrl(req, claims, issued.token, watermark),
    });
  });

  directLine.post('/conversations/:conversationId/activities', authenticate, ownConversation, async (req, res) => {
    const claims = chatClaims(res);
    const retryAfter = await postLimiter.hit(claims.conversationId);
    if (retryAfter > 0) {
      res.set('Retry-After', String(retryAfter));
      return sendError(res, 429, 'TooManyRequests', 'Too many messages, slow down');
    }
    const fields = parseUserActivity(req.body);
    const record = await requireRecord(res);
    if (!record) return;
    const { fromName, ...rest } = fields;
    const activity: NewActivity = {
      ...rest,
      type: fields.type,
      timestamp: now().toISOString(),
      channelId: DIRECT_LINE_CHANNEL_ID,
      conversation: { id: claims.conversationId },
      from: userAccount(claims, fromName),
      recipient: bot,
      locale: fields.locale ?? record.locale,
    };
    let posted: DirectLineActivity;
    if (fields.type === 'typing') {
      posted = await log.announceEphemeral(activity);
    } else {
      posted = (await log.append(activity)).activity;
      await log.touch(record).catch((err: unknown) => logger.warn({ err }, 'chat conversation TTL not renewed'));
    }
    res.json({ id: posted.id });
    forwarder.forward(posted);
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

  // ---- bot side (Bot Connector subset) -----------------------------------------------------------

  const connector = express.Router();
  connector.use(noStore, async (req, res, next) => {
    const decision = await authorizeConnectorCall(req, connectorAuth, () => deps.connectorBaseUrl(), (request) =>
      deps.isChannelSecret(request.headers[CHANNEL_SECRET_HEADER]),
    );
    if (!decision.ok) return sendError(res, decision.status, decision.code, decision.message);
    next();
  });
  connector.use(express.json({ limit: '512kb' }));

  const sendFromBot: RequestHandler = async (req, res) => {
    const input = parseOutgoingActivity(req.body);
    const replyToId = typeof req.params.activityId === 'string' ? req.params.activityId : undefined;
    const activity = await appendOutgoing(String(req.params.conversationId), input, replyToId);
    res.json({ id: activity.id });
  };
  const notSupported: RequestHandler = (_req, res) =>
    sendError(res, 405, 'NotSupported', 'This channel does not support this operation');
  connector.post('/v3/conversations/:conversationId/activities/history', notSupported);
  connector.post('/v3/conversations/:conversationId/activities', sendFromBot);
  connector.post('/v3/conversations/:conversationId/activities/:activityId', sendFromBot);

  const members: RequestHandler = async (req, res) => {
    const conversationId = String(req.params.conversationId);
    const record = CONVERSATION_ID_PATTERN.test(conversationId) ? await log.get(conversationId) : null;
    if (!record) throw new ConversationNotFoundError();
    const list: ChannelAccount[] = [{ id: record.userId, role: 'user' }];
    if (req.path.endsWith('/pagedmembers')) return void res.json({ members: list });
    if (req.params.memberId === undefined) return void res.json(list);
    const member = list.find((account) => account.id === req.params.memberId);
    if (!member) return sendError(res, 404, 'MemberNotFound', 'No such member in this conversation');
    res.json(member);
  };
  connector.get('/v3/conversations/:conversationId/members', members);
  connector.get('/v3/conversations/:conversationId/members/:memberId', members);
  connector.get('/v3/conversations/:conversationId/pagedmembers', members);
  connector.get('/v3/conversations/:conversationId/activities/:activityId/members', members);
  connector.delete('/v3/conversations/:conversationId/members/:memberId', notSupported);
  connector.post('/v3/conversations/:conversationId/attachments', notSupported);
  connector.put('/v3/conversations/:conversationId/activities/:activityId', notSupported);
  connector.delete('/v3/conversations/:conversationId/activities/:activityId', notSupported);
  connector.post('/v3/conversations', notSupported);

  router.use('/directline/connector', connector);

  const errors: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const err = error as { type?: string; status?: number } | undefined;
    if (error instanceof ActivityRejected) return sendError(res, 400, 'BadArgument', error.message);
    if (error instanceof ConversationNotFoundError) return sendError(res, 404, 'ConversationNotFound', error.message);
    if (error instanceof ConversationFull) return sendError(res, 409, 'ConversationFull', 'This conversation is too long: please start a new one');
    if (err?.type === 'entity.too.large') return sendError(res, 413, 'BadArgument', 'The request body is too large');
    if (err?.type === 'entity.parse.failed') return sendError(res, 400, 'BadArgument', 'The request body is not valid JSON');
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) {
      return sendError(res, err.status, 'BadArgument', 'The request is not valid');
    }
    if (error instanceof StoreUnavailableError) {
      logger.warn({ err: error, path: req.path }, 'chat request failed: store unavailable');
      return sendError(res, 503, 'ServiceError', 'The chat is temporarily unavailable, try again');
    }
    logger.error({ err: error, path: req.path }, 'chat request failed');
    sendError(res, 500, 'ServiceError', 'Internal error');
  };
  router.use(errors);

  return {
    router,
    attachWebSocket: (server) => streams.attach(server),
    handleUpgrade: (req, socket, head) => streams.handleUpgrade(req, socket, head),
    appendBotActivity: (conversationId, activity, replyToId) => appendOutgoing(conversationId, parseOutgoingActivity(activity), replyToId),
    transcript: (conversationId) => (CONVERSATION_ID_PATTERN.test(conversationId) ? log.transcript(conversationId) : Promise.resolve([])),
    conversation: (conversationId) => (CONVERSATION_ID_PATTERN.test(conversationId) ? log.get(conversationId) : Promise.resolve(null)),
    async close() {
      await streams.close();
      await forwarder.drain();
    },
  };
}
