/**
 * A chat's transcript is a list of its own beside the conversation's state (same hash tag, same TTL):
 * each message appends its lines, the state no longer carries them, and a conversation saved in the
 * shape before (its lines inside the state) keeps them: they move to the list at its next message.
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { TestClock } from '../support/testApp';
import { chatTestBot } from '../support/chatBot';
import { parseStoredChat } from '../../src/chat/storedChat';

const clock = new TestClock(TIMES.mondayMorningParis);
const store = createMemoryStore(clock);
const keys = createStoreKeys('chat-transcript');

async function storedLines(conversationId: string): Promise<Array<{ from: string; text: string }>> {
  return (await store.listRange(keys.chatTranscript(conversationId), 0, -1)).map((line) => JSON.parse(line) as { from: string; text: string });
}

test('When a person writes, then the lines are appended to the transcript list (masked, with a TTL) and the state holds none', async () => {
  const bot = chatTestBot({ store, keys, clock });
  await bot.join();
  const afterWelcome = await storedLines(bot.conversationId);
  expect(afterWelcome.length).toBeGreaterThan(0);
  expect(afterWelcome.every((line) => line.from === 'bot')).toBe(true);

  await bot.write('Bonjour, mon numéro est le 06 12 34 56 78');
  const lines = await storedLines(bot.conversationId);
  // The lines before are left as they were; the message and its answers follow them.
  expect(lines.slice(0, afterWelcome.length)).toEqual(afterWelcome);
  expect(lines[afterWelcome.length]).toMatchObject({ from: 'user', text: expect.stringContaining('[téléphone finissant par 78]') });
  expect(lines.length).toBeGreaterThan(afterWelcome.length + 1);
  expect(JSON.stringify(lines)).not.toMatch(/06 12 34/);
  expect(await bot.chat.transcript(bot.conversationId)).toEqual(lines.map((line) => expect.objectContaining(line)));

  const state = JSON.parse((await store.get(keys.chat(bot.conversationId)))!) as Record<string, unknown>;
  expect(state).not.toHaveProperty('transcript');
  expect(state).not.toHaveProperty('newLines');
  expect(await store.ttl(keys.chatTranscript(bot.conversationId))).toBeGreaterThan(0);
  // One hash tag: the state and its transcript are in one Cluster slot.
  expect(keys.chatTranscript(bot.conversationId)).toContain(`{${bot.conversationId}}`);
  expect(keys.chat(bot.conversationId)).toContain(`{${bot.conversationId}}`);
});

test('When a conversation stored in the shape before (its transcript inside the state) goes on, then its lines are kept, before the new ones, in the list', async () => {
  const bot = chatTestBot({ store, keys, clock });
  await bot.join();
  const welcome = await storedLines(bot.conversationId);
  // The shape before: the transcript in the state, no list.
  const key = keys.chat(bot.conversationId);
  const { newLines: _none, ...state } = parseStoredChat(bot.conversationId, (await store.get(key))!);
  const before = welcome.map((line) => ({ ...line, at: TIMES.mondayMorningParis }));
  await store.set(key, JSON.stringify({ ...state, transcript: before }), 3600);
  await store.del(keys.chatTranscript(bot.conversationId));
  expect(await bot.chat.transcript(bot.conversationId)).toEqual(before);

  await bot.write('Je cherche une aide');
  const lines = await storedLines(bot.conversationId);
  expect(lines.slice(0, before.length)).toEqual(before);
  expect(lines[before.length]).toMatchObject({ from: 'user', text: 'Je cherche une aide' });
  expect(JSON.parse((await store.get(key))!)).not.toHaveProperty('transcript');
});
