/**
 * The service's storage on a real Redis Cluster of three masters started for this file
 * (`redis-server --cluster-enabled yes`, `redis-cli --cluster create`): the store contract, the ticket
 * store, keys that belong together in one slot, and pub/sub across the nodes.
 */
import type { RedisClusterType } from 'redis';
import { createRedisBus, createRedisStore, type RedisStore } from '../../src/storage/redis-store';
import { createStoreKeys } from '../../src/storage/keys';
import { freePort, startRedisCluster, redisCli, type RedisClusterGroup } from '../support/redisServers';
import { openRawRedis } from '../support/rawRedis';
import { TEST_CONNECT_TIMEOUT_MS } from '../support/redisTarget';
import { StoreUnavailableError } from '../../src/domain/ports';
import { describeTicketStoreContract } from '../tickets/ticket-store-contract';
import { collector } from '../directline/message-bus-contract';
import { describeKeyValueStoreContract } from './key-value-store-contract';
import { sleep, uniqueTestNamespace } from './redis-test-env';

let starting: Promise<RedisClusterGroup> | undefined;
/** The cluster, started once for the whole file by whichever suite needs it first. */
function cluster(): Promise<RedisClusterGroup> {
  starting ??= startRedisCluster();
  return starting;
}

afterAll(async () => {
  if (starting) await (await starting).stop();
}, 30_000);

