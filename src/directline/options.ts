/** What a Direct Line channel is built from (deps, options and their defaults) and what it gives back. */
import type { IncomingMessage, RequestListener, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type express from 'express';
import type { Clock, KeyValueStore, MessageBus } from '../domain/ports';
import type { Logger } from '../logging';
import type { StoreKeys } from '../storage/keys';
import type { DirectLineActivity, OutgoingActivityInput } from './activity';
import type { BotDelivery } from './bot-forwarder';
import type { TrustProxy } from './client-address';
import type { ConnectorAuthOptions } from './connector-auth';
import type { ConversationRecord } from './conversations';
import type { ScriptRunner } from './log-script';

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
  /**
   * The store's script runner (RedisStore.runScript), given when the bus is pub/sub on the store's own
   * Redis: a conversation's activities are then logged and announced in one script (log-script.ts).
   */
  runScript?: ScriptRunner;
  options?: DirectLineOptions;
}

export interface DirectLine {
  /** Mount at '/': serves /chat/token, /v3/directline/… and /directline/connector/…, passes anything else on. */
  router: express.Router;
  /** Serves the WebSocket streams on `server` (call once, before or after listen); returns a detach function. */
  /**
   * The lean node:http lane of POST …/activities, POST /chat/token and POST /v3/directline/conversations
   * (lane.ts), ahead of `next` (the express app, which answers everything else); `securityHeaders`:
   * the app's fixed security headers (name, value…); `trustProxy`: the app's compiled `trust proxy`
   * setting (`app.get('trust proxy fn')`), so that the client's address and host are read as express reads them.
   */
  lane(options: { securityHeaders: readonly string[]; trustProxy: TrustProxy; next: RequestListener }): RequestListener;
  attachWebSocket(server: Server): () => void;
  /** For a shared `upgrade` listener: true when the request was a Direct Line stream and was taken. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /**
   * Shows an activity to the user as coming from the bot side (the advisor relay, notices), without
   * sending it to the bot. Rejects with ConversationNotFoundError, ActivityRejected, StoreUnavailableError.
   */
  appendBotActivity(conversationId: string, activity: OutgoingActivityInput, replyToId?: string): Promise<DirectLineActivity>;
  /**
   * Several of the bot's activities for one conversation, in order, as appendBotActivity would show
   * them one after the other, with one read of the conversation and one write of the log (the bot's
   * replies to one message). Rejects as appendBotActivity (an activity refused: none is shown).
   */
  appendBotActivities(conversationId: string, activities: ReadonlyArray<{ activity: OutgoingActivityInput; replyToId?: string | undefined }>): Promise<DirectLineActivity[]>;
  /** Every logged activity of a conversation, oldest first ([] when unknown or expired). */
  transcript(conversationId: string): Promise<DirectLineActivity[]>;
  conversation(conversationId: string): Promise<ConversationRecord | null>;
  /** Closes the streams and waits for the deliveries to the bot in progress. */
  close(): Promise<void>;
}

export const DEFAULTS = {
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

/** The options given, over the defaults (an option given as `undefined` keeps its default). */
export function resolveOptions(given: DirectLineOptions | undefined) {
  const defined = Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined)) as DirectLineOptions;
  return { ...DEFAULTS, ...defined };
}

export type ResolvedDirectLineOptions = ReturnType<typeof resolveOptions>;
