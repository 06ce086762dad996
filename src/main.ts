/**
 * Composition root: read the environment and the configuration (fail fast), open the store, build
 * the app, listen; stop cleanly on SIGTERM/SIGINT.
 */
import { createServer, type Server } from 'node:http';
import { createApp } from './app';
import { loadAppConfig } from './config/appConfig';
import { DEV_OIDC_CLIENT, EnvError, findRepoRoot, loadEnv, type Env } from './config/env';
import { trackForShutdown } from './http/shutdown';
import type { OidcSettings } from './auth/oidc';
import { DEV_STAFF_ACCOUNTS, startDevProvider, type RunningDevProvider } from './auth/devProvider';
import { systemClock, type Clock, type KeyValueStore, type MessageBus, type Metrics } from './domain/ports';
import { createLogger, type Logger } from './logging';
import { createMetrics, startMetricsServer } from './metrics';
import { storeKeys, type StoreKeys } from './storage/keys';
import { createMemoryBus, createMemoryStore } from './storage/memory-store';
import { createRedisBus, createRedisStore } from './storage/redis-store';
import { packagedWebPublicDir } from './web/routes';
import { openLiveConfig } from './studio';
import { importStoredDirectory } from './directory/migrate';
import type { RedisHandle, RedisTarget } from './storage/redis-target';
import { openRateLimitRedis } from './storage/rate-limit-redis';

export interface RunningService {
  server: Server;
  port: number;
  /** Where /metrics listens when it has a port of its own (METRICS_PORT). */
  metricsPort: number | undefined;
  /** Resolves true when everything in flight ended by itself, false when the grace period cut it. */
  stop(): Promise<boolean>;
}

/** Longest wait for the bot's deliveries, then for the requests in flight: well inside a platform's 30 s. */
const STREAMS_GRACE_MS = 5_000;
const REQUESTS_GRACE_MS = 10_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The Redis the settings name: one server, a Sentinel group or a Cluster; none: memory. */
export function redisTargetOf(env: Env): RedisTarget | undefined {
  if (env.redisSentinel) {
    const { masterName, sentinels, sentinelPassword } = env.redisSentinel;
    return { kind: 'sentinel', masterName, sentinels, sentinelPassword, password: env.redisPassword };
  }
  if (env.redisClusterNodes) return { kind: 'cluster', nodes: env.redisClusterNodes, password: env.redisPassword };
  return env.redisUrl ? { kind: 'standalone', url: env.redisUrl } : undefined;
}

async function openStore(env: Env, logger: Logger, metrics: Metrics): Promise<KeyValueStore> {
  const target = redisTargetOf(env);
  if (!target) {
    logger.warn('REDIS_URL is not set: using the embedded in-memory store (one process, nothing kept on restart)');
    return createMemoryStore(systemClock);
  }
  // With Sentinel, a ticket is answered once the replica holds it, so that a failover does not lose it.
  const replication = target.kind === 'sentinel' ? { replicas: 1, timeoutMs: Math.ceil(env.redisCommandTimeoutMs / 2) } : undefined;
  const store = createRedisStore({ target, replication, commandTimeoutMs: env.redisCommandTimeoutMs, logger, metrics });
  try {
    await store.connect();
  } catch (error) {
    // Never lost: without Redis every call still reaches a human (the failure path needs no store);
    // /readyz says "not ready" and the store keeps reconnecting in the background.
    logger.error({ err: error }, 'Redis does not answer at start: serving calls in degraded mode');
  }
  return store;
}

/** The chat channel's messages between processes: Redis pub/sub, or in memory for one process. */
async function openBus(env: Env, logger: Logger): Promise<MessageBus> {
  const target = redisTargetOf(env);
  if (!target) return createMemoryBus();
  const bus = createRedisBus({ target, commandTimeoutMs: env.redisCommandTimeoutMs, logger });
  try {
    await bus.connect();
  } catch (error) {
    logger.error({ err: error }, 'Redis pub/sub does not answer at start: the chat works in degraded mode');
  }
  return bus;
}

/**
 * The connection the chat's rate limits count on, on the store's Redis (one server, Sentinel or
 * Cluster): its own client, not awaited; until Redis answers, each process counts in its own memory.
 */
function openRateLimitClient(env: Env, logger: Logger): RedisHandle | undefined {
  const target = redisTargetOf(env);
  if (!target) return undefined;
  return openRateLimitRedis(target, { connectTimeoutMs: Math.max(1000, env.redisCommandTimeoutMs), logger });
}

/** What a benchmark or a test may choose instead of the service's own (the clock, the key namespace). */
export interface ServiceOverrides {
  clock?: Clock;
  keys?: StoreKeys;
  /** The benchmark's comparison with the old path: our own chat channel reaches the bot over HTTP. */
  chatBotHop?: 'in-process' | 'http';
}

/**
 * Development without OIDC_ISSUER_URL: the local OpenID provider (scripts/dev-oidc-provider.mjs) beside
 * the service, so the console signs in as in production. Without it, bearer tokens still work.
 */
