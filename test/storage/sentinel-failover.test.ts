/**
 * The service on a real Redis Sentinel group started for this file (a primary, a replica, three
 * sentinels): the primary is killed while 200 calls are live on two processes of the app.
 */
import { Writable } from 'node:stream';
import { loadEnv } from '../../src/config/env';
import { startService } from '../../src/main';
import { createLogger, silentLogger, type Logger } from '../../src/logging';
import { createRedisStore, type RedisStore } from '../../src/storage/redis-store';
import { createStoreKeys } from '../../src/storage/keys';
import { ticketRefFor } from '../../src/tickets/ref';
import { createTicketStore } from '../../src/tickets/ticket-store';
import { SimulatedCall } from '../support/callHarness';
import { TIMES } from '../support/config';
import { redisCli, startSentinelGroup, type SentinelGroup } from '../support/redisServers';
import { startTestApp, TestClock, twilioSide, type RunningTestApp } from '../support/testApp';
import { spokenText } from '../support/twiml';
import { describeKeyValueStoreContract } from './key-value-store-contract';
import { sleep, uniqueTestNamespace } from './redis-test-env';

const CALLS = 200;
/** Keys that take a caller from the first menu to the advisors of Loire-Atlantique, with a ticket. */
const JOURNEY = ['2', '1', '3', '44000', '1'];
const TECHNICAL_PROBLEM = 'problème technique';
/** Callers put through (ticket written) before the primary is killed. */
const KILL_AFTER_CALLS = 60;

let group: SentinelGroup;
const stores: RedisStore[] = [];

function sentinelStore(logger?: Logger): RedisStore {
  const store = createRedisStore({
    logger,
    target: group.target,
    commandTimeoutMs: 500,
    // Just after a failover the sentinels may still describe it as in progress for a moment.
    connectTimeoutMs: 10_000,
    // A node client still retrying the dead primary sleeps at most this long once closed.
    maxReconnectDelayMs: 500,
    replication: { replicas: 1, timeoutMs: 200 },
  });
  stores.push(store);
  return store;
}

beforeAll(async () => {
  group = await startSentinelGroup();
}, 60_000);

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await group?.stop();
}, 30_000);

describeKeyValueStoreContract('redis sentinel (primary, replica, three sentinels)', async () => {
  const store = sentinelStore();
  await store.connect();
  return { store, namespace: uniqueTestNamespace('sentinel-kv'), elapse: (seconds) => sleep(seconds * 1000), dispose: async () => undefined };
});

/** Plays one caller through the journey; stops where the TwiML no longer asks anything. */
async function playCall(call: SimulatedCall): Promise<void> {
  await call.dial();
  for (const key of JOURNEY) {
    if (call.end().kind !== 'gather') return;
    await call.press(key);
  }
}

function heardTechnicalProblem(call: SimulatedCall): boolean {
  return call.documents.some((doc) => spokenText(doc).includes(TECHNICAL_PROBLEM));
}

/** Where a caller is left: a human (a queue, a TaskRouter workflow or a dialled number), or not. */
function reachesHuman(call: SimulatedCall): boolean {
  const end = call.end();
  return end.kind === 'queue' || end.kind === 'workflow' || end.kind === 'dial';
}

/**
 * The first start of the service in this test process builds what later starts reuse (the configuration
 * read, the FAQ's classifier trained, the town index), then connects through the sentinels. Measured
 * under jest on two cores shared with other test runs: 3.6–7.4 s for a first start, 1.0–2.5 s for the
 * next. The time limit is that of a first start on a busy machine, not the 30 s of a test.
 */
const FIRST_START_MS = 90_000;

