/**
 * Composition root: read the environment and the configuration (fail fast), open the store, build
 * the app, listen; stop cleanly on SIGTERM/SIGINT.
 */
import type { Server } from 'node:http';
import { createApp, webPublicDirIn } from './app';
import { createPlaces } from './places/places';
import { loadAppConfig } from './config/appConfig';
import { EnvError, loadEnv, type Env } from './config/env';
import { systemClock, type Clock, type KeyValueStore, type MessageBus } from './domain/ports';
import { createLogger, type Logger } from './logging';
import type { StoreKeys } from './storage/keys';
import { createMemoryBus, createMemoryStore } from './storage/memory-store';
import { createRedisBus, createRedisStore } from './storage/redis-store';

export interface RunningService {
  server: Server;
  port: number;
  stop(): Promise<void>;
}

async function openStore(env: Env, logger: Logger): Promise<KeyValueStore> {
  if (!env.redisUrl) {
    logger.warn('REDIS_URL is not set: using the embedded in-memory store (one process, nothing kept on restart)');
    return createMemoryStore(systemClock);
  }
  const store = createRedisStore({ url: env.redisUrl, commandTimeoutMs: env.redisCommandTimeoutMs, logger });
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
  if (!env.redisUrl) return createMemoryBus();
  const bus = createRedisBus({ url: env.redisUrl, commandTimeoutMs: env.redisCommandTimeoutMs, logger });
  try {
    await bus.connect();
  } catch (error) {
    logger.error({ err: error }, 'Redis pub/sub does not answer at start: the chat works in degraded mode');
  }
  return bus;
}

/** What a benchmark or a test may choose instead of the service's own (the clock, the key namespace). */
export interface ServiceOverrides {
  clock?: Clock;
  keys?: StoreKeys;
}

export async function startService(env: Env, logger: Logger, overrides: ServiceOverrides = {}): Promise<RunningService> {
  const config = loadAppConfig(env.configDir);
  const store = await openStore(env, logger);
  const bus = await openBus(env, logger);
  const app = createApp({
    config,
    store,
    bus,
    clock: overrides.clock ?? systemClock,
    logger,
    keys: overrides.keys,
    settings: {
      publicBaseUrl: env.publicBaseUrl,
      twilioAuthToken: env.twilioAuthToken,
      dataKey: env.dataKey,
      callTtlSeconds: env.callTtlSeconds,
      ticketTtlDays: env.ticketTtlDays,
      advisorAuth: env.advisorAuth,
      chatTtlSeconds: env.chatTtlSeconds,
      bot: env.bot,
      webPublicDir: webPublicDirIn(env.configDir),
    },
  });
  const server = app.express.listen(env.port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  app.afterListen(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.port;
  logger.info({ port, publicBaseUrl: env.publicBaseUrl, store: env.redisUrl ? 'redis' : 'memory' }, 'orientation-360 is listening');
  // The postcode and town indexes (official communes) are built once, now, not in a first caller's turn.
  setImmediate(() => createPlaces({ postcodeOverrides: config.territories.national.postcodeOverrides }).warmUp());

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
      server.closeIdleConnections();
      await closed;
      await bus.close();
      await store.close();
      logger.info('orientation-360 stopped');
    })();
    return stopping;
  };
  return { server, port, stop };
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
    // Let Twilio's in-flight webhooks finish; give up after 10 s.
    setTimeout(() => process.exit(1), 10_000).unref();
    void service.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) void main();
