/**
 * The log's append and announcement in one script (src/directline/log-script.ts), when the bus is on
 * the store's Redis: what it logs and publishes is byte for byte what the two calls (the store's
 * append, then the bus's publish) give; nothing is published when the activities do not fit; keys or
 * a channel in another slot make the caller fall back to two calls. Runs on the suites' Redis (one
 * server, or the Cluster of `npm run test:cluster`).
 */
import { ConversationFull, createConversationLog, decodeFramed, type ConversationLog } from '../../src/directline/conversations';
import type { NewActivity } from '../../src/directline/activity';
import { appendAnnounced } from '../../src/directline/log-script';
import { newConversationId } from '../../src/directline/tokens';
import { silentLogger } from '../../src/logging';
import { createStoreKeys } from '../../src/storage/keys';
import { createRedisBus, createRedisStore } from '../../src/storage/redis-store';
import { createFakeClock } from '../storage/fake-clock';
import { uniqueTestNamespace } from '../storage/redis-test-env';
import { TEST_CONNECT_TIMEOUT_MS, TEST_REDIS_LABEL, TEST_REDIS_TARGET } from '../support/redisTarget';

const store = createRedisStore({ target: TEST_REDIS_TARGET, commandTimeoutMs: 2000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
const bus = createRedisBus({ target: TEST_REDIS_TARGET, commandTimeoutMs: 2000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
const clock = createFakeClock();

beforeAll(async () => {
  await Promise.all([store.connect(), bus.connect()]);
});

afterAll(async () => {
  await Promise.all([store.close(), bus.close()]);
});

function logOn(namespace: string, scripted: boolean, maxActivities = 10): ConversationLog {
  const keys = createStoreKeys(namespace);
  return createConversationLog({ store, bus, keys, clock, logger: silentLogger(), ttlSeconds: 600, maxActivities, ...(scripted ? { runScript: store.runScript } : {}) });
}

function activity(conversationId: string, text: string): NewActivity {
  return { type: 'message', text, timestamp: '2026-11-23T09:00:00.000Z', channelId: 'directline', conversation: { id: conversationId }, from: { id: 'dl_user', role: 'user' }, locale: 'fr-FR' };
}

/** What the log publishes on the bus while `work` runs. */
async function published(log: ConversationLog, conversationId: string, work: () => Promise<unknown>): Promise<string[]> {
  const messages: string[] = [];
  const stop = await bus.subscribe(log.channel(conversationId), (message) => messages.push(message));
  try {
    await work();
    for (let waited = 0; waited < 100 && messages.length === 0; waited += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    await stop();
  }
  return messages;
}

describe(`the log's append and announcement in one script (${TEST_REDIS_LABEL})`, () => {
  test('When activities are logged in one script, then the log and the announcements are those of the two calls, byte for byte', async () => {
    const conversationId = newConversationId();
    const runs = await Promise.all(
      [true, false].map(async (scripted) => {
        const log = logOn(uniqueTestNamespace(scripted ? 'log-script' : 'log-two-calls'), scripted);
        const messages = await published(log, conversationId, async () => {
          const first = await log.append(activity(conversationId, 'Bonjour — é ✓'), true);
          await first.announced;
          await log.appendAll([activity(conversationId, 'un "deux"'), activity(conversationId, 'trois\nquatre')]);
        });
        return { messages, logged: await log.transcript(conversationId) };
      }),
    );
    const [script, twoCalls] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(script.messages).toHaveLength(2);
    expect(script.messages).toEqual(twoCalls.messages);
    expect(script.logged).toEqual(twoCalls.logged);
    const frames = script.messages.map((message) => decodeFramed(message));
    expect(frames.map((frame) => frame && { count: frame.count, watermark: frame.watermark })).toEqual([{ count: 1, watermark: 1 }, { count: 2, watermark: 3 }]);
    expect(JSON.parse(frames[1]!.frame)).toEqual({ activities: script.logged.slice(1), watermark: '3' });
  });

  test('When the activities do not fit, then nothing is logged nor announced', async () => {
    const conversationId = newConversationId();
    const log = logOn(uniqueTestNamespace('log-script-full'), true, 2);
    const messages = await published(log, conversationId, async () => {
      await log.append(activity(conversationId, 'un'));
      await expect(log.append(activity(conversationId, 'deux'))).resolves.toMatchObject({ watermark: 2 });
      await expect(log.append(activity(conversationId, 'trois'))).rejects.toThrow(ConversationFull);
    });
    expect(messages.map((message) => decodeFramed(message)?.watermark)).toEqual([1, 2]);
    expect((await log.transcript(conversationId)).map((logged) => logged.text)).toEqual(['un', 'deux']);
  });

  test('When the keys or the channel are not in one slot, or the ids would need escaping, then the script is not run (the caller makes two calls)', async () => {
    const runs: string[] = [];
    const run = async (command: string) => {
      runs.push(command);
      return 1;
    };
    const append = { keys: ['o360:dl-activities:{a}'], channel: 'o360:dl-channel:{a}', idPrefix: 'a|', jsons: ['{}'], maxLength: 5, ttlSeconds: 60 };
    await expect(appendAnnounced(run, { ...append, channel: 'o360:dl-channel:{b}' })).resolves.toBeUndefined();
    await expect(appendAnnounced(run, { ...append, keys: [...append.keys, 'o360:dl-conversation:{b}'] })).resolves.toBeUndefined();
    await expect(appendAnnounced(run, { ...append, idPrefix: 'a"|' })).resolves.toBeUndefined();
    expect(runs).toEqual([]);
    await expect(appendAnnounced(run, append)).resolves.toBe(1);
    expect(runs).toHaveLength(1);
  });
});
