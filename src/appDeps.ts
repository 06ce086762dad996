/**
 * What the service is built from and what it gives back (createApp in app.ts builds it): its own file,
 * so that parts which build a service themselves (the studio's trial) need not import app.ts.
 */
import type { RequestListener, Server } from 'node:http';
import type { Express } from 'express';
import type { AdvisorAuthSettings } from './advisors/auth';
import type { StaffService } from './advisors/staffService';
import type { OidcSettings } from './auth/oidc';
import type { BotSettings } from './chat/botEndpoint';
import type { ChatTurns } from './chat/chatTurns';
import type { AppConfig } from './config/appConfig';
import type { DirectLine } from './directline';
import type { Clock, KeyValueStore, MessageBus } from './domain/ports';
import type { Logger } from './logging';
import type { PrometheusMetrics } from './metrics';
import type { Places } from './places/places';
import type { StoreKeys } from './storage/keys';
import type { TicketStore } from './tickets/ticket-store';
import type { createStudioApi, LiveConfig } from './studio';

export interface AppSettings {
  publicBaseUrl: string;
  twilioAuthToken: string;
  /** Seals callback numbers. */
  dataKey: Buffer;
  callTtlSeconds: number;
  ticketTtlDays: number;
  /** How advisors' bearer JWTs are verified (JWKS of the identity provider, or a development key). */
  advisorAuth: AdvisorAuthSettings;
  chatTtlSeconds: number;
  /** How often hand-offs whose person is gone are swept out of the chat queues (src/chat/goneSweeper.ts); default five minutes. */
  goneChatsSweepMs?: number;
  bot: BotSettings;
  /** Folder of the pages' files: the package's own (`packagedWebPublicDir()`), not CONFIG_DIR. */
  webPublicDir: string;
  /** /metrics on this app behind this bearer token; undefined: not served here (main serves it on METRICS_PORT). */
  metricsToken: string | undefined;
  /** Proxies trusted to name the client (X-Forwarded-For); default none: the socket's address. */
  trustProxy?: false | number | readonly string[];
  /** Staff sign-in (OpenID Connect) and sessions; absent: no provider, a random session secret. */
  signIn?: SignInSettings;
}

export interface SignInSettings {
  /** Absent: no provider (the sign-in pages say so; bearer tokens still work). */
  oidc?: OidcSettings;
  sessionSecret: string;
  idleTimeoutSeconds: number;
  absoluteLifetimeSeconds: number;
  bootstrapAdminEmails: readonly string[];
}

export interface AppDeps {
  /** The configuration read at start (served as it is when there is no `live` configuration). */
  config: AppConfig;
  /** The configuration switched live by the studio (src/studio): main opens it on the store. */
  live?: LiveConfig;
  store: KeyValueStore;
  bus: MessageBus;
  clock: Clock;
  logger: Logger;
  /** The live figures, created once at start (one registry per app). */
  metrics: PrometheusMetrics;
  settings: AppSettings;
  keys?: StoreKeys;
  /** A connected node-redis client: the chat's rate limits hold across processes. */
  rateLimitRedis?: unknown;
  /**
   * True when `bus` is pub/sub on the store's own Redis (main.ts opens both on one target): the chat
   * log then appends and announces a turn's activities in one script (src/directline/log-script.ts).
   */
  busOnStore?: boolean;
  /** How our own chat channel reaches the bot: in process (default), or over HTTP as before (benchmark comparison). */
  chatBotHop?: 'in-process' | 'http';
}

export interface App {
  express: Express;
  /** What the HTTP server runs: the lean voice lane, which hands everything it does not answer to `express`. */
  requestListener: RequestListener;
  tickets: TicketStore;
  /** The places of the version served now (its postcode overrides). */
  readonly places: Places;
  chat: ChatTurns;
  directLine: DirectLine;
  staff: StaffService;
  /** The configuration served, switched live by the studio. */
  live: LiveConfig;
  /** The studio's use cases (the trial runs read a version or a draft through `studio.loadVersionConfig`). */
  studio: ReturnType<typeof createStudioApi>;
  /** Once the server listens: the chat channel learns its internal address and serves WebSockets. */
  afterListen(server: Server): void;
  /** Stops the sweep of gone chats, ends the consoles' event streams and the chat streams (both told to reconnect), waits for deliveries to the bot, stops the proof worker. */
  close(): Promise<void>;
}
