/**
 * A look into the tests' Redis behind the store's back, on whichever Redis the suite runs on
 * (test/support/redisTarget.ts): the one server, or every master of a Cluster.
 * - `keysMatching` scans every master of a Cluster (node-redis' `cluster.masters` and `nodeClient`):
 *   SCAN on one node lists that node's keys only;
 * - the single-key commands go through the client of the target, which routes each one to its slot's
 *   master on a Cluster;
 * - `deleteKeys` deletes one key a command: on a Cluster, a DEL of keys in several slots is refused.
 * The service itself never lists keys (no SCAN, no KEYS): only tests do, to prove what is stored.
 */
import { createClient, createCluster } from 'redis';
import type { RedisTarget } from '../../src/storage/redis-target';
import { TEST_CONNECT_TIMEOUT_MS, TEST_REDIS_TARGET } from './redisTarget';

/** The commands the tests send, the same on node-redis' standalone and Cluster clients. */
export interface RawRedisCommands {
  type(key: string): Promise<string>;
  get(key: string): Promise<string | null>;
  ttl(key: string): Promise<number>;
  del(key: string): Promise<number>;
  expire(key: string, seconds: number): Promise<number>;
  rPush(key: string, value: string | string[]): Promise<number>;
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  zRange(key: string, start: number, stop: number): Promise<string[]>;
  zCard(key: string): Promise<number>;
  hGetAll(key: string): Promise<Record<string, string>>;
  sMembers(key: string): Promise<string[]>;
}

export interface RawRedis extends RawRedisCommands {
  /** Every key matching a SCAN pattern, on every master of a Cluster; sorted. */
  keysMatching(pattern: string): Promise<string[]>;
  /** Deletes the keys, one DEL each (they may live in different slots). */
  deleteKeys(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** node-redis' clients have no common type: the compiler checks each against RawRedisCommands here. */
function asCommands(client: RawRedisCommands): RawRedisCommands {
  return client;
}

function bound(commands: RawRedisCommands): RawRedisCommands {
  return {
    type: (key) => commands.type(key),
    get: (key) => commands.get(key),
    ttl: (key) => commands.ttl(key),
    del: (key) => commands.del(key),
    expire: (key, seconds) => commands.expire(key, seconds),
    rPush: (key, value) => commands.rPush(key, value),
    lRange: (key, start, stop) => commands.lRange(key, start, stop),
    zRange: (key, start, stop) => commands.zRange(key, start, stop),
    zCard: (key) => commands.zCard(key),
    hGetAll: async (key) => ({ ...(await commands.hGetAll(key)) }),
    sMembers: (key) => commands.sMembers(key),
  };
}

interface ScanningClient {
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
}

async function scanOne(client: ScanningClient, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: pattern, COUNT: 500 })) keys.push(...batch);
  return keys;
}

async function deleteEach(commands: RawRedisCommands, keys: readonly string[]): Promise<void> {
  await Promise.all(keys.map((key) => commands.del(key)));
}

/**
 * A plain client on one server, as the tests open beside the service's own (to look or to MONITOR): it
 * waits as long as the suites' stores for a first connect, and a connect that times out is retried
 * (node-redis reconnects) instead of throwing from an 'error' event nobody listens to: a busy CI machine
 * once failed a whole file that way.
 */
export function createTestClient(url: string) {
  const client = createClient({ url, socket: { connectTimeout: TEST_CONNECT_TIMEOUT_MS } });
  client.on('error', () => undefined);
  return client;
}

/** Opens a client on `target` (default: the suites' Redis) and connects it. */
export async function openRawRedis(target: RedisTarget = TEST_REDIS_TARGET): Promise<RawRedis> {
  if (target.kind === 'cluster') {
    const cluster = createCluster({
      rootNodes: target.nodes.map((node) => ({ socket: { host: node.host, port: node.port } })),
      defaults: { password: target.password, socket: { connectTimeout: TEST_CONNECT_TIMEOUT_MS } },
    });
    cluster.on('error', () => undefined);
    await cluster.connect();
    const commands = bound(asCommands(cluster));
    return {
      ...commands,
      async keysMatching(pattern) {
        const perMaster = await Promise.all(cluster.masters.map(async (master) => scanOne(await cluster.nodeClient(master), pattern)));
        // A key moved during the scan may be listed twice.
        return [...new Set(perMaster.flat())].sort();
      },
      deleteKeys: (keys) => deleteEach(commands, keys),
      close: () => cluster.close(),
    };
  }
  if (target.kind === 'sentinel') throw new Error('openRawRedis: the suites run on one server or on a Cluster, not on Sentinel');
  const client = createTestClient(target.url);
  await client.connect();
  const commands = bound(asCommands(client));
  return {
    ...commands,
    keysMatching: async (pattern) => [...new Set(await scanOne(client, pattern))].sort(),
    deleteKeys: (keys) => deleteEach(commands, keys),
    close: () => client.close(),
  };
}
