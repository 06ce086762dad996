/**
 * The second stage of safety on the phone: what a caller says in the grey zone (some evidence of
 * danger, below the emergency) gets that kind's number said, then « Êtes-vous en danger maintenant ?
 * Dites oui ou non. » in a <Gather>. Oui: the emergency branch (the offer to be put through); non:
 * back to the menu where they were. Played through the real app as Twilio plays it.
 */
import { find } from '../support/twiml';
import { useVoiceApp } from '../support/voiceApp';

const { newCall, ticketOf } = useVoiceApp('voice-danger-check');

/** A partner's control, said without violence: no emergency, but the 3919 is said and the caller asked. */
const GREY = 'mon copain est jaloux il regarde mon téléphone';
const NUMBER = "Le 3919 écoute les victimes de violences. C'est gratuit, jour et nuit.";
const QUESTION = 'Êtes-vous en danger maintenant ? Dites oui ou non.';

/** The keys pressed to reach each menu from the start, and the question it asks. */
const MENUS: Array<[string, string[], string]> = [
  ['the profile menu', [], 'Vous appelez pour qui ?'],
  ['the needs menu', ['2'], 'De quoi avez-vous besoin ?'],
  ['the place question', ['2', '1', '3'], 'Quel est le code postal de la personne concernée ?'],
];

describe('the second-stage question on the phone', () => {
  it.each(MENUS)('When the caller says words of the grey zone at %s, then they hear the 3919 and the question, in a <Gather> for speech, and no offer to be put through yet', async (_menu, keys) => {
    const call = await newCall();
    for (const key of keys) await call.press(key);
    await call.say(GREY);
    const heard = call.spoken();
    expect(heard).toContain(NUMBER);
    expect(heard).toContain(QUESTION);
    expect(heard).not.toMatch(/Pour appeler le \d+ maintenant/);
    expect(call.end()).toEqual({ kind: 'gather' });
    const gather = find(call.current!, 'Gather')!;
    expect(gather.attrs.input).toContain('speech');
  });

  it('When the caller says « oui », then they get the emergency branch: the offer to be put through to the 3919, then the dial', async () => {
    const call = await newCall();
    await call.press('2');
    await call.say(GREY);
    await call.say('oui');
    expect(call.spoken()).toContain('Pour appeler le 3919 maintenant, tapez 1 ou dites oui.');
    await call.press('1');
    expect(call.end()).toMatchObject({ kind: 'dial', number: '3919' });
    expect(await ticketOf(call)).toMatchObject({ priority: 'prioritaire', danger: 'violence_conjugale' });
  });

  it.each(MENUS)('When the caller says « non » at %s, then they are back at that menu, which goes on as before', async (_menu, keys, question) => {
    const call = await newCall();
    for (const key of keys) await call.press(key);
    await call.say(GREY);
    await call.say('non');
    const heard = call.spoken();
    expect(heard).toContain(question);
    expect(heard).not.toContain('3919');
    expect(call.end()).toEqual({ kind: 'gather' });
  });

  it('When the caller says « non » at the profile menu, then the orientation goes on to the needs menu with a key', async () => {
    const call = await newCall();
    await call.say(GREY);
    await call.say('non');
    await call.press('2');
    expect(call.spoken()).toContain('De quoi avez-vous besoin ?');
  });

  it('When the caller says nothing to the question, twice and more, then an advisor answers as a priority', async () => {
    const call = await newCall();
    await call.say(GREY);
    for (let i = 0; i < 3 && call.end().kind === 'gather'; i++) await call.silence();
    expect(call.end().kind).toBe('queue');
    expect(call.spoken()).toContain('Votre demande est prioritaire.');
  });

  it('When the answer itself speaks of danger, then it is the emergency at once', async () => {
    const call = await newCall();
    await call.say(GREY);
    await call.say('mon copain me frappe tous les soirs');
    expect(call.spoken()).toContain('Pour appeler le 3919 maintenant, tapez 1 ou dites oui.');
  });
});