async function clusterStore(): Promise<RedisStore> {
  const store = createRedisStore({ target: (await cluster()).target, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  await store.connect();
  return store;
}

describeKeyValueStoreContract('redis cluster (three masters)', async () => {
  const store = await clusterStore();
  return {
    store,
    // A hash tag per namespace would put every key on one node: keep plain keys so they spread.
    namespace: uniqueTestNamespace('cluster-kv'),
    elapse: (seconds) => sleep(seconds * 1000),
    dispose: () => store.close(),
  };
});

describeTicketStoreContract('Redis Cluster (three masters)', async () => {
  const kv = await clusterStore();
  return { kv, keys: createStoreKeys(uniqueTestNamespace('cluster-tickets')), dispose: () => kv.close() };
});

describe('keys and transactions on the cluster', () => {
  let store: RedisStore;
  let group: RedisClusterGroup;
  beforeAll(async () => {
    group = await cluster();
    store = await clusterStore();
  });
  afterAll(() => store.close());

  test('When keys spread over the cluster, then every master holds some of them (the store is really sharded)', async () => {
    const keys = createStoreKeys(uniqueTestNamespace('cluster-spread'));
    const refs = Array.from({ length: 30 }, (_, i) => `T-44-${String(i).padStart(6, '0')}`);
    for (const ref of refs) await store.set(keys.ticket(ref), 'x', 60);
    const counts = await Promise.all(group.masters.map(async (master) => Number(await redisCli(master.port, 'DBSIZE'))));
    for (const count of counts) expect(count).toBeGreaterThan(0);
    for (const ref of refs) await store.del(keys.ticket(ref));
  });

  test('When one MULTI touches every record of one ticket, then it runs on one node (no CROSSSLOT)', async () => {
    const keys = createStoreKeys(uniqueTestNamespace('cluster-multi'));
    const ref = 'T-44-7K3F9Q';
    const related = [keys.ticket(ref), keys.ticketCase(ref), keys.auditOfTicket(ref), keys.lock('ticket', ref)];
    const slots = await Promise.all(related.map((key) => redisCli(group.masters[0]!.port, 'CLUSTER', 'KEYSLOT', key)));
    expect(new Set(slots).size).toBe(1);

    expect(store.kind).toBe('cluster');
    const client = store.client as RedisClusterType;
    const replies = await client.multi().set(related[0]!, 'ticket').set(related[1]!, 'case').rPush(related[2]!, 'created').set(related[3]!, 'lock').exec();
    expect(replies).toEqual(['OK', 'OK', 1, 'OK']);
    await expect(store.get(related[1]!)).resolves.toBe('case');
    for (const key of related) await store.del(key);
  });

  test('When a conversation’s state and its ticket pointer are written in one MULTI, then they share a slot', async () => {
    const keys = createStoreKeys(uniqueTestNamespace('cluster-conv'));
    const callSid = 'CA0123456789abcdef0123456789abcdef';
    const [a, b] = [keys.call(callSid), keys.ticketByConversation(callSid)];
    const [slotA, slotB] = await Promise.all([a, b].map((key) => redisCli(group.masters[0]!.port, 'CLUSTER', 'KEYSLOT', key)));
    expect(slotA).toBe(slotB);
  });
});

describe('pub/sub across the cluster', () => {
  test('When a message is published on any of the three nodes, then a subscriber of the bus hears it', async () => {
    const group = await cluster();
    const bus = createRedisBus({ target: group.target, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
    await bus.connect();
    const channel = `${uniqueTestNamespace('cluster-bus')}:events`;
    const got = collector();
    try {
      await bus.subscribe(channel, got.handler);
      for (const master of group.masters) await redisCli(master.port, 'PUBLISH', channel, `from-${master.port}`);
      await expect(got.waitFor(3)).resolves.toEqual(group.masters.map((master) => `from-${master.port}`));
    } finally {
      await bus.close();
    }
  });

  test('When two processes each hold a bus on the cluster, then what one publishes reaches the other, in order', async () => {
    const group = await cluster();
    const one = createRedisBus({ target: group.target, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
    const two = createRedisBus({ target: group.target, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
    await Promise.all([one.connect(), two.connect()]);
    const channel = `${uniqueTestNamespace('cluster-bus2')}:dl-channel`;
    const got = collector();
    try {
      await two.subscribe(channel, got.handler);
      for (let i = 0; i < 20; i++) await one.publish(channel, `m${i}`);
      // In order: one channel's messages all leave from the node of its slot.
      await expect(got.waitFor(20)).resolves.toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

describe("the tests' own look into a Cluster (test/support/rawRedis.ts, used by the GDPR erasure's scan)", () => {
  test('When keys of a namespace live on every master, then keysMatching lists them all where one node lists only its own, and deleteKeys deletes them across slots', async () => {
    const group = await cluster();
    const raw = await openRawRedis(group.target);
    const namespace = uniqueTestNamespace('raw-look');
    const keys = Array.from({ length: 30 }, (_, i) => `${namespace}:item:{${i}}`).sort();
    try {
      for (const key of keys) {
        await raw.rPush(key, 'x');
        await raw.expire(key, 60);
      }
      const onEachNode = await Promise.all(
        group.masters.map(async (master) => (await redisCli(master.port, '--scan', '--pattern', `${namespace}:*`)).split('\n').filter(Boolean).length),
      );
      // Thirty hash tags spread over the three masters' slots: a scan of one node would miss keys.
      expect(onEachNode.every((count) => count > 0 && count < keys.length)).toBe(true);
      expect(onEachNode.reduce((sum, count) => sum + count, 0)).toBe(keys.length);
      expect(await raw.keysMatching(`${namespace}:*`)).toEqual(keys);
      await raw.deleteKeys(keys);
      expect(await raw.keysMatching(`${namespace}:*`)).toEqual([]);
    } finally {
      await raw.deleteKeys(keys);
      await raw.close();
    }
  });
});

describe('a cluster that is not up yet', () => {
  test('When the Cluster does not answer at start, then connect() says so within its timeout, and the store works once the Cluster is up', async () => {
    const taken = new Set<number>();
    const ports = [await freePort(taken, true), await freePort(taken, true), await freePort(taken, true)];
    const store = createRedisStore({
      target: { kind: 'cluster', nodes: ports.map((port) => ({ host: '127.0.0.1', port })) },
      commandTimeoutMs: 500,
      connectTimeoutMs: 500,
      maxReconnectDelayMs: 200,
    });
    let late: RedisClusterGroup | undefined;
    try {
      await expect(store.connect()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.get('o360test-late:x')).rejects.toBeInstanceOf(StoreUnavailableError);
      late = await startRedisCluster({ ports });
      const deadline = Date.now() + 10_000;
      while (!store.isReady() && Date.now() < deadline) await sleep(50);
      await store.set('o360test-late:x', 'v', 60);
      await expect(store.get('o360test-late:x')).resolves.toBe('v');
    } finally {
      await store.close();
      await late?.stop();
    }
  });
});
