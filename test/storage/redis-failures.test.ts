/**
 * A slow or absent Redis must never hold a call: every failure is a quick StoreUnavailableError,
 * the process does not crash, and the store comes back when Redis does.
 */
import { Writable } from 'node:stream';
import { StoreUnavailableError } from '../../src/domain/ports';
import { createLogger } from '../../src/logging/logger';
import { createRedisStore, reconnectDelayMs, type RedisStore } from '../../src/storage/redis-store';
import { sleep, TEST_REDIS_URL, uniqueTestNamespace } from './redis-test-env';
import { startSilentServer, startTcpProxy, type TcpProxy } from './tcp-proxy';

const COMMAND_TIMEOUT_MS = 300;
const SLACK_MS = 250;

function collectingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', hashKey: 'test', destination }), lines };
}

/** Resolves with how long `work` took to reject, and the error it rejected with. */
async function timeRejection(work: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const start = Date.now();
  try {
    await work();
  } catch (error) {
    return { ms: Date.now() - start, error };
  }
  throw new Error('expected a rejection');
}

describe('Redis store when Redis is absent', () => {
  let store: RedisStore;
  afterEach(async () => {
    await store?.close();
  });

  test('nothing listens: connect() and get() reject with StoreUnavailableError within ~1 s', async () => {
    const { logger, lines } = collectingLogger();
    store = createRedisStore({
      url: 'redis://127.0.0.1:1',
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
      connectTimeoutMs: 800,
      maxReconnectDelayMs: 200,
      logger,
    });

    const beforeConnect = await timeRejection(() => store.get('k'));
    expect(beforeConnect.error).toBeInstanceOf(StoreUnavailableError);
    expect(beforeConnect.ms).toBeLessThan(100);

    const connecting = await timeRejection(() => store.connect());
    expect(connecting.error).toBeInstanceOf(StoreUnavailableError);
    expect(connecting.ms).toBeLessThan(1000 + SLACK_MS);

    const whileRetrying = await timeRejection(() => store.get('k'));
    expect(whileRetrying.error).toBeInstanceOf(StoreUnavailableError);
    expect(whileRetrying.ms).toBeLessThan(100);

    // Errors are logged (once per outage at error level), never thrown out of the client.
    expect(lines.filter((line) => line.level === 50 && line.msg === 'Redis unavailable; reconnecting in the background')).toHaveLength(1);
  });

  test('a server that accepts but never answers: connect() and get() reject in time', async () => {
    const silent = await startSilentServer();
    store = createRedisStore({ url: silent.url, commandTimeoutMs: COMMAND_TIMEOUT_MS, connectTimeoutMs: 500 });
    try {
      const connecting = await timeRejection(() => store.connect());
      expect(connecting.error).toBeInstanceOf(StoreUnavailableError);
      expect(connecting.ms).toBeLessThan(500 + SLACK_MS);
      const getting = await timeRejection(() => store.get('k'));
      expect(getting.error).toBeInstanceOf(StoreUnavailableError);
      expect(getting.ms).toBeLessThan(COMMAND_TIMEOUT_MS + SLACK_MS);
    } finally {
      await store.close();
      await silent.close();
    }
  });
});

describe('Redis store when a connected Redis stops answering', () => {
  const upstream = new URL(TEST_REDIS_URL);
  const namespace = uniqueTestNamespace('failures');
  let proxy: TcpProxy;
  let store: RedisStore;

  beforeEach(async () => {
    proxy = await startTcpProxy(upstream.hostname, Number(upstream.port || 6379));
    store = createRedisStore({
      url: proxy.url,
      commandTimeoutMs: COMMAND_TIMEOUT_MS,
      connectTimeoutMs: 1000,
      maxReconnectDelayMs: 100,
    });
    await store.connect();
  });

  afterEach(async () => {
    proxy.restore();
    await store.close();
    await proxy.close();
  });

  test('frozen: a command rejects within commandTimeoutMs + slack; after recovery replies match their commands', async () => {
    await store.set(`${namespace}:a`, 'valeur A', 60);
    await store.set(`${namespace}:b`, 'valeur B', 60);

    proxy.freeze();
    const frozen = await timeRejection(() => store.get(`${namespace}:a`));
    expect(frozen.error).toBeInstanceOf(StoreUnavailableError);
    expect(frozen.ms).toBeGreaterThanOrEqual(COMMAND_TIMEOUT_MS - 20);
    expect(frozen.ms).toBeLessThan(COMMAND_TIMEOUT_MS + SLACK_MS);

    proxy.restore();
    await sleep(50);
    // The late reply to the timed-out GET must not be handed to the next command.
    await expect(store.get(`${namespace}:b`)).resolves.toBe('valeur B');
    await expect(store.get(`${namespace}:a`)).resolves.toBe('valeur A');
    await store.del(`${namespace}:a`);
    await store.del(`${namespace}:b`);
  });

  test('cut: commands fail at once while Redis is gone, and work again once it is back', async () => {
    proxy.cut();
    await sleep(50);
    const cut = await timeRejection(() => store.get(`${namespace}:x`));
    expect(cut.error).toBeInstanceOf(StoreUnavailableError);
    expect(cut.ms).toBeLessThan(COMMAND_TIMEOUT_MS + SLACK_MS);
    expect(store.isReady()).toBe(false);

    proxy.restore();
    const deadline = Date.now() + 3000;
    while (!store.isReady() && Date.now() < deadline) await sleep(25);
    expect(store.isReady()).toBe(true);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  test('connect() again after an outage waits for the background reconnection', async () => {
    proxy.cut();
    await sleep(50);
    setTimeout(() => proxy.restore(), 200);
    await expect(store.connect()).resolves.toBeUndefined();
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('reconnectDelayMs', () => {
  test('grows from about 100 ms and is capped', () => {
    expect(reconnectDelayMs(0, 5000)).toBeLessThanOrEqual(100);
    expect(reconnectDelayMs(0, 5000)).toBeGreaterThanOrEqual(80);
    expect(reconnectDelayMs(3, 5000)).toBeLessThanOrEqual(800);
    expect(reconnectDelayMs(50, 5000)).toBeLessThanOrEqual(5000);
    expect(reconnectDelayMs(50, 5000)).toBeGreaterThanOrEqual(4000);
  });
});
