/**
 * Which Redis the service talks to — one server, a Sentinel group, or a Cluster — and the node-redis
 * client for it (createClient, createSentinel, createCluster), behind one small handle so that the
 * store and the bus do not care which:
 * - Sentinel: node-redis asks the sentinels for the primary, follows `+switch-master` and re-sends a
 *   command that met a dead or read-only primary to the new one (no restart);
 * - Cluster: node-redis routes each command to the master of its key's slot and follows MOVED/ASK;
 *   classic PUBLISH is broadcast by the cluster bus to every node, so a subscriber on any node hears it.
 */
import { createClient, createCluster, createSentinel } from 'redis';

export interface RedisNodeAddress {
  host: string;
  port: number;
}

export type RedisTarget =
  | { kind: 'standalone'; url: string }
  | {
      kind: 'sentinel';
      /** The master name the sentinels monitor (`sentinel monitor <name> …`). */
      masterName: string;
      sentinels: readonly RedisNodeAddress[];
      /** Password of the primary and replicas. */
      password?: string;
      /** Password of the sentinels themselves. */
      sentinelPassword?: string;
    }
  | { kind: 'cluster'; nodes: readonly RedisNodeAddress[]; password?: string };

/** For log lines: never a password. */
export function describeRedisTarget(target: RedisTarget): string {
  const list = (nodes: readonly RedisNodeAddress[]) => nodes.map((node) => `${node.host}:${node.port}`).join(',');
  switch (target.kind) {
    case 'standalone':
      try {
        const parsed = new URL(target.url);
        return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
      } catch {
        return '(invalid url)';
      }
    case 'sentinel':
      return `sentinel ${target.masterName}@${list(target.sentinels)}`;
    case 'cluster':
      return `cluster ${list(target.nodes)}`;
  }
}

/** The commands the store and the bus send: the same on the three node-redis clients. */
export interface RedisCommands {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options: SetOptions): Promise<string | null>;
  del(key: string): Promise<number>;
  incr(key: string): Promise<number>;
  ttl(key: string): Promise<number>;
  ping(): Promise<string>;
  zRem(key: string, member: string): Promise<number>;
  zRange(key: string, start: number, stop: number): Promise<string[]>;
  zRangeWithScores(key: string, start: number, stop: number): Promise<Array<{ value: string; score: number }>>;
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  hGetAll(key: string): Promise<Record<string, string>>;
  publish(channel: string, message: string): Promise<number>;
  /** A Lua script on its keys (all in one slot). */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  /** A script the server knows by its SHA1 (NOSCRIPT otherwise). */
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  multi(): RedisBatch;
}

type SetOptions = { condition?: 'NX'; expiration: { type: 'EX'; value: number } };

/** A MULTI of the commands we batch (on one key, hence one slot). */
export interface RedisBatch {
  zAdd(key: string, member: { score: number; value: string }): RedisBatch;
  rPush(key: string, value: string | string[]): RedisBatch;
  lTrim(key: string, start: number, stop: number): RedisBatch;
  zCard(key: string): RedisBatch;
  zRangeWithScores(key: string, start: number, stop: number): RedisBatch;
  hIncrBy(key: string, field: string, increment: number): RedisBatch;
  expire(key: string, seconds: number): RedisBatch;
  exec(): Promise<unknown[]>;
}

export type RedisListener = (message: string, channel: string) => void;

/**
 * Sentinel's and Cluster's UNSUBSCRIBE are typed for listeners of either mode; the listener must stay
 * the same function to be found, and it was subscribed in string mode, so it only ever gets strings.
 */
function stringListener(listener: RedisListener): (message: string | Buffer, channel: string | Buffer) => void {
  return listener as (message: string | Buffer, channel: string | Buffer) => void;
}

