/**
 * A hand-off in the chat always reaches a waiting list someone sees, and the person is told the
 * truth: the département is asked first (one question) unless known or declined; an advisor answers
 * « ici » only while the territory is open; out of hours, its hours and a callback offer. What the
 * person writes is kept masked (the conversation's state and the ticket).
 */
import { createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { TIMES } from '../support/config';
import { TestClock } from '../support/testApp';
import { buttonsOf, chatTestBot, textsOf } from '../support/chatBot';

/** Monday 23 November 2026, 06:44 in Paris: every territory is closed. */
const EARLY_MONDAY_PARIS = '2026-11-23T05:44:00.000Z';
const clock = new TestClock(TIMES.mondayMorningParis);
function newBot(at: string = TIMES.mondayMorningParis) {
  clock.set(at);
  return chatTestBot({ store: createMemoryStore(clock), keys: createStoreKeys('chat-handoff'), clock });
}

describe('a chat hand-off before the département is known', () => {
  it('When the person presses « Parler à un conseiller » before any orientation, then the bot asks their postcode first and hands over to the advisors of that open territory', async () => {
    const bot = newBot();
    await bot.join();
    const asked = await bot.press('Parler à un conseiller', '0');
    expect(textsOf(asked)).toContain('Écrivez votre code postal, ou le nom de votre département.');
    expect(buttonsOf(asked)).toEqual([{ title: 'Ne pas répondre', choice: 'dep:none' }]);
    expect(asked.some((a) => a.name === 'handoff.initiate')).toBe(false);
    expect(await bot.tickets.getByConversation(bot.conversationId)).toBeNull();

    const handed = await bot.write('44000');
    expect(textsOf(handed)).toMatch(/numéro de dossier est :\s+T-44-[0-9A-Z]{6}/);
    expect(textsOf(handed)).toContain('Un conseiller va vous répondre ici');
    expect(handed.find((a) => a.name === 'handoff.initiate')?.value).toMatchObject({ departement: '44', queue: 'chat-44' });
    expect(await bot.tickets.getByConversation(bot.conversationId)).toMatchObject({ departement: '44', kind: 'routed', channel: 'chat' });
    expect(await bot.chat.mode(bot.conversationId)).toBe('waiting');
  });

  it('When the person does not want to give their département, then the request goes to the national list (T-XX)', async () => {
    const bot = newBot();
    await bot.join();
    await bot.press('Parler à un conseiller', '0');
    const handed = await bot.press('Ne pas répondre', 'dep:none');
    expect(textsOf(handed)).toMatch(/numéro de dossier est :\s+T-XX-[0-9A-Z]{6}/);
    expect(textsOf(handed)).toContain('Un conseiller va vous répondre ici');
    expect(await bot.tickets.getByConversation(bot.conversationId)).toMatchObject({ departement: null, kind: 'fallback' });
  });

  it('When the postcode is shared by several départements, then the person picks theirs with a button', async () => {
    const bot = newBot();
    await bot.join();
    await bot.press('Parler à un conseiller', '0');
    const choose = await bot.write('01200');
    expect(textsOf(choose)).toContain('Lequel est le bon ?');
    expect(buttonsOf(choose).map((b) => b.choice)).toEqual(['dep:01', 'dep:74', 'dep:none']);
    const handed = await bot.press('Haute-Savoie', 'dep:74');
    expect(textsOf(handed)).toMatch(/T-74-/);
    expect((await bot.tickets.getByConversation(bot.conversationId))?.choices).toEqual([{ step: 'postcode', value: '74', via: 'button' }]);
  });

  it('When the person answers the département question twice with no département, then the request goes to the national list', async () => {
    const bot = newBot();
    await bot.join();
    await bot.press('Parler à un conseiller', '0');
    expect(textsOf(await bot.write('je sais pas trop'))).toContain("Je n'ai pas trouvé ce département.");
    const handed = await bot.write('bof');
    expect(textsOf(handed)).toContain("Votre demande va à l'équipe nationale.");
    expect(textsOf(handed)).toMatch(/T-XX-/);
  });

  it('When the person writes words of danger, then no question comes first: the emergency numbers and a priority hand-off', async () => {
    const bot = newBot();
    await bot.join();
    const replies = await bot.write('je veux mourir');
    expect(textsOf(replies)).not.toContain('code postal');
    expect(replies.some((a) => a.name === 'handoff.initiate')).toBe(true);
  });
});

describe('a chat hand-off out of hours', () => {
  it('When the person asks for a human at 06:44 (every territory closed), then no promise: the hours and a callback offer, and the request waits in the territory list', async () => {
    const bot = newBot(EARLY_MONDAY_PARIS);
    await bot.join();
    await bot.press('Parler à un conseiller', '0');
    const handed = await bot.write('44000');
    const text = textsOf(handed);
    expect(text).not.toContain('va vous répondre ici');
    expect(text).not.toContain('Je vous mets en contact');
    expect(text).toContain('ne répondent pas en ce moment');
    expect(text).toContain('du lundi au vendredi, de 9 heures à 18 heures');
    expect(text).toContain('Voulez-vous qu\'un conseiller vous recontacte ?');
    expect(text).toMatch(/T-44-/);
    expect(buttonsOf(handed)).toEqual([
      { title: 'Oui', choice: '1' },
      { title: 'Non merci', choice: '2' },
    ]);
    expect(await bot.tickets.getByConversation(bot.conversationId)).toMatchObject({ departement: '44', kind: 'fallback' });

    expect(textsOf(await bot.press('Oui', '1'))).toContain('Écrivez votre numéro de téléphone ou votre adresse e-mail.');
    await bot.write('mon numéro, c’est celui de mon fils');
    const booked = await bot.write('06 12 34 56 78');
    expect(textsOf(booked)).toContain("C'est noté.");
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket).toMatchObject({ kind: 'callback', callback: { contact: 'phone', lastDigits: '78' } });
    expect(await bot.chat.mode(bot.conversationId)).toBe('bot');

    // Kept masked: in the ticket, and in the chat's own state.
    const kept = JSON.stringify([ticket?.transcript, await bot.chat.transcript(bot.conversationId)]);
    expect(kept).toContain('"[téléphone finissant par 78]"');
    expect(kept).toContain('[code postal du département 44]');
    expect(kept).not.toMatch(/06 12 34|0612345678|44000/);
  });

  it('When an oriented person asks for a human in the evening, then no département question: the hours and a callback offer; « Non merci » leaves the request waiting and the bot answers again', async () => {
    const bot = newBot(TIMES.mondayEveningParis);
    await bot.join();
    for (const [title, choice] of [['Pour vous-même', '1'], ['Les démarches', '4'], ['MDPH', '1']] as const) await bot.press(title, choice);
    await bot.write('35000');
    const handed = await bot.press('Parler à un conseiller', '0');
    expect(textsOf(handed)).toContain('ne répondent pas en ce moment');
    expect(textsOf(handed)).toMatch(/T-35-/);
    const declined = await bot.press('Non merci', '2');
    expect(textsOf(declined)).toContain("D'accord. Les conseillers répondent du lundi au vendredi");
    expect(await bot.tickets.getByConversation(bot.conversationId)).toMatchObject({ departement: '35', kind: 'fallback' });
    expect(textsOf(await bot.write("c'est quoi la PCH ?"))).toMatch(/prestation de compensation/i);
  });

  it('When the person leaves an e-mail address for a callback, then the chat and the ticket keep it masked (sealed in the callback only)', async () => {
    const bot = newBot(EARLY_MONDAY_PARIS);
    await bot.join();
    await bot.press('Parler à un conseiller', '0');
    await bot.write('Nantes 44000');
    await bot.press('Oui', '1');
    await bot.write('marie.durand@exemple.fr');
    const ticket = await bot.tickets.getByConversation(bot.conversationId);
    expect(ticket?.callback).toMatchObject({ contact: 'email', emailHint: 'm…@exemple.fr' });
    const kept = JSON.stringify([ticket, await bot.chat.transcript(bot.conversationId)]);
    expect(kept).toContain('[e-mail m…@exemple.fr]');
    expect(kept).not.toContain('durand');
  });
});
