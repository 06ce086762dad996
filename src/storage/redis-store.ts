/**
 * KeyValueStore on Redis (node-redis v5), built so that a slow or absent Redis never holds a call:
 * - no offline queue: a command while disconnected fails at once;
 * - every command is bounded by `commandTimeoutMs`: the library's own `timeout` only covers the wait
 *   before the command is written, so a timer race also bounds the wait for the reply (a late reply
 *   still goes to its own, already rejected, command: replies never shift);
 * - any failure to get an answer becomes a StoreUnavailableError;
 * - reconnection goes on in the background with a capped backoff; client errors are logged, never thrown.
 * The same store runs on one Redis, on a Sentinel group or on a Cluster (src/storage/redis-target.ts).
 *
 * This file holds the connection and `run` (the deadline and errors of every command); the commands
 * are in redis-records.ts (strings, counters, hashes), redis-lists.ts, redis-sorted-sets.ts and
 * redis-replication.ts (WAIT); the scripts in ttlScripts.ts; what the bus shares with the store in
 * redis-connection.ts; the bus in redis-bus.ts.
 */
import { ErrorReply } from 'redis';
import { StoreTimeoutError, StoreUnavailableError, type KeyValueStore as Store } from '../domain/ports';
import { withDeadline } from './deadline';
import { closeHandle, connectionSettings, targetOf, unwrittenCommandDropper, waitUntilReady, type RedisConnectionOptions, type RunCommand } from './redis-connection';
import { listCommands } from './redis-lists';
import { recordCommands } from './redis-records';
import { replicaWaiter } from './redis-replication';
import { sortedSetCommands } from './redis-sorted-sets';
import { createRedisHandle, type RedisTarget } from './redis-target';
import { runScript, type TtlScript } from './ttlScripts';

export { createRedisBus, type RedisBus, type RedisBusOptions } from './redis-bus';
export { reconnectDelayMs, type RedisConnectionOptions } from './redis-connection';

/** Either a redis:// URL (one server) or a target: one server, a Sentinel group, a Cluster. */
export type RedisStoreOptions = RedisConnectionOptions &
  (
    | { url: string; target?: undefined }
    | { target: RedisTarget; url?: undefined }
  ) & {
    /**
     * `waitForReplicas` waits for this many replicas, at most `timeoutMs` (Sentinel: 1). Without it,
     * `waitForReplicas` resolves at once (no replica to wait for).
     */
    replication?: { replicas: number; timeoutMs: number };
  };

export type RedisStore = Store & {
  /**
   * Opens the connection. Resolves once Redis answers; rejects with StoreUnavailableError after
   * `connectTimeoutMs` if it does not, while reconnection goes on in the background (the store
   * becomes usable as soon as Redis is back). Safe to call again.
   */
  connect(): Promise<void>;
  /** True while connected and ready for commands. */
  isReady(): boolean;
  /**
   * The node-redis client (createClient, createSentinel or createCluster, depending on the target)
   * for a library that takes one; it shares the store's connections.
   */
  readonly client: unknown;
  /** Which kind of Redis this store is on. */
  readonly kind: RedisTarget['kind'];
  /**
   * Runs a script of another module on its keys (one slot), with the store's guarantees (deadline,
   * StoreUnavailableError): by its SHA1, its text only when the server answers NOSCRIPT. `command`
   * names it in the failure metrics and messages.
   */
  runScript(command: string, script: TtlScript, keys: string[], args: string[]): Promise<unknown>;
};

export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const { commandTimeoutMs, logger } = options;
  const { connectTimeoutMs, reconnectDelayMs } = connectionSettings(options);

  // No per-command `timeout` option: node-redis makes it an AbortSignal.timeout per command (~10 µs of
  // CPU each, then a timer firing later); `commands()` below drops unwritten commands more cheaply.
  const handle = createRedisHandle(targetOf(options), { connectTimeoutMs, reconnectDelayMs });
  const where = handle.where;
  const commands = unwrittenCommandDropper(handle, commandTimeoutMs);

  /** Whether the last event said Redis is unreachable: errors are logged once per outage. */
  let unavailable = false;
  handle.onError((err: unknown) => {
    if (!unavailable) {
      unavailable = true;
      logger?.error({ err, redis: where }, 'Redis unavailable; reconnecting in the background');
    } else {
      logger?.debug({ err, redis: where }, 'Redis still unavailable');
    }
  });
  handle.onReady(() => {
    if (unavailable) logger?.info({ redis: where }, 'Redis available again');
    else logger?.info({ redis: where }, 'Redis connected');
    unavailable = false;
  });

  let connecting: Promise<void> | undefined;
  let closed = false;

  const timedOut = (command: string) =>
    new StoreTimeoutError(`Redis did not answer ${command} within ${commandTimeoutMs} ms`);
  const failed = (command: string, cause: unknown) =>
    new StoreUnavailableError(`Redis could not run ${command} (${(cause as Error)?.name ?? 'error'})`, { cause });

  /**
   * Runs one command within the deadline; errors other than Redis replies become StoreUnavailableError.
   * `send` gets the client to send through (unwritten commands are dropped after their deadline).
   */
  const run: RunCommand = async (command, send) => {
    try {
      if (closed) throw new StoreUnavailableError('The Redis store is closed');
      if (!handle.isReady()) throw new StoreUnavailableError(`Redis is not connected (${command})`);
      return await withDeadline(send(commands()), commandTimeoutMs, () => timedOut(command));
    } catch (error) {
      options.metrics?.storeFailed(command, error instanceof StoreTimeoutError ? 'timeout' : handle.isReady() ? 'error' : 'unavailable');
      if (error instanceof StoreUnavailableError || error instanceof ErrorReply) throw error;
      throw failed(command, error);
    }
  };

  return {
    async connect() {
      if (closed) throw new StoreUnavailableError('The Redis store is closed');
      connecting ??= handle.connect().catch((err: unknown) => {
        logger?.error({ err, redis: where }, 'Redis connection abandoned');
      });
      await waitUntilReady(handle, connectTimeoutMs);
    },

    isReady: () => handle.isReady(),
    client: handle.client,
    kind: handle.kind,

    ...recordCommands(run, handle.kind),
    ...sortedSetCommands(run),
    ...listCommands(run),

    runScript: (command, given, keys, args) => run(command, (redis) => runScript(redis, given, { keys, arguments: args })),

    waitForReplicas: replicaWaiter(handle, run, { replication: options.replication, commandTimeoutMs, logger }),

    async close() {
      if (closed) return;
      closed = true;
      await closeHandle(handle, commandTimeoutMs);
    },
  };
}
