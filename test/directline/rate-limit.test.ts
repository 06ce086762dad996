/**
 * The chat's rate limits: the client address is the socket's unless a proxy named by TRUST_PROXY
 * says otherwise (a rotated X-Forwarded-For no longer buys new tokens), and the counters live in
 * Redis, so that two processes together allow what one would — on the suites' Redis (one server, or
 * the Cluster of `npm run test:cluster`) and on a Sentinel group started here. Without Redis, each
 * process still limits.
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { openRateLimitRedis } from '../../src/storage/rate-limit-redis';
import type { RedisHandle, RedisTarget } from '../../src/storage/redis-target';
import { TIMES } from '../support/config';
import { createTestClient, openRawRedis } from '../support/rawRedis';
import { startSentinelGroup, type SentinelGroup } from '../support/redisServers';
import { TEST_REDIS_LABEL, TEST_REDIS_TARGET } from '../support/redisTarget';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';
import { TEST_REDIS_URL, uniqueTestNamespace } from '../storage/redis-test-env';

const clock = new TestClock(TIMES.mondayMorningParis);
const running: RunningTestApp[] = [];
const handles: RedisHandle[] = [];

afterAll(async () => {
  await Promise.all(running.map((app) => app.close()));
  await Promise.all(handles.map((handle) => handle.destroy()));
});

/** The rate limits' connection as the service opens it (src/main.ts), its client for the app. */
function rateLimitRedis(target: RedisTarget): RedisHandle {
  const handle = openRateLimitRedis(target, { connectTimeoutMs: 1000, maxReconnectDelayMs: 500 });
  handles.push(handle);
  return handle;
}

/** Two processes of the app counting on two connections of their own to `target`, once both are connected. */
async function twoProcessesOn(target: RedisTarget, namespace: string) {
  const connections = [rateLimitRedis(target), rateLimitRedis(target)];
  for (const connection of connections) expect(await connection.whenReady(15_000)).toBe(true);
  return Promise.all(connections.map((connection) => start(namespace, { rateLimitRedis: connection.client })));
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

it(`When two processes share Redis (${TEST_REDIS_LABEL}), then together they allow 30 chats per address, not 30 each, on one counter with a TTL`, async () => {
  const namespace = uniqueTestNamespace('rl-shared');
  expect(await startChats(await twoProcessesOn(TEST_REDIS_TARGET, namespace))).toMatchObject({ allowed: 30, limited: 10 });
  const raw = await openRawRedis();
  try {
    const counters = await raw.keysMatching(`${createStoreKeys(namespace).rateLimit('chat-token')}*`);
    expect(counters).toHaveLength(1);
    expect(await raw.get(counters[0]!)).toBe('40');
    expect(await raw.ttl(counters[0]!)).toBeGreaterThan(0);
    await raw.deleteKeys(counters);
  } finally {
    await raw.close();
  }
});

(TEST_REDIS_TARGET.kind === 'standalone' ? it : it.skip)('When the counters are in Redis, then each hit sends the counting script by its SHA1 (its text at most once, when the server does not know it)', async () => {
  const namespace = uniqueTestNamespace('rl-evalsha');
  const connection = rateLimitRedis(TEST_REDIS_TARGET);
  expect(await connection.whenReady(15_000)).toBe(true);
  const app = await start(namespace, { rateLimitRedis: connection.client });
  const monitor = createTestClient(TEST_REDIS_URL);
  await monitor.connect();
  const seen: string[] = [];
  // `<time> [<db> <client address>] "NAME" "arg"…`: the commands on this test's counters.
  await monitor.monitor((line: string) => {
    const header = /^\S+ \[\d+ \S+\] "([^"]+)"(.*)$/.exec(line);
    if (header && header[2]!.includes(namespace)) seen.push(header[1]!.toUpperCase());
  });
  try {
    expect(await startChats([app], 5)).toMatchObject({ allowed: 5, limited: 0 });
    for (let attempt = 0; attempt < 50 && seen.filter((name) => name === 'EVALSHA').length < 5; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.filter((name) => name === 'EVALSHA')).toHaveLength(5);
    expect(seen.filter((name) => name === 'EVAL').length).toBeLessThanOrEqual(1);
  } finally {
    monitor.destroy();
  }
});

it('When Redis does not answer, then each process still limits on its own, at once', async () => {
  const unreachable = rateLimitRedis({ kind: 'standalone', url: 'redis://127.0.0.1:1' });
  const app = await start(uniqueTestNamespace('rl-down'), { rateLimitRedis: unreachable.client });
  expect(await startChats([app])).toMatchObject({ allowed: 30, limited: 10 });
});

describe('on a Sentinel group (a primary, a replica, three sentinels)', () => {
  let group: SentinelGroup | undefined;

  beforeAll(async () => {
    group = await startSentinelGroup('o360ratelimit');
  }, 60_000);

  afterAll(async () => {
    // The connections first: a Sentinel client would otherwise go on asking for the stopped group.
    await Promise.all(handles.splice(0).map((handle) => handle.destroy()));
    await group?.stop();
  }, 30_000);

  it('When two processes count on the Sentinel group, then together they allow 30 chats per address, not 30 each', async () => {
    const apps = await twoProcessesOn(group!.target, uniqueTestNamespace('rl-sentinel'));
    expect(await startChats(apps)).toMatchObject({ allowed: 30, limited: 10 });
  }, 30_000);
});
