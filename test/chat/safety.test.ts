/**
 * Safety first in the chat, in every state: words of danger (said directly or not) get the right
 * number at once, in the menus, at the postcode question, in the callback entry, and while the person
 * waits for an advisor or talks with one; the ticket becomes a priority naming the danger, and the
 * advisor's console is alerted (chat.danger, never the words). Past events go on as normal.
 */
import { TIMES } from '../support/config';
import { buttonsOf, chatTestBot, textsOf } from '../support/chatBot';
import { advisorToken, startTestApp, TestClock, testRedis, type RunningTestApp } from '../support/testApp';
import { WebChatUser, type Activity } from '../support/webChatUser';
import { createStoreKeys, type StoreKeys } from '../../src/storage/keys';
import { uniqueTestNamespace } from '../storage/redis-test-env';
import type { RedisStore } from '../../src/storage/redis-store';

const clock = new TestClock(TIMES.mondayMorningParis);
let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };

beforeAll(async () => {
  redis = await testRedis('chat-safety');
});
afterAll(async () => {
  await redis.cleanup();
});
beforeEach(() => clock.set(TIMES.mondayMorningParis));

async function newBot() {
  // Every TestAdapter conversation has the same id: one key namespace per conversation.
  const bot = chatTestBot({ store: redis.store, keys: createStoreKeys(uniqueTestNamespace('chat-safety')), clock });
  await bot.join();
  return bot;
}

/** The first message the bot sends back, which must be the urgent one. */
function firstUrgent(replies: Awaited<ReturnType<Awaited<ReturnType<typeof newBot>>['write']>>) {
  const first = replies[0];
  expect(first?.importance).toBe('urgent');
  return first?.text ?? '';
}

describe('safety first in the chat', () => {
  it('When the person writes of a plan without the word (« ce soir ce sera fini »), then the 3114 comes first and an advisor takes over as a priority, the ticket naming the danger', async () => {
    const bot = await newBot();
    const replies = await bot.write("J'ai mis de côté toutes mes pilules, ce soir ce sera fini.");
    const text = firstUrgent(replies);
    expect(text.startsWith('Appelez le 3114')).toBe(true);
    expect(text).toContain('SMS au 114');
    expect(replies.find((a) => a.name === 'handoff.initiate')?.value).toMatchObject({ priority: 'prioritaire' });
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket).toMatchObject({ priority: 'prioritaire', danger: 'suicide' });
    expect(ticket?.summary).toContain('danger : suicide');
  });

  it.each([
    ['mon fils frappe ma mère, elle a 84 ans', '3977', '119'],
    ["l'aide à domicile de ma grand-mère lui prend son argent et la pousse", '3977', '119'],
    ['il y a un petit enfermé chez les voisins, il pleure depuis ce matin et il a rien mangé', '119', '3919'],
    ['ma compagne me gifle et me menace quand je veux partir', '3919', '119'],
  ])('When the person writes « %s », then the right number leads (%s), not %s', async (said, number, wrong) => {
    const bot = await newBot();
    const text = firstUrgent(await bot.write(said));
    const lead = text.split('\n')[0] ?? '';
    expect(lead).toContain(number);
    expect(lead).not.toContain(wrong);
  });

  it.each(['urgence médicale', 'au secours'])('When the person types only « %s », then it is an emergency: the 15 and the 112', async (said) => {
    const bot = await newBot();
    const text = firstUrgent(await bot.write(said));
    expect(text).toContain('15');
    expect(text).toContain('112');
  });

  it.each([
    ["elle a eu un AVC l'an dernier, elle a besoin d'aide pour se laver"],
    ["c'est quoi le 3114 ?"],
    ['il a fait une tentative il y a deux ans, il va mieux, il cherche un travail'],
    ['je suis morte de fatigue, je cherche du répit'],
  ])('When the person writes « %s » (past, question, figure of speech), then the orientation goes on without an emergency answer', async (said) => {
    const bot = await newBot();
    const replies = await bot.write(said);
    expect(replies.some((a) => a.importance === 'urgent')).toBe(false);
    expect(textsOf(replies)).not.toMatch(/Appelez (tout de suite )?le (15|3114|119|3919|3977)/);
    expect(replies.some((a) => a.name === 'handoff.initiate')).toBe(false);
    expect(await bot.tickets.getByConversation(bot.conversationId)).toBeNull();
  });

  it('When the person writes of danger at the postcode question, then the number comes at once, before any postcode is asked again', async () => {
    const bot = await newBot();
    await bot.press('Pour vous-même', '1');
    await bot.press("La vie à la maison, le logement ou l'argent", '1');
    const ask = await bot.press('Se loger', '3');
    expect(textsOf(ask)).toContain('code postal');
    const replies = await bot.write('mon mari me tape dessus depuis une heure');
    expect(firstUrgent(replies)).toContain('3919');
    expect(textsOf(replies)).not.toContain('code postal');
    expect(replies.some((a) => a.name === 'handoff.initiate')).toBe(true);
  });

  it('When the person writes of danger where a callback number is asked, then the number comes at once and an advisor is called in as a priority', async () => {
    clock.set(TIMES.mondayEveningParis);
    const bot = await newBot();
    for (const [title, choice] of [['Pour vous-même', '1'], ['Les démarches', '4'], ['MDPH', '1']] as const) await bot.press(title, choice);
    await bot.write('35000');
    await bot.press('Oui', '1');
    const ask = await bot.press('Oui', '1');
    expect(textsOf(ask)).toContain('adresse e-mail');
    const replies = await bot.write("je n'ai plus la force, j'ai préparé une corde");
    expect(firstUrgent(replies)).toContain('3114');
    expect(replies.find((a) => a.name === 'handoff.initiate')?.value).toMatchObject({ priority: 'prioritaire' });
  });

  it('When the person waits for an advisor and writes of danger, then the bot is no longer silent: the number at once, and the ticket becomes a priority naming the danger', async () => {
    const bot = await newBot();
    await bot.press('Parler à un conseiller', '0');
    // The one question of the département before a hand-off: the person declines (the national list).
    await bot.press('Ne pas répondre', 'dep:none');
    expect((await bot.tickets.getByConversation(bot.conversationId))?.priority).toBe('normale');
    const replies = await bot.write('je vais me tuer ce soir');
    expect(firstUrgent(replies)).toContain('3114');
    expect(buttonsOf(replies)).toEqual([]);
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket).toMatchObject({ priority: 'prioritaire', danger: 'suicide' });
    expect(ticket?.summary).toContain('danger : suicide');
    // An ordinary message afterwards: the bot is quiet again, the advisor reads it.
    expect(await bot.write('je suis toujours là')).toEqual([]);
  });
});

