/**
 * The chat state is saved in a compact form (defaults and nulls left out): every state the journeys
 * reach reads back the same, a state saved in the full form of the release before reads the same, and
 * a record that is not a state is refused as before.
 */
import * as storedChat from '../../src/chat/storedChat';
import type { StoredChat } from '../../src/chat/chatState';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { TestClock } from '../support/testApp';
import { chatTestBot, type ChatTestBot } from '../support/chatBot';

const { parseStoredChat, serialiseChat } = storedChat;
const clock = new TestClock(TIMES.mondayMorningParis);
const keys = createStoreKeys('stored-chat');

/** The full form the release before saved: the whole state, nulls included, without its new lines. */
function fullForm(chat: StoredChat): string {
  const { newLines: _lines, ...state } = chat;
  return JSON.stringify(state);
}

const journeys: Record<string, (bot: ChatTestBot) => Promise<unknown>> = {
  orientation: async (bot) => {
    for (const [title, choice] of [['Pour vous-même', '1'], ['Les démarches', '4'], ['MDPH', '1']] as const) await bot.press(title, choice);
    await bot.write('35000');
    await bot.press('Parler à un conseiller', '0');
    await bot.press('Non merci', '2');
    await bot.write("c'est quoi la PCH ?");
  },
  handoff: async (bot) => {
    await bot.press('Parler à un conseiller', '0');
    await bot.write('je sais pas trop');
    await bot.write('01200');
    await bot.press('Haute-Savoie', 'dep:74');
  },
  danger: async (bot) => {
    await bot.write('je veux mourir');
  },
  callback: async (bot) => {
    await bot.press('Parler à un conseiller', '0');
    await bot.write('44000');
    await bot.press('Oui', '1');
    await bot.write('06 12 34 56 78');
  },
  misses: async (bot) => {
    await bot.write('bof');
    await bot.write('xyz');
    await bot.write('je cherche une aide');
  },
};

test('When the chat journeys save their states, then each one reads back the same from the compact form as from the full form, and the compact form is shorter', async () => {
  const saved: Array<{ id: string; chat: StoredChat }> = [];
  const serialise = jest.spyOn(storedChat, 'serialiseChat').mockImplementation((id, chat) => {
    saved.push({ id, chat: structuredClone(chat) });
    return serialiseChat(id, chat);
  });
  try {
    for (const journey of Object.values(journeys)) {
      // A store each: the test adapter gives every bot the same conversation id.
      const bot = chatTestBot({ store: createMemoryStore(clock), keys, clock });
      await bot.join();
      await journey(bot);
    }
  } finally {
    serialise.mockRestore();
  }
  expect(saved.length).toBeGreaterThan(15);
  // The journeys reach states of every kind: several modes, a danger, a pending hand-off, misses.
  expect(new Set(saved.map(({ chat }) => chat.mode))).toEqual(new Set(['bot', 'waiting']));
  expect(saved.some(({ chat }) => chat.danger !== null)).toBe(true);
  expect(saved.some(({ chat }) => chat.pendingHandoff)).toBe(true);
  expect(saved.some(({ chat }) => chat.misses > 0)).toBe(true);
  expect(saved.some(({ chat }) => chat.context.choices.length > 0)).toBe(true);
  for (const { id, chat } of saved) {
    const compact = serialiseChat(id, chat);
    const read = parseStoredChat(id, compact);
    expect(read).toEqual({ ...chat, newLines: [] });
    expect(read).toEqual(parseStoredChat(id, fullForm(chat)));
    // Read and saved again: the same record (its keys maybe in another order).
    expect(JSON.parse(serialiseChat(id, read))).toEqual(JSON.parse(compact));
    expect(compact.length).toBeLessThan(fullForm(chat).length);
  }
  // A conversation at its first question: a small part of the full form.
  const first = saved[0]!;
  expect(serialiseChat(first.id, first.chat).length).toBeLessThan(fullForm(first.chat).length / 3);
});

