/**
 * The chat's rate limits: the client address is the socket's unless a proxy named by TRUST_PROXY
 * says otherwise (a rotated X-Forwarded-For no longer buys new tokens), and the counters live in
 * Redis, so that two processes together allow what one would. Without Redis, each process still limits.
 */
import { createClient } from 'redis';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';
import { TEST_REDIS_URL, uniqueTestNamespace } from '../storage/redis-test-env';

const clock = new TestClock(TIMES.mondayMorningParis);
const running: RunningTestApp[] = [];
const clients: Array<ReturnType<typeof createClient>> = [];

afterAll(async () => {
  await Promise.all(running.map((app) => app.close()));
  for (const client of clients) if (client.isOpen) client.destroy();
});

async function redisClient(url = TEST_REDIS_URL) {
  const client = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: false } });
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect().catch(() => undefined);
  return client;
}

async function start(namespace: string, options: { rateLimitRedis?: unknown; trustProxy?: readonly string[] } = {}) {
  const app = await startTestApp({ store: createMemoryStore(clock), keys: createStoreKeys(namespace), clock, ...options });
  running.push(app);
  return app;
}

/** 40 chats started, from `apps` in turn, each claiming another address in X-Forwarded-For. */
async function startChats(apps: RunningTestApp[], count = 40) {
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < count; i += 1) {
    const app = apps[i % apps.length]!;
    const response = await fetch(`${app.httpBase}/chat/token`, { method: 'POST', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
    statuses.push(response.status);
    if (response.status === 429) retryAfter ??= response.headers.get('retry-after');
  }
  return { allowed: statuses.filter((s) => s === 200).length, limited: statuses.filter((s) => s === 429).length, retryAfter };
}

it('When a client rotates X-Forwarded-For and no proxy is trusted, then it is limited after 30 chats (429 with Retry-After)', async () => {
  const app = await start(uniqueTestNamespace('rl-no-proxy'));
  const result = await startChats([app]);
  expect(result).toMatchObject({ allowed: 30, limited: 10 });
  expect(Number(result.retryAfter)).toBeGreaterThan(0);
});

it('When the proxy is named in TRUST_PROXY, then the address it forwards is the client: each has its own limit', async () => {
  const app = await start(uniqueTestNamespace('rl-proxy'), { trustProxy: ['127.0.0.1'] });
  expect(await startChats([app])).toMatchObject({ allowed: 40, limited: 0 });
});

it('When two processes share Redis, then together they allow 30 chats per address, not 30 each', async () => {
  const namespace = uniqueTestNamespace('rl-shared');
  const one = await start(namespace, { rateLimitRedis: await redisClient() });
  const two = await start(namespace, { rateLimitRedis: await redisClient() });
  expect(await startChats([one, two])).toMatchObject({ allowed: 30, limited: 10 });
});

it('When Redis does not answer, then each process still limits on its own, at once', async () => {
  const unreachable = await redisClient('redis://127.0.0.1:1');
  const app = await start(uniqueTestNamespace('rl-down'), { rateLimitRedis: unreachable });
  expect(await startChats([app])).toMatchObject({ allowed: 30, limited: 10 });
});