async function startDevSignIn(env: Env, logger: Logger): Promise<{ provider: RunningDevProvider; oidc: OidcSettings } | null> {
  if (env.signIn.devProviderPort === undefined) return null;
  const redirectUrl = `${env.publicBaseUrl}/auth/callback`;
  const postLogoutRedirectUrl = `${env.publicBaseUrl}/console`;
  try {
    const provider = await startDevProvider({
      repositoryRoot: findRepoRoot(),
      port: env.signIn.devProviderPort,
      ...DEV_OIDC_CLIENT,
      redirectUris: [redirectUrl],
      postLogoutRedirectUris: [postLogoutRedirectUrl],
    });
    logger.warn({ issuer: provider.issuer }, 'development OpenID provider started: test accounts only, never in production');
    const oidc = { issuerUrl: provider.issuer, ...DEV_OIDC_CLIENT, redirectUrl, postLogoutRedirectUrl, scopes: 'openid email given_name usual_name siret', acrValues: 'eidas1', idTokenSignedResponseAlg: 'RS256', userinfoSignedResponseAlg: 'RS256' };
    return { provider, oidc };
  } catch (error) {
    logger.warn({ err: error }, 'the development OpenID provider did not start: the console cannot sign in (bearer tokens still work)');
    return null;
  }
}

export async function startService(env: Env, logger: Logger, overrides: ServiceOverrides = {}): Promise<RunningService> {
  const config = loadAppConfig(env.configDir);
  const metrics = createMetrics();
  const devSignIn = await startDevSignIn(env, logger);
  const store = await openStore(env, logger, metrics);
  const bus = await openBus(env, logger);
  const rateLimitClient = openRateLimitClient(env, logger);
  // The studio's published version when the store has one (CONFIG_DIR's files become version 1 otherwise).
  const live = await openLiveConfig({ store, bus, keys: overrides.keys ?? storeKeys, configDir: env.configDir, filesConfig: config, logger });
  const app = createApp({
    config,
    live,
    store,
    bus,
    clock: overrides.clock ?? systemClock,
    logger,
    metrics,
    keys: overrides.keys,
    rateLimitRedis: rateLimitClient?.client,
    // Store and bus opened on one target (redisTargetOf): the same Redis.
    busOnStore: redisTargetOf(env) !== undefined,
    chatBotHop: overrides.chatBotHop,
    settings: {
      publicBaseUrl: env.publicBaseUrl,
      twilioAuthToken: env.twilioAuthToken,
      dataKey: env.dataKey,
      callTtlSeconds: env.callTtlSeconds,
      ticketTtlDays: env.ticketTtlDays,
      advisorAuth: env.advisorAuth,
      chatTtlSeconds: env.chatTtlSeconds,
      bot: env.bot,
      webPublicDir: packagedWebPublicDir(),
      metricsToken: env.metrics.port === undefined ? env.metrics.token : undefined,
      trustProxy: env.trustProxy,
      signIn: { ...env.signIn, oidc: env.signIn.oidc ?? devSignIn?.oidc },
    },
  });
  // The directory edited before the studio versioned it (the old `directory:{all}` key): published once.
  await importStoredDirectory({ store, keys: overrides.keys ?? storeKeys, studio: { ...app.studio.studio, publish: app.studio.publishing.publish }, logger }).catch((error: unknown) =>
    logger.warn({ err: error }, 'directory: the edited copy in the store was not imported (tried again at the next start)'),
  );
  if (devSignIn) {
    const seeder = { subject: 'system:dev-seed', role: 'national_admin', territories: 'all' } as const;
    for (const account of DEV_STAFF_ACCOUNTS) {
      await app.staff.create(seeder, { ...account, territories: [...account.territories] }).catch((error: unknown) => logger.warn({ err: error }, 'could not create a development staff account'));
    }
  }
  // The postcode and town indexes (official communes, ≈ 0.3 s) are built before the port opens: not in a
  // first caller's turn, and no request waits behind them (/readyz included) once the service listens.
  app.places.warmUp();
  const server = createServer(app.requestListener).listen(env.port);
  const http = trackForShutdown(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  app.afterListen(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  const metricsServer = env.metrics.port === undefined ? null : await startMetricsServer(metrics, { port: env.metrics.port, token: env.metrics.token });
  logger.info({ port, metricsPort: metricsServer?.port, publicBaseUrl: env.publicBaseUrl, store: redisTargetOf(env)?.kind ?? 'memory' }, 'orientation-360 is listening');

  let stopping: Promise<boolean> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      // 1. Every answer from now on closes its connection; idle keep-alive sockets are closed.
      http.drain();
      metricsServer?.server.close();
      metricsServer?.server.closeAllConnections();
      // 2. Consoles (SSE) and chats (WebSockets) are told to reconnect; the bot's deliveries in flight
      //    end (the in-process bot replies through this server, so it still listens meanwhile).
      await within(app.close(), STREAMS_GRACE_MS);
      // 3. No new connections; the requests in flight are answered (then their sockets close).
      const clean = await http.close(REQUESTS_GRACE_MS);
      await live.close();
      await bus.close();
      await store.close();
      await rateLimitClient?.destroy();
      await devSignIn?.provider.stop();
      logger.info({ clean }, 'orientation-360 stopped');
      return clean;
    })();
    return stopping;
  };
  return { server, port, metricsPort: metricsServer?.port, stop };
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`Cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: env.logLevel, hashKey: env.logHashKey });
  if (env.devDefaultsUsed.length > 0) {
    logger.warn({ variables: env.devDefaultsUsed }, 'development values in use: never in production');
  }
  let service: RunningService;
  try {
    service = await startService(env, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'cannot start');
    process.exit(1);
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'stopping');
    // Last resort, still inside a 30 s platform grace period: something did not let go.
    setTimeout(() => process.exit(1), 20_000).unref();
    void service.stop().then(
      (clean) => process.exit(clean ? 0 : 1),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) void main();
