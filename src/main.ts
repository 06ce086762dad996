/**
 * Composition root: read the environment and the configuration (fail fast), open the store, build
 * the app, listen; stop cleanly on SIGTERM/SIGINT.
 */
import type { Server } from 'node:http';
import { createApp, webPublicDirIn } from './app';
import { loadAppConfig } from './config/appConfig';
import { EnvError, loadEnv, type Env } from './config/env';
import { systemClock, type Clock, type KeyValueStore, type MessageBus } from './domain/ports';
import { createLogger, type Logger } from './logging';
import type { StoreKeys } from './storage/keys';
import { createMemoryBus, createMemoryStore } from './storage/memory-store';
import { createRedisBus, createRedisStore } from './storage/redis-store';
import type { RedisTarget } from './storage/redis-target';

export interface RunningService {
  server: Server;
  port: number;
  stop(): Promise<void>;
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

async function openStore(env: Env, logger: Logger): Promise<KeyValueStore> {
  const target = redisTargetOf(env);
  if (!target) {
    logger.warn('REDIS_URL is not set: using the embedded in-memory store (one process, nothing kept on restart)');
    return createMemoryStore(systemClock);
  }
  // With Sentinel, a ticket is answered once the replica holds it, so that a failover does not lose it.
  const replication = target.kind === 'sentinel' ? { replicas: 1, timeoutMs: Math.ceil(env.redisCommandTimeoutMs / 2) } : undefined;
  const store = createRedisStore({ target, replication, commandTimeoutMs: env.redisCommandTimeoutMs, logger });
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
  logger.info({ port, publicBaseUrl: env.publicBaseUrl, store: redisTargetOf(env)?.kind ?? 'memory' }, 'orientation-360 is listening');

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
