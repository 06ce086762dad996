import { StoreUnavailableError } from '../../src/domain/ports';
import { createMemoryBus } from '../../src/storage/memory-store';
import { createRedisBus, type RedisBus } from '../../src/storage/redis-store';
import { sleep, TEST_REDIS_URL, uniqueTestNamespace } from '../storage/redis-test-env';
import { TEST_CONNECT_TIMEOUT_MS, TEST_REDIS_LABEL, TEST_REDIS_TARGET } from '../support/redisTarget';
import { startTcpProxy } from '../storage/tcp-proxy';
import { collector, describeMessageBusContract, expectClosedBusRejects } from './message-bus-contract';

describeMessageBusContract('memory', async () => {
  const bus = createMemoryBus();
  return { a: bus, b: bus, namespace: 'o360test', dispose: () => bus.close() };
});

describeMessageBusContract(`redis (${TEST_REDIS_LABEL}), two connections`, async () => {
  const a = createRedisBus({ target: TEST_REDIS_TARGET, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  const b = createRedisBus({ target: TEST_REDIS_TARGET, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  await Promise.all([a.connect(), b.connect()]);
  return {
    a,
    b,
    namespace: uniqueTestNamespace('bus'),
    dispose: async () => {
      await a.close();
      await b.close();
    },
  };
});

describe('memory bus specifics', () => {
  test('delivery is asynchronous: never inside the publisher’s call', async () => {
    const bus = createMemoryBus();
    const got = collector();
    await bus.subscribe('c', got.handler);
    const publishing = bus.publish('c', 'x');
    expect(got.messages).toEqual([]);
    await publishing;
    await expect(got.waitFor(1)).resolves.toEqual(['x']);
    await bus.close();
  });

  test('after close, publish and subscribe reject with StoreUnavailableError', async () => {
    await expectClosedBusRejects(createMemoryBus());
  });
});

describe('redis bus specifics', () => {
  const namespace = uniqueTestNamespace('bus-failures');
  let bus: RedisBus | undefined;
  afterEach(async () => {
    await bus?.close();
    bus = undefined;
  });

  test('after close, publish and subscribe reject with StoreUnavailableError', async () => {
    bus = createRedisBus({ url: TEST_REDIS_URL, commandTimeoutMs: 500, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
    await bus.connect();
    await expectClosedBusRejects(bus);
  });

  test('Redis absent: connect, publish and subscribe reject quickly with StoreUnavailableError', async () => {
    bus = createRedisBus({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 300, connectTimeoutMs: 500, maxReconnectDelayMs: 200 });
    const start = Date.now();
    await expect(bus.connect()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(bus.publish(`${namespace}:c`, 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(bus.subscribe(`${namespace}:c`, () => undefined)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - start).toBeLessThan(1500);
  });

  test('the subscriber comes back after Redis was cut, and receives again', async () => {
    const upstream = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy(upstream.hostname, Number(upstream.port || 6379));
    const publisher = createRedisBus({ url: TEST_REDIS_URL, commandTimeoutMs: 500, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
    bus = createRedisBus({ url: proxy.url, commandTimeoutMs: 300, connectTimeoutMs: 1000, maxReconnectDelayMs: 100 });
    try {
      await Promise.all([bus.connect(), publisher.connect()]);
      const ch = `${namespace}:reconnect`;
      const got = collector();
      await bus.subscribe(ch, got.handler);
      await publisher.publish(ch, 'avant');
      await got.waitFor(1);

      proxy.cut();
      await sleep(100);
      expect(bus.isReady()).toBe(false);
      await expect(bus.publish(ch, 'pendant')).rejects.toBeInstanceOf(StoreUnavailableError);
      proxy.restore();
      const deadline = Date.now() + 3000;
      while (!bus.isReady() && Date.now() < deadline) await sleep(25);
      expect(bus.isReady()).toBe(true);
      await sleep(100); // the resubscription goes out with the reconnection

      await publisher.publish(ch, 'après');
      await expect(got.waitFor(2)).resolves.toEqual(['avant', 'après']);
    } finally {
      await publisher.close();
      await bus.close();
      bus = undefined;
      await proxy.close();
    }
  });
});
