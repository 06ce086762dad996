/**
 * Safety first on the phone: whatever menu the caller is at, words of danger in what they say get
 * the number for that danger, then the offer to be put through to it now (1) or to an advisor as a
 * priority (2). A failed dial, silence, 0 still reach a human. Played as Twilio plays them.
 */
import { postSigned } from '../support/callHarness';
import { find, parseTwiml, spokenText } from '../support/twiml';
import { useVoiceApp } from '../support/voiceApp';

const { newCall, ticketOf, twilio } = useVoiceApp('voice-danger');

/** The keys pressed to reach each menu from the start. */
const MENUS: Array<[string, string[]]> = [
  ['the profile menu', []],
  ['the needs menu', ['2']],
  ['the place question', ['2', '1', '3']],
  ['the read-back of the département', ['2', '1', '3', '44000']],
];

describe('words of danger on the phone', () => {
  it.each(MENUS)('When the caller speaks of suicide at %s, then they hear the 3114 and the offer to be put through now or to an advisor', async (_menu, keys) => {
    const call = await newCall();
    for (const key of keys) await call.press(key);
    await call.say('je veux plus vivre je vais me tuer');
    const heard = call.spoken();
    expect(heard).toContain('Le 3114 peut vous écouter maintenant.');
    expect(heard).toContain('Pour appeler le 3114 maintenant, tapez 1 ou dites oui.');
    expect(heard).toContain('Pour parler à un conseiller tout de suite, tapez 2 ou dites non.');
    expect(call.end()).toEqual({ kind: 'gather' });
  });

  it.each([
    ['il recommence les enfants sont dans la chambre je sais plus quoi faire', '3919'],
    ["à la maison de retraite ils sanglent ma mère à son lit toute la nuit", '3977'],
    ["je suis en haut du parking et j'ai plus peur", '3114'],
    ['ma voisine elle m’ouvre pas ses volets sont fermés depuis hier et son courrier est là', '15'],
  ])('When the caller tells danger as a situation, without its word, at the needs menu (« %s »), then they hear the offer to be put through to the %s', async (said, number) => {
    const call = await newCall();
    await call.press('2');
    await call.say(said);
    expect(call.spoken()).toContain(`Pour appeler le ${number} maintenant, tapez 1 ou dites oui.`);
    expect(call.end()).toEqual({ kind: 'gather' });
  });

  it('When the caller presses 1 after the offer, then the call is put through to the number of that danger, with an action that brings a failed dial back to an advisor as a priority', async () => {
    const call = await newCall();
    await call.press('2');
    await call.say("il y a un petit enfermé chez les voisins il pleure depuis ce matin il a rien mangé");
    expect(call.spoken()).toContain('le 119');
    await call.press('1');
    const dial = find(call.current!, 'Dial')!;
    expect(call.spoken()).toContain('Je vous passe le 119.');
    expect(call.end()).toMatchObject({ kind: 'dial', number: '119', whisperUrl: undefined });
    expect(dial.attrs.action).toMatch(/\/voice\/dial\/result/);

    await call.dialResult('no-answer');
    expect(call.end()).toMatchObject({ kind: 'queue' });
    expect(call.spoken()).toContain('Votre demande est prioritaire.');
    expect(await ticketOf(call)).toMatchObject({ priority: 'prioritaire', danger: 'enfance_en_danger' });
  });

  it('When the emergency number answered and the call ends there, then the caller hears goodbye', async () => {
    const call = await newCall();
    await call.say('mon père est par terre il bouge plus');
    expect(call.spoken()).toContain('Le 15, le SAMU');
    await call.say('oui');
    expect(call.end()).toMatchObject({ kind: 'dial', number: '15' });
    await call.dialResult('completed');
    expect(call.end()).toEqual({ kind: 'hangup' });
  });

  it('When the caller presses 2 once their département is known, then they reach its queue as a priority and the advisor hears the danger named in the whisper', async () => {
    const call = await newCall();
    for (const key of ['2', '1', '3', '44000']) await call.press(key);
    await call.say('mon mari me frappe tous les soirs');
    expect(call.spoken()).toContain('Le 3919 écoute les victimes de violences.');
    await call.press('2');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
    expect(call.spoken()).toContain('Votre demande est prioritaire.');
    expect(await ticketOf(call)).toMatchObject({ priority: 'prioritaire', danger: 'violence_conjugale', departement: '44' });

    const advisorLeg = await postSigned(twilio(), 'https://orientation360.example.org/voice/advisor/dequeue?queue=cercle-44', { CallSid: 'CAcccccccccccccccccccccccccccccccc' });
    const whisper = spokenText(parseTwiml(advisorLeg.body));
    expect(whisper).toContain('Appel prioritaire.');
    expect(whisper).toContain('Danger : violences dans le couple.');
  });

  it('When the caller says nothing after the offer, then an advisor answers as a priority (national when the place is not known yet)', async () => {
    const call = await newCall();
    await call.say('au secours');
    await call.silence();
    const end = call.end();
    expect(end.kind).toBe('queue');
    expect(call.spoken()).toContain('Votre demande est prioritaire.');
    expect(await ticketOf(call)).toMatchObject({ priority: 'prioritaire' });
  });

  it('When the caller presses 0 at the offer, then they still reach a human', async () => {
    const call = await newCall();
    await call.say("l'aide à domicile prend l'argent de ma mère et la pousse");
    expect(call.spoken()).toContain('Le 3977');
    await call.press('0');
    expect(call.end().kind).toBe('queue');
    expect(await ticketOf(call)).toMatchObject({ priority: 'prioritaire', danger: 'maltraitance' });
  });

  it.each([
    ["elle a eu un AVC l'an dernier"],
    ["c'est quoi le 3114"],
  ])('When the caller says « %s » (a past event, a question), then the call goes on as normal', async (said) => {
    const call = await newCall();
    await call.say(said);
    const heard = call.spoken();
    expect(heard).not.toMatch(/Pour appeler le \d+ maintenant/);
    expect(heard).toContain('Vous appelez pour qui ?');
    await call.press('2');
    expect(call.spoken()).toContain('De quoi avez-vous besoin ?');
  });
});
