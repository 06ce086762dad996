/**
 * A chat that listens: what people write in their own words, at whatever question the bot is on.
 * Journeys through botbuilder's TestAdapter with the real flow, FAQ, places and wording.
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { TestClock } from '../support/testApp';
import { buttonsOf, chatTestBot, textsOf, type ChatTestBot } from '../support/chatBot';

const clock = new TestClock(TIMES.mondayMorningParis);
function newBot() {
  clock.set(TIMES.mondayMorningParis);
  return chatTestBot({ store: createMemoryStore(clock), keys: createStoreKeys('chat-listening'), clock });
}

const PROFILE_QUESTION = 'Vous écrivez pour qui ?';
const NEEDS_QUESTION = 'De quoi avez-vous besoin ?';
const POSTCODE_QUESTION = 'Quel est le code postal de la personne concernée ?';

/** The profile the hand-off carries: what the conversation recorded. */
async function recordedProfile(bot: ChatTestBot): Promise<unknown> {
  let handed = await bot.press('Parler à un conseiller', '0');
  // With no département yet, the bot asks it once before handing over: the person declines.
  if (!handed.some((activity) => activity.name === 'handoff.initiate')) handed = await bot.press('Ne pas répondre', 'dep:none');
  return (handed.find((activity) => activity.name === 'handoff.initiate')?.value as { profile?: unknown } | undefined)?.profile;
}

async function atNeedsMenu(): Promise<ChatTestBot> {
  const bot = newBot();
  await bot.join();
  await bot.press('Pour vous-même', '1');
  return bot;
}

