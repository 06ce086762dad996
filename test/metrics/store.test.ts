/**
 * Store failures counted where they happen (the Redis store's command deadline): a frozen Redis gives
 * timeouts, a Redis gone gives « unavailable », a Redis error reply gives « error ».
 */
import { createMetrics } from '../../src/metrics';
import { createRedisStore, type RedisStore } from '../../src/storage/redis-store';
import { TEST_REDIS_URL, uniqueTestNamespace } from '../storage/redis-test-env';
import { startTcpProxy, type TcpProxy } from '../storage/tcp-proxy';
import { parseExposition, valueOf } from './exposition';

const upstream = new URL(TEST_REDIS_URL);
const namespace = uniqueTestNamespace('metrics-store');
let proxy: TcpProxy;
let store: RedisStore;
const metrics = createMetrics({ defaultMetrics: false });

const failures = async (labels: Record<string, string>) => valueOf(parseExposition((await metrics.render()).body), 'o360_store_failures_total', labels);

beforeAll(async () => {
  proxy = await startTcpProxy(upstream.hostname, Number(upstream.port || 6379));
  store = createRedisStore({ url: proxy.url, commandTimeoutMs: 200, connectTimeoutMs: 1000, maxReconnectDelayMs: 100, metrics });
  await store.connect();
});
afterAll(async () => {
  proxy.restore();
  await store.close();
  await proxy.close();
});

describe('store failures in the metrics', () => {
  it('When Redis answers, then no failure is counted', async () => {
    await store.set(`${namespace}:ok`, 'x', 60);
    expect(await store.get(`${namespace}:ok`)).toBe('x');
    expect(await failures({})).toBe(0);
  });

  it('When Redis answers a command with an error, then it is counted as an error of that command', async () => {
    await store.sortedAdd(`${namespace}:zset`, 'member', 1, 60);
    await expect(store.get(`${namespace}:zset`)).rejects.toThrow(/WRONGTYPE/);
    expect(await failures({ command: 'GET', kind: 'error' })).toBe(1);
  });

  it('When Redis stops answering, then the command that missed its deadline is counted as a timeout', async () => {
    proxy.freeze();
    await expect(store.get(`${namespace}:ok`)).rejects.toThrow(/did not answer GET within 200 ms/);
    expect(await failures({ command: 'GET', kind: 'timeout' })).toBe(1);
    proxy.restore();
  });

  it('When Redis is gone, then commands refused at once are counted as unavailable', async () => {
    proxy.cut();
    for (let i = 0; i < 50 && store.isReady(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(store.set(`${namespace}:ok`, 'y', 60)).rejects.toThrow(/not connected/);
    expect(await failures({ command: 'SET', kind: 'unavailable' })).toBe(1);
  });
});
