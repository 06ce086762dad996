/**
 * The web-chat bot through botbuilder's TestAdapter: what a person writes or presses → what the bot
 * answers. Tables of [user says, bot answers] where it reads best.
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { TestClock } from '../support/testApp';
import { buttonsOf, chatTestBot, textsOf } from '../support/chatBot';

const clock = new TestClock(TIMES.mondayMorningParis);
function newBot() {
  clock.set(TIMES.mondayMorningParis);
  return chatTestBot({ store: createMemoryStore(clock), keys: createStoreKeys('chat-test'), clock });
}

describe('the chat bot', () => {
  it('When a person opens the chat, then they are welcomed and asked who they write for, with buttons and a way to a human', async () => {
    const bot = newBot();
    const replies = await bot.join();
    expect(textsOf(replies)).toContain('Bonjour.');
    expect(textsOf(replies)).toContain('Vous écrivez pour qui ?');
    expect(textsOf(replies).match(/Bonjour/g)).toHaveLength(1);
    expect(textsOf(replies)).not.toContain('tapez');
    expect(buttonsOf(replies)).toEqual([
      { title: 'Pour vous-même', choice: '1' },
      { title: 'Pour un proche que vous aidez', choice: '2' },
      { title: 'Vous êtes un professionnel', choice: '3' },
      { title: 'Parler à un conseiller', choice: '0' },
    ]);
  });

  it('When the person writes a town at the postcode question (« j’habite à St-Nazaire »), then its département is read back; a shared name is asked', async () => {
    const bot = newBot();
    await bot.join();
    await bot.press('Pour un proche que vous aidez', '2');
    expect(textsOf(await bot.write("j'ai besoin de quelqu'un pour l'aider à se laver"))).toContain('code postal');
    expect(textsOf(await bot.write("j'habite à St-Nazaire"))).toContain('Loire-Atlantique');
    const other = newBot();
    await other.join();
    await other.press('Pour vous-même', '1');
    await other.write('je cherche un logement');
    const shared = await other.write('Saint-Denis');
    expect(textsOf(shared)).toContain('plusieurs départements');
    expect(buttonsOf(shared).map((b) => b.title)).toEqual(expect.arrayContaining(['La Réunion', 'Seine-Saint-Denis']));
    expect(textsOf(shared)).toContain('votre code postal');
    // Another place than the buttons: read as at the postcode question.
    expect(textsOf(await other.write('93200'))).toContain('Seine-Saint-Denis');
  });

  it('When the person writes a name many towns bear (« saint pierre »), then the likeliest départements are buttons; « près de Figeac » is the Lot', async () => {
    const bot = newBot();
    await bot.join();
    await bot.press('Pour vous-même', '1');
    await bot.write('je cherche un logement');
    const shared = await bot.write('saint pierre');
    expect(textsOf(shared)).toContain('plusieurs départements');
    expect(buttonsOf(shared).map((b) => b.title)).toEqual(expect.arrayContaining(['La Réunion', 'Martinique']));
    const near = newBot();
    await near.join();
    await near.press('Pour vous-même', '1');
    await near.write('je cherche un logement');
    expect(textsOf(await near.write("j'habite un petit village près de Figeac"))).toContain('le 46 : Lot.');
  });

  it.each([
    ["je m'occupe de ma mère", 'De quoi avez-vous besoin ?'],
    ['je suis assistante sociale', 'De quoi avez-vous besoin ?'],
    ['pour moi', 'De quoi avez-vous besoin ?'],
  ])('When the person writes « %s » at the first question, then the bot moves on: « %s »', async (said, expected) => {
    const bot = newBot();
    await bot.join();
    expect(textsOf(await bot.write(said))).toContain(expected);
  });

  it('When the person orients with buttons and free text, then a human of their territory takes over with a pre-filled ticket and a hand-off event', async () => {
    const bot = newBot();
    await bot.join();
    await bot.press('Pour un proche que vous aidez', '2');
    await bot.press("Se laver, manger, se déplacer, le logement, l'argent", '1');
    await bot.press('Se loger', '3');
    const confirm = await bot.write('44000');
    expect(textsOf(confirm)).toContain('Loire-Atlantique');
    expect(buttonsOf(confirm).map((b) => b.title)).toEqual(['Oui', 'Non', 'Parler à un conseiller']);
    const handed = await bot.press('Oui', '1');
    const text = textsOf(handed);
    expect(text).toContain('conseiller de votre département');
    expect(text).toMatch(/numéro de dossier est :\s+T-44-[0-9A-Z]{6}/);
    expect(text).toContain('du lundi au vendredi, de 9 heures à 18 heures');
    const handoff = handed.find((a) => a.type === 'event');
    expect(handoff?.name).toBe('handoff.initiate');
    expect(handoff?.value).toMatchObject({ departement: '44', profile: 'aidant', need: 'logement', priority: 'normale', queue: 'chat-44' });
    expect((handoff?.attachments?.[0]?.content as { activities: unknown[] }).activities.length).toBeGreaterThan(3);
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket).toMatchObject({ channel: 'chat', kind: 'routed', departement: '44', need: 'logement', profile: 'aidant' });
    expect(ticket?.summary).toContain('aidant familial');
    // The postcode is kept as its département only.
    expect(ticket?.transcript?.some((line) => line.from === 'user' && line.text === '[code postal du département 44]')).toBe(true);
    expect(JSON.stringify(ticket)).not.toContain('44000');
    expect(ticket?.choices.map((c) => c.via)).toEqual(['button', 'button', 'button', 'text']);
  });

  it('When the person asks a simple question in the middle of the orientation, then the bot answers it with its source and keeps the question it asked', async () => {
    const bot = newBot();
    await bot.join();
    const replies = await bot.write("c'est quoi l'AAH ?");
    const text = textsOf(replies);
    expect(text).toMatch(/allocation aux adultes handicapés/i);
    expect(text).toContain('Source :');
    expect(text).toContain('Vous écrivez pour qui ?');
    expect(text).not.toContain('Bonjour');
  });

  it('When the person writes something the bot cannot understand twice, then it says so, asks the département, then passes them to a human of that territory', async () => {
    const bot = newBot();
    await bot.join();
    const first = await bot.write('zorglub wizz pataquès');
    expect(textsOf(first)).toContain("Je ne suis pas sûr d'avoir compris");
    const second = await bot.write('flibidi floup');
    expect(textsOf(second)).toContain('votre code postal');
    const third = await bot.write('44000');
    expect(textsOf(third)).toContain('Je vous mets en contact avec un conseiller');
    expect(textsOf(third)).toMatch(/T-44-/);
    expect(third.some((a) => a.name === 'handoff.initiate')).toBe(true);
  });

  it.each([
    ['je veux mourir', '3114'],
    ['mon mari me frappe', '3977'],
    ['il ne respire plus', '15'],
  ])('When the person writes « %s », then the emergency numbers come at once (%s, 112, 114 by SMS) and a human takes over as a priority', async (said, number) => {
    const bot = newBot();
    await bot.join();
    const replies = await bot.write(said);
    const first = replies[0];
    expect(first?.importance).toBe('urgent');
    expect(first?.text).toContain(number);
    expect(first?.text).toContain('112');
    expect(first?.text).toContain('114');
    const handoff = replies.find((a) => a.name === 'handoff.initiate');
    expect(handoff?.value).toMatchObject({ priority: 'prioritaire' });
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket?.priority).toBe('prioritaire');
  });

  it('When a parent writes « ma fille est harcelée au collège », then there is no emergency: the flow goes on, and last the question « Un enfant est-il en danger… 119 »; « Non » goes on where it was', async () => {
    for (const said of ['ma fille est harcelée au collège', 'mon fils se fait insulter tous les jours par des élèves au lycée, que faire ?']) {
      const bot = newBot();
      await bot.join();
      const replies = await bot.write(said);
      expect(replies.some((a) => a.importance === 'urgent')).toBe(false);
      expect(replies.some((a) => a.name === 'handoff.initiate')).toBe(false);
      expect(textsOf(replies)).toContain('De quoi avez-vous besoin ?');
      expect(replies.filter((a) => a.type === 'message').at(-1)?.text).toBe('Un enfant est-il en danger en ce moment ? Si oui, appelez le 119 (gratuit, 24 h/24).');
      expect(buttonsOf(replies).map((b) => b.title)).toEqual(['Oui, un enfant est en danger', 'Non']);
      const goOn = await bot.press('Non', 'danger:non');
      expect(textsOf(goOn)).toContain('De quoi avez-vous besoin ?');
      expect(textsOf(goOn)).not.toContain('119');
    }
    // Blows at school are the emergency answer at once.
    const hit = newBot();
    await hit.join();
    const replies = await hit.write('mon fils se fait frapper tous les jours au collège');
    expect(replies[0]?.importance).toBe('urgent');
    expect(replies[0]?.text).toContain('119');
  });

  it('When the territory is closed, then the person can leave an e-mail for a callback and gets a ticket reference', async () => {
    const bot = newBot();
    clock.set(TIMES.mondayEveningParis);
    await bot.join();
    for (const [title, choice] of [['Pour vous-même', '1'], ['Les démarches', '4'], ['MDPH', '1']] as const) await bot.press(title, choice);
    const closed = await bot.write('35000');
    expect(textsOf(closed)).toContain('Ille-et-Vilaine');
    const offer = await bot.press('Oui', '1');
    expect(textsOf(offer)).toContain('ne répondent pas en ce moment');
    expect(buttonsOf(offer).map((b) => b.title)).toEqual(['Oui', 'Non merci', 'Parler à un conseiller']);
    const ask = await bot.press('Oui', '1');
    expect(textsOf(ask)).toContain('adresse e-mail');
    const booked = await bot.write('Vous pouvez m’écrire à Marie.Durand@exemple.fr merci');
    expect(textsOf(booked)).toMatch(/numéro de dossier est :\s+T-35-/);
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket?.callback).toMatchObject({ contact: 'email', emailHint: 'm…@exemple.fr', consent: true });
    expect(JSON.stringify(ticket)).not.toContain('durand');
  });

  it('When an advisor has the conversation, then the bot stays quiet (one acknowledgement), and speaks again when handed back', async () => {
    const bot = newBot();
    await bot.join();
    await bot.press('Parler à un conseiller', '0');
    await bot.press('Ne pas répondre', 'dep:none');
    expect(textsOf(await bot.write('Bonjour, vous êtes là ?'))).toContain('transmis au conseiller');
    expect(await bot.write('Je patiente')).toEqual([]);
    expect(textsOf(await bot.chat.setMode(bot.conversationId, 'human').then((r) => r.map((x) => ({ type: 'message', text: x.kind === 'message' ? x.text : '' }))))).toContain('Un conseiller vous répond');
    expect(await bot.write('Merci pour votre aide')).toEqual([]);
    await bot.chat.setMode(bot.conversationId, 'bot');
    expect(textsOf(await bot.write("c'est quoi la PCH ?"))).toMatch(/prestation de compensation/i);
  });
});