describe('a chat that listens', () => {
  describe('the profile menu does not take the question', () => {
    it.each([
      ['ma fille voudrait savoir si elle a droit à l’AAH', /allocation aux adultes handicapés/],
      ['mon mari aimerait savoir comment on fait pour avoir la RQTH', /RQTH/],
      ['je voudrais savoir ce qu’est un SESSAD pour mon fils', /SESSAD/],
    ])('When the person writes « %s » at « Vous écrivez pour qui ? », then the question is answered and asked again, nothing chosen', async (said, answer) => {
      const bot = newBot();
      await bot.join();
      const replies = await bot.write(said);
      const text = textsOf(replies);
      expect(text).toMatch(answer);
      expect(text).toContain('Source :');
      expect(text).toContain(PROFILE_QUESTION);
      expect(text).not.toContain(NEEDS_QUESTION);
      expect(await recordedProfile(bot)).toBeNull();
    });
  });

  describe('the needs menu does not take the question', () => {
    it.each([
      ['je voudrais savoir comment on fait une demande de PCH', /prestation de compensation/],
      ['je me demande comment obtenir la carte mobilité inclusion', /carte mobilité inclusion/],
      ['j’aimerais savoir si je peux travailler en ESAT', /ESAT/],
    ])('When the person writes « %s » at « De quoi avez-vous besoin ? », then the question is answered and the needs are asked again', async (said, answer) => {
      const bot = await atNeedsMenu();
      const text = textsOf(await bot.write(said));
      expect(text).toMatch(answer);
      expect(text).toContain(NEEDS_QUESTION);
      expect(text).not.toContain(POSTCODE_QUESTION);
    });
  });

  describe('a message that answers and asks gets both', () => {
    it.each([
      ['je suis aidante, ma mère a besoin de la PCH', 'aidant', /prestation de compensation/],
      ['je suis éducatrice, je voudrais savoir ce qu’est un SESSAD', 'professionnel', /SESSAD/],
      ['Mon fils est autiste. Est-ce qu’il a droit à l’AEEH', 'aidant', /allocation d'éducation de l'enfant handicapé/],
    ])('When the person writes « %s » at the first question, then the profile is recorded (%s) and the question answered', async (said, profile, answer) => {
      const bot = newBot();
      await bot.join();
      const text = textsOf(await bot.write(said));
      expect(text).toMatch(answer);
      expect(text).toContain(NEEDS_QUESTION);
      expect(await recordedProfile(bot)).toBe(profile);
    });

    it('When the person asks for help with a need at the needs menu, then the need is recorded and the question answered', async () => {
      const bot = await atNeedsMenu();
      const text = textsOf(await bot.write('mon fils a besoin d’une AESH pour aller à l’école'));
      expect(text).toMatch(/accompagnant d'élève en situation de handicap/);
      expect(text).toContain(POSTCODE_QUESTION);
      await bot.press('Parler à un conseiller', '0');
      const handed = await bot.press('Ne pas répondre', 'dep:none');
      expect(handed.find((activity) => activity.name === 'handoff.initiate')?.value).toMatchObject({ need: 'scolarite' });
    });
  });

  describe('two questions in one', () => {
    it('When the person asks about two subjects at once, then the likelier is answered and the other is offered as a button', async () => {
      const bot = newBot();
      await bot.join();
      const replies = await bot.write('est-ce que je peux avoir l’AAH et la RQTH en même temps ?');
      expect(textsOf(replies)).toMatch(/reconnaissance de la qualité de travailleur handicapé/i);
      const offer = replies.find((activity) => activity.text === 'Votre message parle peut-être aussi de ce sujet :');
      expect(offer?.suggestedActions?.actions?.map((action) => action.title)).toEqual(["Qu'est-ce que l'AAH et comment l'obtenir ?"]);
      const pressed = await bot.press("Qu'est-ce que l'AAH et comment l'obtenir ?", 'faq:aah');
      expect(textsOf(pressed)).toMatch(/allocation aux adultes handicapés/i);
      expect(textsOf(pressed)).toContain(PROFILE_QUESTION);
    });
  });

  describe('entries people often mean instead', () => {
    it('When an answer has siblings (seeAlso), then they are offered as buttons, and pressing one answers it', async () => {
      const bot = newBot();
      await bot.join();
      const replies = await bot.write("C'est quoi l'aide sociale à l'hébergement ?");
      expect(textsOf(replies)).toMatch(/aide sociale à l'hébergement, l'ASH/);
      const offer = replies.find((activity) => activity.text === 'Ces réponses peuvent aussi vous aider :');
      expect(offer?.suggestedActions?.actions?.map((action) => action.title)).toEqual(['Quels établissements existent pour les adultes handicapés ?']);
      const pressed = await bot.press('Quels établissements existent pour les adultes handicapés ?', 'faq:etablissement_adulte');
      expect(textsOf(pressed)).toMatch(/foyer d'accueil médicalisé/);
    });

    it('When a button of an entry since merged into another is pressed (an old conversation), then the merged answer is given', async () => {
      const bot = newBot();
      await bot.join();
      const pressed = await bot.press("Qu'est-ce que l'AJPA ?", 'faq:ajpa');
      expect(textsOf(pressed)).toMatch(/AJPA \(allocation journalière du proche aidant\)/);
    });
  });

  describe('greetings and thanks are skipped, not answered instead of the message', () => {
    it.each([
      ['bonjour, je voudrais savoir ce qu’est la PCH', /prestation de compensation/],
      ['Salut ! comment on demande la carte mobilité inclusion', /carte mobilité inclusion/],
      ['Bonsoir madame, excusez-moi de vous déranger, qu’est-ce que l’AEEH', /allocation d'éducation de l'enfant handicapé/],
      ['Bonjour, la MDPH met trop de temps à répondre à mon dossier. Merci d’avance', /MDPH/],
    ])('When the person writes « %s », then the message itself is answered', async (said, answer) => {
      const bot = newBot();
      await bot.join();
      const text = textsOf(await bot.write(said));
      expect(text).toMatch(answer);
      expect(text).not.toMatch(/^Bonjour/);
      expect(text).not.toContain('Que puis-je faire');
    });

    it.each([['Bonjour'], ['bonsoir madame'], ['Hello !']])('When the person writes only « %s », then a short greeting and the current question', async (said) => {
      const bot = await atNeedsMenu();
      const replies = await bot.write(said);
      expect(replies[0]?.text).toBe('Bonjour !');
      expect(textsOf(replies).split(NEEDS_QUESTION)).toHaveLength(2);
      expect(buttonsOf(replies).length).toBeGreaterThan(1);
    });

    it('When the person only thanks, then a short answer and the current question, and it is not counted as a misunderstanding', async () => {
      const bot = newBot();
      await bot.join();
      for (const said of ['merci beaucoup', 'ok merci', 'Merci pour votre aide !']) {
        const replies = await bot.write(said);
        expect(replies[0]?.text).toBe('Avec plaisir.');
        expect(textsOf(replies)).toContain(PROFILE_QUESTION);
      }
      expect(textsOf(await bot.write('Pour moi'))).toContain(NEEDS_QUESTION);
    });
  });

  describe('another language', () => {
    it.each([
      ['Hello, can you help me? My son is disabled', 'I can only answer in French'],
      ['I do not speak French, is there someone who speaks English', 'I can only answer in French'],
      ['Hola, necesito ayuda para mi hija', 'Solo puedo responder en francés'],
      ['Guten Tag, ich brauche Hilfe für meinen Vater', 'Ich kann nur auf Französisch antworten'],
    ])('When the person writes « %s », then a short answer in French and in their language gives the number and a human', async (said, theirs) => {
      const bot = newBot();
      await bot.join();
      const replies = await bot.write(said);
      const text = textsOf(replies);
      expect(text).toContain('Je réponds seulement en français');
      expect(text).toContain(theirs);
      expect(text.match(/0 800 360 360/g)).toHaveLength(2);
      expect(buttonsOf(replies)).toContainEqual({ title: 'Parler à un conseiller', choice: '0' });
    });

    it.each([['la MDPH ne répond jamais'], ['je suis en burn out'], ['dossier MDPH en retard depuis 6 mois'], ['week-end de répit']])(
      'When a French message « %s » looks foreign to a detector, then it is still read as French',
      async (said) => {
        const bot = newBot();
        await bot.join();
        expect(textsOf(await bot.write(said))).not.toContain('Je réponds seulement en français');
      },
    );
  });

  describe('a long message', () => {
    const story = [
      'Bonjour, je vous écris pour ma fille Léa qui a 19 ans.',
      'Elle a une déficience intellectuelle et elle vit avec nous à la maison.',
      'Elle sort de l’IME cet été et nous ne savons pas ce qui va se passer ensuite, nous sommes perdus. '.repeat(20),
      'Est-ce qu’elle peut avoir l’AAH ?',
    ].join(' ');

    it('When the person tells their whole situation in a long message (over 2,000 characters), then the question at its end is answered', async () => {
      expect(story.length).toBeGreaterThan(2000);
      const bot = newBot();
      await bot.join();
      const text = textsOf(await bot.write(story));
      expect(text).toMatch(/allocation aux adultes handicapés/);
      expect(text).not.toContain('trop long');
    });

    it('When a message is longer than 10,000 characters, then the person is told in French how long a message may be, and its beginning is read', async () => {
      const bot = newBot();
      await bot.join();
      const long = `C’est quoi la PCH ? ${'Je vous explique notre situation en détail. '.repeat(300)}`;
      expect(long.length).toBeGreaterThan(10_000);
      const replies = await bot.write(long);
      expect(replies[0]?.text).toMatch(/Votre message est très long\. J'ai lu les 10\s000 premiers caractères\. Un message peut avoir jusqu'à 10\s000 caractères\./);
      expect(textsOf(replies)).toMatch(/prestation de compensation/);
    });
  });

  describe('a place written in words at the postcode question', () => {
    async function atPostcode(): Promise<ChatTestBot> {
      const bot = await atNeedsMenu();
      expect(textsOf(await bot.write('je cherche un logement'))).toContain(POSTCODE_QUESTION);
      return bot;
    }

    it.each([
      ['Loire-Atlantique', 'le 44 : Loire-Atlantique'],
      ['j’habite en Loire-Atlantique', 'le 44 : Loire-Atlantique'],
      ['mon code postal c’est le 44 000 merci', 'le 44 : Loire-Atlantique'],
      ['nous sommes dans le Finistère, à la campagne', 'le 29 : Finistère'],
    ])('When the person writes « %s », then the département is read back for confirmation (%s)', async (said, departement) => {
      const bot = await atPostcode();
      expect(textsOf(await bot.write(said))).toContain(`Votre département est ${departement}.`);
    });

    // Passes once the flow's place finder knows commune names (the commune look-up of src/places).
    it('When the person writes the city « Rennes », then Ille-et-Vilaine is read back for confirmation', async () => {
      const bot = await atPostcode();
      expect(textsOf(await bot.write('Rennes'))).toContain('Votre département est le 35 : Ille-et-Vilaine.');
    });

    it('When the person writes an age at the postcode question, then it is not taken for a département', async () => {
      const bot = await atPostcode();
      expect(textsOf(await bot.write('mon fils a 12 ans'))).not.toContain('Votre département est');
    });
  });

  it('When the person leaves a phone number inside a sentence for a callback, then it is found and the callback booked', async () => {
    const bot = newBot();
    clock.set(TIMES.mondayEveningParis);
    await bot.join();
    for (const [title, choice] of [['Pour vous-même', '1'], ['Les démarches', '4'], ['MDPH', '1']] as const) await bot.press(title, choice);
    expect(textsOf(await bot.write('35000'))).toContain('Ille-et-Vilaine');
    await bot.press('Oui', '1');
    expect(textsOf(await bot.press('Oui', '1'))).toContain('numéro de téléphone');
    const booked = await bot.write('vous pouvez me rappeler au 06 12 34 56 78 après 17 h, merci');
    expect(textsOf(booked)).toMatch(/numéro de dossier est :\s+T-35-/);
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket?.callback).toMatchObject({ contact: 'phone', lastDigits: '78', consent: true });
    expect(JSON.stringify(ticket?.callback)).not.toContain('612345678');
  });

  describe('asking for a human', () => {
    it.each([['Je voudrais parler à un conseiller s’il vous plaît'], ['pouvez-vous me passer quelqu’un ?'], ['bonjour, est-ce que je peux parler à une personne ?']])(
      'When the person writes « %s », then they are put through (after the one question of the département), without an answer they did not ask for',
      async (said) => {
        const bot = newBot();
        await bot.join();
        const replies = await bot.write(said);
        // The département is unknown: the one question before a hand-off, which the person may decline.
        expect(buttonsOf(replies)).toContainEqual({ title: 'Ne pas répondre', choice: 'dep:none' });
        expect(textsOf(replies)).not.toContain('Source :');
        const handed = await bot.press('Ne pas répondre', 'dep:none');
        expect(handed.some((activity) => activity.name === 'handoff.initiate')).toBe(true);
      },
    );

    it('When the words for a human are part of another question (« comment parler à quelqu’un de la MDPH ? »), then that question is answered', async () => {
      const bot = newBot();
      await bot.join();
      const replies = await bot.write('comment parler à quelqu’un de la MDPH ?');
      expect(textsOf(replies)).toMatch(/Maison départementale des personnes handicapées/);
      expect(replies.some((activity) => activity.name === 'handoff.initiate')).toBe(false);
    });
  });
});
