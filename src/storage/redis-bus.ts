/**
 * MessageBus on Redis pub/sub (the chat's announcements between processes), on one server, a
 * Sentinel group or a Cluster (src/storage/redis-target.ts), with the store's guarantees.
 */
import { ErrorReply } from 'redis';
import { StoreUnavailableError, type MessageBus } from '../domain/ports';
import { withDeadline } from './deadline';
import { closeHandle, connectionSettings, targetOf, unwrittenCommandDropper, waitUntilReady, type RedisConnectionOptions } from './redis-connection';
import { createRedisHandle, type RedisHandle, type RedisTarget } from './redis-target';

export type RedisBusOptions = RedisConnectionOptions & ({ url: string; target?: undefined } | { target: RedisTarget; url?: undefined });

export type RedisBus = MessageBus & {
  /** Opens both connections (publish, subscribe); like RedisStore.connect(). Safe to call again. */
  connect(): Promise<void>;
  /** True while both connections are ready. */
  isReady(): boolean;
};

/**
 * MessageBus on Redis pub/sub, with the store's guarantees: every command bounded by
 * `commandTimeoutMs`, failures as StoreUnavailableError, background reconnection with a capped backoff.
 * A subscribing connection can do nothing else, so the bus holds two: one publishes, its duplicate()
 * subscribes. The subscriber subscribes once per channel whatever the number of local handlers, and
 * node-redis subscribes again after a reconnection (what was published in between is lost: readers
 * catch up from the store).
 */
export function createRedisBus(options: RedisBusOptions): RedisBus {
  const { commandTimeoutMs, logger } = options;
  const { connectTimeoutMs, reconnectDelayMs } = connectionSettings(options);
  const publisher = createRedisHandle(targetOf(options), { connectTimeoutMs, reconnectDelayMs });
  const subscriber = publisher.duplicate();
  const where = publisher.where;

  for (const [role, handle] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    let unavailable = false;
    handle.onError((err: unknown) => {
      if (!unavailable) {
        unavailable = true;
        logger?.error({ err, redis: where, bus: role }, 'Redis bus unavailable; reconnecting in the background');
      } else {
        logger?.debug({ err, redis: where, bus: role }, 'Redis bus still unavailable');
      }
    });
    handle.onReady(() => {
      if (unavailable) logger?.info({ redis: where, bus: role }, 'Redis bus available again');
      unavailable = false;
    });
  }

  type Handler = (message: string) => void;
  /** Local handlers by channel; a channel is in this map once Redis confirmed its SUBSCRIBE. */
  const handlers = new Map<string, Set<Handler>>();
  /** SUBSCRIBE commands in flight, by channel, so that concurrent subscribers share one. */
  const pending = new Map<string, Promise<void>>();
  /** Channels nobody listens to any more whose UNSUBSCRIBE failed: retried when Redis is back. */
  const stale = new Set<string>();
  let closed = false;
  let connecting: Array<Promise<void>> | undefined;
  const publishing = unwrittenCommandDropper(publisher, commandTimeoutMs);

  const dispatch = (message: string, channel: string) => {
    for (const handler of [...(handlers.get(channel) ?? [])]) {
      try {
        handler(message);
      } catch (err) {
        logger?.error({ err, bus: 'subscriber' }, 'a bus message handler failed');
      }
    }
  };

  function bounded<T>(handle: RedisHandle, command: string, send: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new StoreUnavailableError('The Redis bus is closed'));
    if (!handle.isReady()) return Promise.reject(new StoreUnavailableError(`Redis is not connected (${command})`));
    return withDeadline(send(), commandTimeoutMs, () => new StoreUnavailableError(`Redis did not answer ${command} within ${commandTimeoutMs} ms`)).catch(
      (error: unknown) => {
        if (error instanceof StoreUnavailableError || error instanceof ErrorReply) throw error;
        throw new StoreUnavailableError(`Redis could not run ${command} (${(error as Error)?.name ?? 'error'})`, { cause: error });
      },
    );
  }

  function dropChannel(channel: string): void {
    bounded(subscriber, 'UNSUBSCRIBE', () => subscriber.unsubscribe(channel, dispatch)).then(
      () => stale.delete(channel),
      () => stale.add(channel),
    );
  }

  subscriber.onReady(() => {
    for (const channel of [...stale]) {
      if (handlers.has(channel) || pending.has(channel)) stale.delete(channel);
      else dropChannel(channel);
    }
  });

  return {
    async connect() {
      if (closed) throw new StoreUnavailableError('The Redis bus is closed');
      connecting ??= [publisher, subscriber].map((handle) =>
        handle.connect().catch((err: unknown) => logger?.error({ err, redis: where }, 'Redis bus connection abandoned')),
      );
      await Promise.all([waitUntilReady(publisher, connectTimeoutMs), waitUntilReady(subscriber, connectTimeoutMs)]);
    },

    isReady: () => publisher.isReady() && subscriber.isReady(),

    async publish(channel, message) {
      await bounded(publisher, 'PUBLISH', () => publishing().publish(channel, message));
    },

    async subscribe(channel, handler) {
      const subscription: Handler = (message) => handler(message);
      for (;;) {
        const inFlight = pending.get(channel);
        if (inFlight) {
          await inFlight;
          continue;
        }
        const current = handlers.get(channel);
        if (current) {
          current.add(subscription);
          break;
        }
        const subscribing = bounded(subscriber, 'SUBSCRIBE', () => subscriber.subscribe(channel, dispatch));
        pending.set(channel, subscribing);
        try {
          await subscribing;
          handlers.set(channel, new Set([subscription]));
          stale.delete(channel);
          break;
        } catch (error) {
          // A SUBSCRIBE that timed out may still succeed later: make sure Redis ends unsubscribed.
          if (!closed) dropChannel(channel);
          throw error;
        } finally {
          pending.delete(channel);
        }
      }
      let active = true;
      return async () => {
        if (!active) return;
        active = false;
        const current = handlers.get(channel);
        if (!current) return;
        current.delete(subscription);
        if (current.size > 0) return;
        handlers.delete(channel);
        if (!closed) dropChannel(channel);
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      handlers.clear();
      await Promise.all([closeHandle(publisher, commandTimeoutMs), closeHandle(subscriber, commandTimeoutMs)]);
    },
  };
}