test('When a conversation saved in the full form of the release before goes on, then it reads the same and its next save is compact', async () => {
  const store = createMemoryStore(clock);
  const bot = chatTestBot({ store, keys, clock });
  await bot.join();
  await bot.press('Pour vous-même', '1');
  const key = keys.chat(bot.conversationId);
  const now = parseStoredChat(bot.conversationId, (await store.get(key))!);
  await store.set(key, fullForm(now), 3600);
  expect(await bot.chat.mode(bot.conversationId)).toBe('bot');
  const buttons = await bot.press('Les démarches', '4');
  expect(buttons.length).toBeGreaterThan(0);
  const raw = (await store.get(key))!;
  expect(JSON.parse(raw)).toMatchObject({ v: 2, c: { profile: expect.any(String) } });
  expect(raw).not.toContain('null');
});

test('When the stored record is not a chat state, then it is refused with a clear error (never its content)', () => {
  for (const raw of ['{"v":3,"s":"x","c":{}}', '{"v":2,"s":"x"}', '{"v":2,"c":{}}', '{"v":1,"context":{}}', '{"secret":"06 12 34 56 78"}']) {
    expect(() => parseStoredChat('conv-1', raw)).toThrow(/^Stored chat conv-1 is unusable$/);
  }
  expect(() => parseStoredChat('conv-1', 'not json')).toThrow(SyntaxError);
  // An ordinary compact state with nothing but its defaults is read.
  expect(parseStoredChat('conv-1', '{"v":2,"s":"askProfile","c":{}}')).toMatchObject({ v: 1, value: 'askProfile', mode: 'bot', misses: 0, danger: null, context: { callSid: 'conv-1', profile: null, choices: [] } });
});

test('When a stored state has a field of the wrong kind, then it is refused by its schema, the fields at fault named in the cause, never their values', () => {
  const corrupt: Record<string, string> = {
    misses: '{"v":2,"s":"askProfile","c":{},"misses":"06 12 34 56 78"}',
    mode: '{"v":2,"s":"askProfile","c":{},"mode":"robot"}',
    'c.departementCandidates': '{"v":2,"s":"askProfile","c":{"departementCandidates":"06 12 34 56 78"}}',
    'c.callbackNumber.sealed': '{"v":2,"s":"askProfile","c":{"callbackNumber":{"lastDigits":"78"}}}',
    'ch.0.2': '{"v":2,"s":"askProfile","c":{},"ch":[["profile","1","keyboard"]]}',
    'pendingHandoff.candidates': '{"v":2,"s":"askProfile","c":{},"pendingHandoff":{"reason":"asked","misses":0}}',
    'context.choices': '{"v":1,"value":"askProfile","context":{"callSid":"conv-1"}}',
    'transcript.0.text': '{"v":1,"value":"askProfile","context":{"choices":[]},"transcript":[{"from":"user","at":"2026-11-23T09:00:00Z"}]}',
  };
  for (const [field, raw] of Object.entries(corrupt)) {
    let thrown: unknown;
    try {
      parseStoredChat('conv-1', raw);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe('Stored chat conv-1 is unusable');
    const cause = String(((thrown as Error).cause as Error | undefined)?.message);
    expect(cause).toBe(`fields at fault: ${field}`);
  }
  // Fields the schema does not know are kept in the context (a newer release's), left out at the top.
  const read = parseStoredChat('conv-1', '{"v":2,"s":"askProfile","c":{"profile":"aidant","later":1},"other":true}');
  expect(read.context).toMatchObject({ profile: 'aidant', later: 1 });
  expect(read).not.toHaveProperty('other');
});

test('When a conversation\'s stored state is corrupt, then its turn fails with that error and the apology is still found, as before the schema', async () => {
  const store = createMemoryStore(clock);
  const bot = chatTestBot({ store, keys, clock });
  await bot.join();
  const apology = await bot.chat.apology(bot.conversationId);
  await store.set(keys.chat(bot.conversationId), '{"v":2,"s":"askProfile","c":{"attempts":-1}}', 3600);
  // The turn's error goes to the bot's onTurnError, which logs it and sends the apology (bot.ts).
  await expect(bot.chat.message({ conversationId: bot.conversationId, text: 'bonjour', at: clock.now().toISOString() })).rejects.toThrow(`Stored chat ${bot.conversationId} is unusable`);
  await expect(bot.chat.mode(bot.conversationId)).rejects.toThrow('is unusable');
  expect(await bot.chat.apology(bot.conversationId)).toBe(apology);
});