export interface RedisHandle {
  readonly kind: RedisTarget['kind'];
  /** For log lines. */
  readonly where: string;
  /**
   * The node-redis client itself (RedisClientType, RedisSentinelType or RedisClusterType), for a
   * library that takes one (e.g. a rate limiter). Its commands go through the same connections.
   */
  readonly client: unknown;
  /** Commands; `signal`, where the client supports it, drops a command still unwritten when aborted. */
  commands(signal?: AbortSignal): RedisCommands;
  /** True while commands may be sent (Sentinel: also during a failover, which node-redis rides out). */
  isReady(): boolean;
  /**
   * Starts connecting; resolves when ready. A standalone client reconnects by itself; a Sentinel or
   * Cluster client whose first discovery failed is retried here, with the reconnection backoff, until closed.
   */
  connect(): Promise<void>;
  /**
   * Resolves true once ready (at once when it is), false after `timeoutMs`. Call `connect` first.
   * Sentinel and Cluster clients stay ready through a node's outage: node-redis rides it out.
   */
  whenReady(timeoutMs: number): Promise<boolean>;
  /** Called on every connection error (the handle never throws them). */
  onError(listener: (err: unknown) => void): void;
  /** Called each time the client becomes ready (again). */
  onReady(listener: () => void): void;
  /**
   * WAIT on the connection that wrote `key` (Cluster: its slot's master): resolves with the number of
   * replicas that hold every write sent on it so far, after at most `timeoutMs`.
   */
  waitForReplicas(key: string, replicas: number, timeoutMs: number): Promise<number>;
  subscribe(channel: string, listener: RedisListener): Promise<void>;
  unsubscribe(channel: string, listener: RedisListener): Promise<void>;
  /** A handle of the same kind on its own connections (a standalone subscriber needs its own). */
  duplicate(): RedisHandle;
  /** Closes politely (pending replies are awaited). */
  close(): Promise<void>;
  /** Drops the connections at once. */
  destroy(): Promise<void>;
}

export interface RedisHandleOptions {
  connectTimeoutMs: number;
  reconnectDelayMs: (retries: number) => number;
}

/**
 * The options of every connection to a data node (the standalone server, a Sentinel group's primary,
 * a Cluster's nodes): one shape, so that the three modes time out, reconnect and refuse to queue alike.
 */
function nodeClientOptions(options: RedisHandleOptions) {
  return {
    disableOfflineQueue: true,
    socket: { connectTimeout: options.connectTimeoutMs, reconnectStrategy: options.reconnectDelayMs },
  };
}

/** node-redis' three clients have no common type: the compiler checks each against RedisCommands here. */
function asCommands(client: RedisCommands): RedisCommands {
  return client;
}

export function createRedisHandle(target: RedisTarget, options: RedisHandleOptions): RedisHandle {
  switch (target.kind) {
    case 'standalone':
      return standaloneHandle(target, options);
    case 'sentinel':
      return sentinelHandle(target, options);
    case 'cluster':
      return clusterHandle(target, options);
  }
}

function standaloneHandle(target: Extract<RedisTarget, { kind: 'standalone' }>, options: RedisHandleOptions): RedisHandle {
  const client = createClient({ url: target.url, ...nodeClientOptions(options) });
  let connecting: Promise<unknown> | undefined;
  return {
    kind: 'standalone',
    where: describeRedisTarget(target),
    client,
    commands: (signal) => asCommands(signal ? client.withAbortSignal(signal) : client),
    isReady: () => client.isReady,
    connect() {
      // With a reconnect strategy that always retries, this settles only when ready (or closed).
      connecting ??= client.connect();
      return connecting.then(() => undefined);
    },
    whenReady(timeoutMs) {
      if (client.isReady) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          client.off('ready', onReady);
          resolve(false);
        }, timeoutMs);
        timer.unref();
        client.once('ready', onReady);
      });
    },
    onError: (listener) => void client.on('error', listener),
    onReady: (listener) => void client.on('ready', listener),
    waitForReplicas: (_key, replicas, timeoutMs) => client.wait(replicas, timeoutMs),
    subscribe: (channel, listener) => client.subscribe(channel, listener),
    unsubscribe: (channel, listener) => client.unsubscribe(channel, listener),
    duplicate: () => standaloneHandle(target, options),
    async close() {
      if (!client.isOpen) return;
      if (!client.isReady) return client.destroy();
      await client.close();
    },
    async destroy() {
      if (client.isOpen) client.destroy();
    },
  };
}