describe('the service started on the Sentinel group by its settings', () => {
  test('When REDIS_SENTINELS and REDIS_SENTINEL_NAME name the group, then the service starts on it and is ready', async () => {
    const env = loadEnv({
      PORT: '0',
      LOG_LEVEL: 'silent',
      REDIS_SENTINELS: group.sentinels.map((sentinel) => `127.0.0.1:${sentinel.port}`).join(','),
      REDIS_SENTINEL_NAME: group.masterName,
    });
    const service = await startService(env, silentLogger());
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/readyz`);
      expect(response.status).toBe(200);
      await expect(response.json()).resolves.toMatchObject({ status: 'ready', store: 'ok' });
    } finally {
      await service.stop();
    }
  }, FIRST_START_MS);
});

describe('waiting for the replica (WAIT)', () => {
  test('When the replica is up, then waitForReplicas says the writes are held by it', async () => {
    const store = sentinelStore();
    await store.connect();
    const key = `${uniqueTestNamespace('sentinel-wait')}:x`;
    await store.set(key, 'v', 60);
    await expect(store.waitForReplicas([key])).resolves.toBe(true);
    await expect(redisCli(group.replica.port, 'GET', key)).resolves.toBe('v');
  });

  test('When the replica is frozen, then a ticket write still succeeds on the primary, and the log says the replica did not confirm it', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'warn',
      hashKey: 'test-log-hash-key',
      destination: new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const store = sentinelStore(logger);
    await store.connect();
    const keys = createStoreKeys(uniqueTestNamespace('sentinel-frozen'));
    const tickets = createTicketStore(store, { ttlDays: 90, keys });
    const ref = ticketRefFor('44', 'CAfrozen');
    group.replica.freeze();
    try {
      await tickets.createOrUpdate({ ref, conversationId: 'CAfrozen', channel: 'voice', kind: 'routed', priority: 'normale', departement: '44' });
    } finally {
      group.replica.thaw();
    }
    expect(lines.join('')).toContain('did not confirm a write in time');
    await expect(redisCli(group.primary.port, 'EXISTS', keys.ticket(ref))).resolves.toBe('1');
  });
});

describe('failover of the primary during live calls', () => {
  const clock = new TestClock(TIMES.mondayMorningParis);
  const keys = createStoreKeys(uniqueTestNamespace('sentinel-calls'));
  const apps: RunningTestApp[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const store = sentinelStore();
      await store.connect();
      apps.push(await startTestApp({ store, keys, clock }));
    }
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  test(
    'When the primary is killed during 200 live calls on two processes, then every caller reaches a human, no acknowledged ticket is lost, and a call after the failover completes normally',
    async () => {
      const side = twilioSide(...apps);
      const oldPrimary = await group.currentPrimary();
      expect(oldPrimary.port).toBe(group.primary.port);

      // Callers arrive one every 20 ms; the primary is killed once 60 of them have been put through
      // normally (on a busy machine a few may meet a slow Redis before that and go to a human too).
      const calls: SimulatedCall[] = [];
      const throughBeforeKill: SimulatedCall[] = [];
      let killed: Promise<void> | undefined;
      const kill = () => {
        killed ??= group.primary.kill();
      };
      const playing: Array<Promise<void>> = [];
      for (let i = 0; i < CALLS; i++) {
        const call = new SimulatedCall(side);
        calls.push(call);
        playing.push(
          playCall(call).then(() => {
            if (killed !== undefined || heardTechnicalProblem(call)) return;
            throughBeforeKill.push(call);
            if (throughBeforeKill.length === KILL_AFTER_CALLS) kill();
          }),
        );
        await sleep(20);
      }
      if (killed === undefined && throughBeforeKill.length > 0) kill();
      const played = await Promise.allSettled(playing);
      await killed;

      // Every webhook got valid TwiML (the harness parses it), and every caller ends with a human.
      expect(played.filter((result) => result.status === 'rejected')).toEqual([]);
      expect(killed).toBeDefined();
      const stranded = calls.filter((call) => !reachesHuman(call)).map((call) => call.end());
      expect(stranded).toEqual([]);

      // The failover happened during the calls: some callers heard the apology and went to a human.
      const newPrimary = await group.waitForFailover(oldPrimary);
      expect(newPrimary.port).toBe(group.replica.port);
      expect(calls.filter(heardTechnicalProblem).length).toBeGreaterThan(0);
      expect(throughBeforeKill.length).toBeGreaterThan(0);
      for (const call of throughBeforeKill) expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });

      // Each of their tickets was acknowledged before the primary died: each one is on the new primary.
      const reader = sentinelStore();
      await reader.connect();
      const tickets = createTicketStore(reader, { ttlDays: 90, keys, clock });
      const missing: string[] = [];
      for (const call of throughBeforeKill) {
        const ticket = await tickets.getByConversation(call.callSid);
        if (ticket === null || ticket.departement !== '44') missing.push(call.callSid);
      }
      expect(missing).toEqual([]);

      // The same two processes, not restarted, serve a new call on the new primary.
      const after = new SimulatedCall(side);
      await playCall(after);
      expect(heardTechnicalProblem(after)).toBe(false);
      expect(after.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
      const ticket = await tickets.getByConversation(after.callSid);
      expect(ticket).toMatchObject({ departement: '44' });
      // Written on the new primary itself.
      const raw = await redisCli(newPrimary.port, 'EXISTS', keys.ticket(ticket!.ref));
      expect(raw).toBe('1');
    },
    120_000,
  );
});
