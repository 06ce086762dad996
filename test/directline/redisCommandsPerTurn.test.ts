/**
 * The Redis commands one chat turn sends (issue 13): the app on a real Redis (store and bus), a person's
 * messages posted as Web Chat posts them, and every command the app sends on the conversation's keys
 * and channel seen with MONITOR (commands run inside a script are not counted: one script, one round
 * trip). Runs on the single server (MONITOR sees one node), whatever REDIS_CLUSTER_NODES says.
 */
import { createRedisBus, createRedisStore } from '../../src/storage/redis-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { createTestClient } from '../support/rawRedis';
import { TEST_CONNECT_TIMEOUT_MS } from '../support/redisTarget';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';
import { TEST_REDIS_URL, uniqueTestNamespace } from '../storage/redis-test-env';

const clock = new TestClock(TIMES.mondayMorningParis);
const namespace = uniqueTestNamespace('commands-per-turn');
const keys = createStoreKeys(namespace);
const store = createRedisStore({ url: TEST_REDIS_URL, commandTimeoutMs: 2000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
const bus = createRedisBus({ url: TEST_REDIS_URL, commandTimeoutMs: 2000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
const monitor = createTestClient(TEST_REDIS_URL);
const probe = createTestClient(TEST_REDIS_URL);
let app: RunningTestApp;
/** Commands seen on this suite's keys since the last `take()`, as `NAME kind` (the first key's kind: `GET dl-conversation`). */
let seen: string[] = [];
let probeAddress = '';

beforeAll(async () => {
  await Promise.all([store.connect(), bus.connect(), monitor.connect(), probe.connect()]);
  probeAddress = /(?:^| )addr=(\S+)/.exec(String(await probe.sendCommand(['CLIENT', 'INFO'])))?.[1] ?? '';
  await monitor.monitor((line: string) => {
    // `<time> [<db> <client address>|lua] "NAME" "arg"…`; only the app's own commands on our keys.
    const header = /^\S+ \[\d+ (\S+)\] "([^"]+)"(.*)$/.exec(line);
    if (!header || header[1] === 'lua' || header[1] === probeAddress || !header[3]!.includes(namespace)) return;
    const kind = new RegExp(`"${namespace}:([^:"]+)`).exec(header[3]!)?.[1] ?? '?';
    seen.push(`${header[2]!.toUpperCase()} ${kind}`);
  });
  app = await startTestApp({ store, bus, busOnStore: true, keys, clock });
});

afterAll(async () => {
  await app.close();
  for (const client of [monitor, probe]) client.destroy();
  await Promise.all([store.close(), bus.close()]);
});

function take(): string[] {
  const taken = seen;
  seen = [];
  return taken;
}

/** Posts a message as Web Chat does and waits until the bot's replies are logged (read by the probe, not counted). */
async function turn(conversation: { id: string; token: string }, body: Record<string, unknown>): Promise<string[]> {
  const logKey = keys.directLineActivities(conversation.id);
  const before = await probe.lLen(logKey);
  take();
  const response = await fetch(`${app.httpBase}/v3/directline/conversations/${conversation.id}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: 'user' }, locale: 'fr-FR', ...body }),
  });
  expect(response.status).toBe(200);
  let length = before;
  for (let stable = 0; stable < 10; ) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const now = await probe.lLen(logKey);
    stable = now > before + 1 && now === length ? stable + 1 : 0;
    length = now;
  }
  return take();
}

function counted(commands: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of commands) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

describe('Redis commands per chat turn', () => {
  it('When a person presses a button and asks a question, then each turn logs and announces the message and the replies in one script each, renews the conversation, in few commands, never sending a script text', async () => {
    const issued = (await (await fetch(`${app.httpBase}/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const started = await fetch(`${app.httpBase}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}` } });
    expect(started.status).toBe(201);
    const conversation = { id: issued.conversationId, token: issued.token };
    // The welcome (the bot's first turn) lands before the person's first message.
    for (let attempt = 0; attempt < 100 && (await probe.lLen(keys.directLineActivities(conversation.id))) === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // A first message: each script reaches the server once by its text (EVALSHA answers NOSCRIPT, then EVAL).
    const first = await turn(conversation, { type: 'message', text: 'bonjour', channelData: { clientActivityID: 'c-0' } });
    expect(first.filter((command) => command.startsWith('EVAL')).length).toBeGreaterThanOrEqual(2);
    const button = await turn(conversation, { type: 'message', text: 'Pour vous-même', value: { choice: '1' }, channelData: { messageBack: { displayText: 'Pour vous-même' } } });
    // The record's TTL made short: the next message must renew it.
    await probe.expire(keys.directLineConversation(conversation.id), 100);
    const question = await turn(conversation, { type: 'message', text: 'comment avoir la carte mobilité inclusion ?', channelData: { clientActivityID: 'c-1' } });
    console.log(`Redis commands per turn: button ${button.length} ${JSON.stringify(counted(button))}; question ${question.length} ${JSON.stringify(counted(question))}`);

    // Was 10 and 12: each append followed by its PUBLISH; the chat's state SET beside its transcript's MULTI.
    // Then 5 and 7: the record's own GET, and one script per daily-figures hash.
    expect(button).toHaveLength(4);
    expect(question).toHaveLength(5);
    for (const commands of [button, question]) {
      // The chat's state read once, then saved with its transcript's new lines in one script.
      expect(commands.filter((command) => / chat(-transcript)?$/.test(command))).toEqual(['GET chat', 'EVALSHA chat']);
    }
    for (const commands of [button, question]) {
      // Scripts by their SHA1; the record never read or written by a command of its own (the user's
      // activity's script reads it and renews its TTL: its first key is the log).
      expect(commands.filter((command) => command.startsWith('EVAL '))).toEqual([]);
      expect(commands.filter((command) => command.endsWith(' dl-conversation'))).toEqual([]);
      // The user's activity and the bot's replies: two appends, each announced by its own script (no PUBLISH of its own).
      expect(commands.filter((command) => command.endsWith(' dl-activities'))).toEqual(['EVALSHA dl-activities', 'EVALSHA dl-activities']);
      expect(commands.filter((command) => command.startsWith('PUBLISH '))).toEqual([]);
    }
    // The question's daily figures (the country's and the unknown territory's hashes): one script.
    expect(question.filter((command) => command.endsWith(' daily-figures'))).toEqual(['EVALSHA daily-figures']);
    const ttl = await probe.ttl(keys.directLineConversation(conversation.id));
    expect(ttl).toBeGreaterThan(3500);
  });

  it('When the record is gone, then a message is answered 404 and nothing is logged; a message without locale is logged with the record\'s', async () => {
    const issued = (await (await fetch(`${app.httpBase}/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const started = await fetch(`${app.httpBase}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${issued.token}` } });
    expect(started.status).toBe(201);
    const logKey = keys.directLineActivities(issued.conversationId);
    for (let attempt = 0; attempt < 100 && (await probe.lLen(logKey)) === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const post = (body: Record<string, unknown>) =>
      fetch(`${app.httpBase}/v3/directline/conversations/${issued.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${issued.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: 'user' }, ...body }),
      });
    // Without a locale: the record's is written on the activity (the record read beside the rate limit).
    const before = await probe.lLen(logKey);
    const plain = await post({ text: 'bonjour' });
    expect(plain.status).toBe(200);
    const [logged] = await probe.lRange(logKey, before, before);
    expect(JSON.parse(logged!)).toMatchObject({ text: 'bonjour', locale: 'fr-FR' });
    // The record gone (expired): with or without a locale, 404 and the log untouched.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await probe.del(keys.directLineConversation(issued.conversationId));
    const length = await probe.lLen(logKey);
    for (const body of [{ text: 'encore', locale: 'fr-FR' }, { text: 'encore' }]) {
      const answer = await post(body);
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('ConversationNotFound');
    }
    expect(await probe.lLen(logKey)).toBe(length);
  });
});