/**
 * Sentinel and Cluster clients: `connect()` fails once when no node answers; it is retried in the
 * background until it succeeds or the handle is closed. Their own node clients reconnect by themselves.
 */
function retryingConnect(
  open: () => Promise<unknown>,
  reset: () => Promise<unknown>,
  failed: (err: unknown) => void,
  isClosed: () => boolean,
  retryDelayMs: (attempt: number) => number,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const attempt = (count: number) => {
      if (isClosed()) return resolve();
      open().then(
        () => resolve(),
        async (err: unknown) => {
          failed(err);
          await reset().catch(() => undefined);
          setTimeout(() => attempt(count + 1), retryDelayMs(count)).unref();
        },
      );
    };
    attempt(0);
  });
}

/** Whether `connecting` settles within `timeoutMs`. */
function readyWithin(connecting: Promise<void> | undefined, timeoutMs: number): Promise<boolean> {
  if (connecting === undefined) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    void connecting.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** The command methods of a client, bound to it (so that they can be spread into another object). */
function bindCommands(commands: RedisCommands): RedisCommands {
  return {
    get: (key) => commands.get(key),
    set: (key, value, options) => commands.set(key, value, options),
    del: (key) => commands.del(key),
    incr: (key) => commands.incr(key),
    ttl: (key) => commands.ttl(key),
    ping: () => commands.ping(),
    zRem: (key, member) => commands.zRem(key, member),
    zRange: (key, start, stop) => commands.zRange(key, start, stop),
    zRangeWithScores: (key, start, stop) => commands.zRangeWithScores(key, start, stop),
    lRange: (key, start, stop) => commands.lRange(key, start, stop),
    hGetAll: (key) => commands.hGetAll(key),
    publish: (channel, message) => commands.publish(channel, message),
    eval: (script, options) => commands.eval(script, options),
    evalSha: (sha, options) => commands.evalSha(sha, options),
    multi: () => commands.multi(),
  };
}

function sentinelHandle(target: Extract<RedisTarget, { kind: 'sentinel' }>, options: RedisHandleOptions): RedisHandle {
  const sentinel = createSentinel({
    name: target.masterName,
    sentinelRootNodes: target.sentinels.map((node) => ({ host: node.host, port: node.port })),
    // One connection to the primary: a write and the WAIT after it share it.
    masterPoolSize: 1,
    nodeClientOptions: { password: target.password, ...nodeClientOptions(options) },
    sentinelClientOptions: {
      password: target.sentinelPassword,
      socket: { connectTimeout: options.connectTimeoutMs },
    },
  });
  const errorListeners: Array<(err: unknown) => void> = [];
  const readyListeners: Array<() => void> = [];
  sentinel.on('error', (err: unknown) => errorListeners.forEach((listener) => listener(err)));
  sentinel.on('topology-change', (event: { type: string }) => {
    if (event.type === 'MASTER_CHANGE') readyListeners.forEach((listener) => listener());
  });
  let connecting: Promise<void> | undefined;
  let closed = false;
  return {
    kind: 'sentinel',
    whenReady: (timeoutMs) => readyWithin(connecting, timeoutMs),
    where: describeRedisTarget(target),
    client: sentinel,
    // node-redis' Sentinel does not pass command options on to its node clients: no abort signal.
    commands: () => asCommands(sentinel),
    isReady: () => sentinel.isReady,
    connect() {
      connecting ??= retryingConnect(
        () => sentinel.connect(),
        // A Sentinel client that gave up stays "opening" until destroyed.
        () => sentinel.destroy(),
        (err) => errorListeners.forEach((listener) => listener(err)),
        () => closed,
        options.reconnectDelayMs,
      );
      return connecting;
    },
    onError: (listener) => void errorListeners.push(listener),
    onReady: (listener) => void readyListeners.push(listener),
    waitForReplicas: (_key, replicas, timeoutMs) => sentinel.wait(replicas, timeoutMs),
    subscribe: (channel, listener) => sentinel.subscribe(channel, listener, false),
    unsubscribe: (channel, listener) => sentinel.unsubscribe(channel, stringListener(listener), false),
    // One Sentinel client keeps its own pub/sub connection to the primary.
    duplicate: () => sentinelHandle(target, options),
    async close() {
      closed = true;
      if (sentinel.isOpen) await sentinel.close();
    },
    async destroy() {
      closed = true;
      if (sentinel.isOpen) await sentinel.destroy();
    },
  };
}

const CLUSTER_SLOTS = 16384;

function everySlotServed(slots: ReadonlyArray<{ master?: unknown } | undefined>): boolean {
  for (let slot = 0; slot < CLUSTER_SLOTS; slot++) if (!slots[slot]?.master) return false;
  return true;
}

function clusterHandle(target: Extract<RedisTarget, { kind: 'cluster' }>, options: RedisHandleOptions): RedisHandle {
  const cluster = createCluster({
    rootNodes: target.nodes.map((node) => ({ socket: { host: node.host, port: node.port } })),
    defaults: { password: target.password, ...nodeClientOptions(options) },
  });
  const errorListeners: Array<(err: unknown) => void> = [];
  const readyListeners: Array<() => void> = [];
  cluster.on('error', (err: unknown) => errorListeners.forEach((listener) => listener(err)));
  cluster.on('node-error', (err: unknown) => errorListeners.forEach((listener) => listener(err)));
  cluster.on('node-ready', () => readyListeners.forEach((listener) => listener()));
  let connecting: Promise<void> | undefined;
  let connected = false;
  let closed = false;
  return {
    kind: 'cluster',
    whenReady: (timeoutMs) => readyWithin(connecting, timeoutMs),
    where: describeRedisTarget(target),
    client: cluster,
    commands(signal) {
      const view = signal ? cluster.withCommandOptions({ abortSignal: signal }) : cluster;
      return {
        ...bindCommands(asCommands(view)),
        // PUBLISH has no key: node-redis would pick any node, and two messages sent through two nodes
        // may arrive out of order. Routed by the channel's slot, one channel's messages leave one node.
        publish: async (channel: string, message: string) => Number(await view.sendCommand(channel, false, ['PUBLISH', channel, message])),
      };
    },
    isReady: () => connected && cluster.isOpen && !closed,
    connect() {
      connecting ??= retryingConnect(
        async () => {
          await cluster.connect();
          // A cluster still being formed answers with slots unassigned: node-redis would keep that table.
          if (!everySlotServed(cluster.slots)) throw new Error('Not every slot of the Redis Cluster is served yet');
          connected = true;
        },
        async () => {
          if (cluster.isOpen) await cluster.destroy();
        },
        (err) => errorListeners.forEach((listener) => listener(err)),
        () => closed,
        options.reconnectDelayMs,
      );
      return connecting;
    },
    onError: (listener) => void errorListeners.push(listener),
    onReady: (listener) => void readyListeners.push(listener),
    waitForReplicas: async (key, replicas, timeoutMs) =>
      Number(await cluster.sendCommand(key, false, ['WAIT', String(replicas), String(timeoutMs)])),
    subscribe: (channel, listener) => cluster.subscribe(channel, listener, false),
    unsubscribe: (channel, listener) => cluster.unsubscribe(channel, stringListener(listener), false),
    duplicate: () => clusterHandle(target, options),
    async close() {
      closed = true;
      if (cluster.isOpen) await cluster.close();
    },
    async destroy() {
      closed = true;
      if (cluster.isOpen) await cluster.destroy();
    },
  };
}
