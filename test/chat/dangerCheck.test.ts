/**
 * The second stage of safety in the chat: a message in the grey zone (some evidence of danger, below
 * the emergency) gets what it asked for AND « Êtes-vous en danger en ce moment ? » with that kind's
 * number and two buttons. « Oui » is the full emergency answer and a priority hand-off; « Non » lets
 * the conversation go on where it was. In every state, as for the emergency.
 */
import { TIMES } from '../support/config';
import { buttonsOf, chatTestBot, textsOf } from '../support/chatBot';
import { TestClock, testRedis } from '../support/testApp';
import { createStoreKeys, type StoreKeys } from '../../src/storage/keys';
import { uniqueTestNamespace } from '../storage/redis-test-env';
import type { RedisStore } from '../../src/storage/redis-store';
import { dangerCheck, detectDanger } from '../../src/safety';

const clock = new TestClock(TIMES.mondayMorningParis);
let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };

beforeAll(async () => {
  redis = await testRedis('chat-danger-check');
});
afterAll(async () => {
  await redis.cleanup();
});
beforeEach(() => clock.set(TIMES.mondayMorningParis));

async function newBot() {
  const bot = chatTestBot({ store: redis.store, keys: createStoreKeys(uniqueTestNamespace('chat-danger-check')), clock });
  await bot.join();
  return bot;
}

/** A partner's control, said without violence: no emergency answer, but the 3919 is asked about. */
const GREY = 'mon copain est jaloux il regarde mon téléphone';
const QUESTION = 'Êtes-vous en danger en ce moment ? Si oui, appelez le 3919 (gratuit, 24 h/24).';

describe('the second-stage question in the chat', () => {
  it('When the message is in the grey zone, then the detector gives no emergency but a question about violence in the couple (3919)', () => {
    expect(detectDanger(GREY)).toBeNull();
    expect(dangerCheck(GREY)).toMatchObject({ kind: 'violence_conjugale', number: '3919' });
    expect(dangerCheck('je voudrais des renseignements sur la RQTH')).toBeNull();
  });

  it('When the person writes it at the first menu, then they get the answer of the flow and, last, the question with « Oui, je suis en danger » and « Non »; no emergency, no hand-off', async () => {
    const bot = await newBot();
    const replies = await bot.write(GREY);
    expect(replies.some((a) => a.importance === 'urgent')).toBe(false);
    expect(replies.some((a) => a.name === 'handoff.initiate')).toBe(false);
    const messages = replies.filter((a) => a.type === 'message');
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(messages.at(-1)?.text).toBe(QUESTION);
    expect(buttonsOf(replies)).toEqual([
      { title: 'Oui, je suis en danger', choice: 'danger:oui' },
      { title: 'Non', choice: 'danger:non' },
    ]);
    expect(await bot.tickets.getByConversation(bot.conversationId)).toBeNull();
  });

  it('When the person presses « Oui, je suis en danger », then the full emergency answer comes first (3919, 112, 114) and an advisor takes over as a priority, the ticket naming the danger', async () => {
    const bot = await newBot();
    await bot.write(GREY);
    const replies = await bot.press('Oui, je suis en danger', 'danger:oui');
    const first = replies[0];
    expect(first?.importance).toBe('urgent');
    expect(first?.text?.startsWith('Appelez le 3919')).toBe(true);
    expect(first?.text).toContain('112');
    expect(first?.text).toContain('SMS au 114');
    expect(replies.find((a) => a.name === 'handoff.initiate')?.value).toMatchObject({ priority: 'prioritaire' });
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket).toMatchObject({ priority: 'prioritaire', danger: 'violence_conjugale' });
    expect(ticket?.summary).toContain('danger : violences dans le couple');
  });

  it('When the person writes « oui » instead of pressing, then it is the same emergency', async () => {
    const bot = await newBot();
    await bot.write(GREY);
    const replies = await bot.write('oui');
    expect(replies[0]?.importance).toBe('urgent');
    expect(replies[0]?.text).toContain('3919');
  });

  it('When the person presses « Non », then the conversation goes on at the same question, without emergency or hand-off', async () => {
    const bot = await newBot();
    const first = await bot.write(GREY);
    const menuBefore = first.filter((a) => a.type === 'message').at(-2)?.text ?? '';
    const replies = await bot.press('Non', 'danger:non');
    expect(replies.some((a) => a.importance === 'urgent')).toBe(false);
    expect(replies.some((a) => a.name === 'handoff.initiate')).toBe(false);
    expect(textsOf(replies)).toContain("D'accord. Nous continuons.");
    expect(textsOf(replies)).not.toContain('3919');
    // The menu's buttons are back: the orientation goes on where it was.
    expect(buttonsOf(replies).map((button) => button.title)).toContain('Pour vous-même');
    expect(menuBefore).not.toBe('');
    const next = await bot.press('Pour vous-même', '1');
    expect(textsOf(next)).not.toContain('3919');
    expect(await bot.tickets.getByConversation(bot.conversationId)).toBeNull();
  });

  it('When the person writes something else than yes or no, then the question is dropped and the message read as any other', async () => {
    const bot = await newBot();
    await bot.write(GREY);
    const replies = await bot.press('Pour vous-même', '1');
    expect(replies.some((a) => a.importance === 'urgent')).toBe(false);
    expect(textsOf(replies)).not.toContain('3919');
    // A later « oui » is no longer an answer to the question.
    expect((await bot.write('oui')).some((a) => a.importance === 'urgent')).toBe(false);
  });

  it('When the person waits for an advisor and writes in the grey zone, then the question comes too, and « Oui » makes the ticket a priority naming the danger', async () => {
    const bot = await newBot();
    await bot.press('Parler à un conseiller', '0');
    await bot.press('Ne pas répondre', 'dep:none');
    const replies = await bot.write(GREY);
    expect(textsOf(replies)).toContain(QUESTION);
    expect((await bot.tickets.getByConversation(bot.conversationId))?.priority).toBe('normale');
    const yes = await bot.press('Oui, je suis en danger', 'danger:oui');
    expect(yes[0]?.importance).toBe('urgent');
    expect(yes[0]?.text).toContain('3919');
    expect(await bot.tickets.getByConversation(bot.conversationId)).toMatchObject({ priority: 'prioritaire', danger: 'violence_conjugale' });
  });

  it('When a message is a full emergency, then there is no question: the emergency answer alone', async () => {
    const bot = await newBot();
    const replies = await bot.write('mon mari me tape dessus depuis une heure');
    expect(replies[0]?.importance).toBe('urgent');
    expect(textsOf(replies)).not.toContain('Êtes-vous en danger en ce moment ?');
  });
});
