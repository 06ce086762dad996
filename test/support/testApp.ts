/** Starts the real app on a free port, with a store, a clock and a configuration chosen by the test. */
import { createServer, type Server } from 'node:http';
import { createApp, type App, type SignInSettings } from '../../src/app';
import { mintDevToken } from '../../src/advisors/devToken';
import type { Principal } from '../../src/advisors/principal';
import type { AppConfig } from '../../src/config/appConfig';
import type { LiveConfig } from '../../src/studio';
import type { Clock, KeyValueStore, MessageBus } from '../../src/domain/ports';
import { createMemoryBus } from '../../src/storage/memory-store';
import { createMetrics, type PrometheusMetrics } from '../../src/metrics';
import { silentLogger, type Logger } from '../../src/logging';
import { createStoreKeys, type StoreKeys } from '../../src/storage/keys';
import { createRedisStore, type RedisStore } from '../../src/storage/redis-store';
import type { TwilioSide } from './callHarness';
import { repoConfig } from './config';
import { uniqueTestNamespace } from '../storage/redis-test-env';
import { TEST_CONNECT_TIMEOUT_MS, TEST_REDIS_TARGET } from './redisTarget';
import { packagedWebPublicDir } from '../../src/web/routes';

export const TEST_PUBLIC_BASE_URL = 'https://orientation360.example.org';
export const TEST_AUTH_TOKEN = 'test-twilio-auth-token-0123456789';
/** The development key (HS256) the test app verifies advisor tokens with. */
export const TEST_ADVISOR_SIGNING_KEY = 'test-advisor-signing-key-0123456789abcdef';
export const TEST_ADVISOR_AUTH = { issuer: 'orientation-360-test', audience: 'orientation-360', devSigningKey: TEST_ADVISOR_SIGNING_KEY };

/**
 * A signed advisor token, as `npm run token:dev` mints them; valid whatever time the test clock
 * shows (issued in 2020, for a century). Default: a national admin (every territory).
 */
export function advisorToken(principal: Partial<Principal> = {}): Promise<string> {
  const full: Principal = { subject: 'test-national-admin', role: 'national_admin', territories: 'all', ...principal };
  return mintDevToken(full, {
    signingKey: TEST_ADVISOR_SIGNING_KEY,
    issuer: TEST_ADVISOR_AUTH.issuer,
    audience: TEST_ADVISOR_AUTH.audience,
    now: new Date('2020-01-01T00:00:00Z'),
    ttlSeconds: 100 * 366 * 24 * 3600,
  });
}
export const TEST_DATA_KEY = Buffer.alloc(32, 7);
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  private current: Date;
  constructor(iso: string) {
    this.current = new Date(iso);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  now(): Date {
    return new Date(this.current);
  }
}

export interface RunningTestApp {
  app: App;
  httpBase: string;
  close(): Promise<void>;
}

export async function startTestApp(options: {
  store: KeyValueStore;
  clock: Clock;
  keys: StoreKeys;
  config?: AppConfig;
  /** The configuration switched live by the studio (see liveTestConfig); none = `config`, fixed. */
  live?: LiveConfig;
  logger?: Logger;
  /** Defaults to an in-memory bus (one process). */
  bus?: MessageBus;
  /** `bus` is pub/sub on the store's own Redis (as main.ts opens them): the chat log appends and announces in one script. */
  busOnStore?: boolean;
  /** The bot's Bot Framework identity (production); none = local mode. */
  microsoftAppId?: string;
  /** Defaults to a registry of the app's own. */
  metrics?: PrometheusMetrics;
  /** Bearer token of /metrics on the app's port; defaults to TEST_METRICS_TOKEN. */
  metricsToken?: string;
  /** A node-redis client for the chat's rate limits (shared across processes); none = per process. */
  rateLimitRedis?: unknown;
  /** Proxies trusted to name the client (default: none). */
  trustProxy?: false | number | readonly string[];
  /** Staff sign-in (OpenID Connect provider, sessions); none = no provider. */
  signIn?: SignInSettings;
  /** Defaults to a free port. */
  port?: number;
  /** How long a chat lives without activity; defaults to an hour. */
  chatTtlSeconds?: number;
  /** How often the chats of people gone are swept; defaults to the app's own. */
  goneChatsSweepMs?: number;
}): Promise<RunningTestApp> {
  const app = createApp({
    config: options.config ?? repoConfig(),
    ...(options.live ? { live: options.live } : {}),
    store: options.store,
    bus: options.bus ?? createMemoryBus(),
    clock: options.clock,
    logger: options.logger ?? silentLogger(),
    metrics: options.metrics ?? createMetrics(),
    keys: options.keys,
    rateLimitRedis: options.rateLimitRedis,
    ...(options.busOnStore ? { busOnStore: true } : {}),
    settings: {
      publicBaseUrl: TEST_PUBLIC_BASE_URL,
      twilioAuthToken: TEST_AUTH_TOKEN,
      dataKey: TEST_DATA_KEY,
      callTtlSeconds: 4 * 3600,
      ticketTtlDays: 90,
      advisorAuth: TEST_ADVISOR_AUTH,
      chatTtlSeconds: options.chatTtlSeconds ?? 3600,
      ...(options.goneChatsSweepMs ? { goneChatsSweepMs: options.goneChatsSweepMs } : {}),
      bot: { microsoftAppId: options.microsoftAppId, microsoftAppPassword: undefined, microsoftAppType: 'MultiTenant', microsoftAppTenantId: undefined },
      webPublicDir: packagedWebPublicDir(),
      metricsToken: options.metricsToken ?? TEST_METRICS_TOKEN,
      trustProxy: options.trustProxy,
      ...(options.signIn ? { signIn: options.signIn } : {}),
    },
  });
  const server: Server = createServer(app.requestListener).listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  app.afterListen(server);
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    app,
    httpBase: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export function twilioSide(...apps: RunningTestApp[]): TwilioSide {
  return { publicBaseUrl: TEST_PUBLIC_BASE_URL, authToken: TEST_AUTH_TOKEN, endpoints: apps.map((a) => ({ httpBase: a.httpBase })) };
}

/** A real Redis store in a namespace of its own; `cleanup` deletes the namespace's keys. */
export async function testRedis(label: string): Promise<{ store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> }> {
  const keys = createStoreKeys(uniqueTestNamespace(label));
  const store = createRedisStore({ target: TEST_REDIS_TARGET, commandTimeoutMs: 500, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  try {
    await store.connect();
  } catch (error) {
    // A store that never connected still reconnects in the background: close it, or Jest never exits.
    await store.close();
    throw error;
  }
  return {
    store,
    keys,
    async cleanup() {
      await store.close();
    },
  };
}