describe('the advisor is alerted at once', () => {
  let app: RunningTestApp;
  beforeAll(async () => {
    app = await startTestApp({ store: redis.store, keys: redis.keys, clock });
  });
  afterAll(async () => {
    await app.close();
  });

  /** The console's live stream (SSE), read as it comes. */
  async function consoleStream() {
    const controller = new AbortController();
    const response = await fetch(`${app.httpBase}/api/advisor/events?access_token=${await advisorToken()}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const stream = { text: '' };
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(stream.text)) {
        const { value, done } = await reader.read();
        if (done) break;
        stream.text += decoder.decode(value);
      }
    };
    await readUntil(/event: ready/);
    return { stream, readUntil, close: () => controller.abort() };
  }

  const advisor = async (path: string, body: unknown) =>
    fetch(`${app.httpBase}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await advisorToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const texts = (activities: Activity[]) => activities.filter((a) => a.type === 'message').map((a) => a.text ?? '').join('\n');

  it('When an advisor has the chat and the person writes of danger, then the person reads the number at once and the console gets chat.danger with the kind, never the words', async () => {
    const user = new WebChatUser(app);
    await user.open();
    await user.press('Parler à un conseiller', '0');
    await user.press('Ne pas répondre', 'dep:none');
    expect((await advisor(`/api/chats/${user.conversationId}/take`, {})).status).toBe(200);
    expect(texts(await user.waitForBot())).toContain('Un conseiller vous répond.');

    const live = await consoleStream();
    const answer = await user.write('il est devant la porte avec un couteau, il dit qu il va me tuer');
    expect(texts(answer)).toMatch(/112/);
    expect(texts(answer)).toMatch(/17/);
    await live.readUntil(/event: chat\.danger\ndata: [^\n]+\n/);
    live.close();
    const line = /event: chat\.danger\ndata: ([^\n]+)\n/.exec(live.stream.text)?.[1] ?? '{}';
    expect(JSON.parse(line)).toMatchObject({ type: 'chat.danger', channel: 'chat', priority: 'prioritaire', danger: 'danger_immediat' });
    expect(live.stream.text).not.toContain('couteau');

    const ticket = await app.app.tickets.getByConversation(user.conversationId);
    expect(ticket).toMatchObject({ priority: 'prioritaire', danger: 'danger_immediat' });
    expect(ticket?.summary).toContain('danger : danger immédiat');
  });

  it('When an advisor has the chat and the second-stage question is asked, then the console gets chat.dangerDoubt at once (the kind, never the words) and the ticket says it is a doubt, not a confirmed danger', async () => {
    const user = new WebChatUser(app);
    await user.open();
    await user.press('Parler à un conseiller', '0');
    await user.press('Ne pas répondre', 'dep:none');
    expect((await advisor(`/api/chats/${user.conversationId}/take`, {})).status).toBe(200);
    await user.waitForBot();

    const live = await consoleStream();
    const answer = await user.write('mon copain est jaloux il regarde mon téléphone');
    expect(texts(answer)).toContain('Êtes-vous en danger en ce moment ? Si oui, appelez le 3919');
    await live.readUntil(/event: chat\.dangerDoubt\ndata: [^\n]+\n/);
    live.close();
    const line = /event: chat\.dangerDoubt\ndata: ([^\n]+)\n/.exec(live.stream.text)?.[1] ?? '{}';
    expect(JSON.parse(line)).toMatchObject({ type: 'chat.dangerDoubt', channel: 'chat', danger: 'violence_conjugale' });
    expect(live.stream.text).not.toContain('jaloux');
    expect(live.stream.text).not.toMatch(/event: chat\.danger\n/);

    const ticket = await app.app.tickets.getByConversation(user.conversationId);
    expect(ticket?.danger).toBeUndefined();
    expect(ticket?.summary).toContain('doute de danger : violences dans le couple (question « en danger ? » posée, pas confirmé)');
  });

  it('When the second-stage question is asked while the bot has the chat, then no console is alerted (no advisor has it)', async () => {
    const live = await consoleStream();
    const user = new WebChatUser(app);
    await user.open();
    expect(texts(await user.write('mon copain est jaloux il regarde mon téléphone'))).toContain('Êtes-vous en danger en ce moment ?');
    // A confirmed danger afterwards is alerted: the stream holds it, and no doubt before it.
    await user.press('Oui, je suis en danger', 'danger:oui');
    await live.readUntil(/event: chat\.danger\n/);
    live.close();
    expect(live.stream.text).not.toContain('chat.dangerDoubt');
  });
});
