/**
 * Callers against the running app, as Twilio plays them: signed webhooks, TwiML read back, actions
 * and redirects followed. State in a real Redis; time from a test clock.
 */
import { SimulatedCall, postSigned } from '../support/callHarness';
import { find, spokenText } from '../support/twiml';
import { TIMES, repoConfig, withCrisis, withTarget } from '../support/config';
import { advisorToken, TestClock, startTestApp, testRedis, twilioSide, type RunningTestApp } from '../support/testApp';
import type { AppConfig } from '../../src/config/appConfig';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';

let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
const clock = new TestClock(TIMES.mondayMorningParis);
const running: RunningTestApp[] = [];

beforeAll(async () => {
  redis = await testRedis('journeys');
});
afterAll(async () => {
  await Promise.all(running.map((app) => app.close()));
  await redis.cleanup();
});
beforeEach(() => clock.set(TIMES.mondayMorningParis));

async function app(config: AppConfig = repoConfig()) {
  const started = await startTestApp({ store: redis.store, keys: redis.keys, clock, config });
  running.push(started);
  return started;
}

let defaultApp: RunningTestApp | undefined;
async function newCall(options: { from?: string; config?: AppConfig } = {}) {
  const target = options.config ? await app(options.config) : (defaultApp ??= await app());
  return new SimulatedCall(twilioSide(target), { from: options.from }).dial();
}

async function ticketOf(call: SimulatedCall, target: RunningTestApp) {
  const response = await fetch(`${target.httpBase}/api/calls/${call.callSid}/ticket`, { headers: { authorization: `Bearer ${await advisorToken()}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('a caller of the national number', () => {
  it('When they call, then they hear the welcome and the profile question, and can answer by keys or voice', async () => {
    const call = await newCall();
    expect(call.spoken()).toContain('numéro national');
    expect(call.spoken()).toContain('Vous appelez pour qui ?');
    const gather = find(call.current!, 'Gather')!;
    expect(gather.attrs).toMatchObject({ input: 'dtmf speech', language: 'fr-FR', numDigits: '1' });
    expect(Number(gather.attrs.timeout)).toBeGreaterThanOrEqual(5);
    expect(call.end()).toEqual({ kind: 'gather' });
  });

  it.each([
    ['1', 'personne', 'personne concernée'],
    ['2', 'aidant', 'aidant familial'],
    ['3', 'professionnel', 'professionnel'],
  ])('When the caller presses %s for the profile and completes the menus, then they reach cercle-44 and the ticket says %s', async (key, profile) => {
    const call = await newCall();
    await call.press(key);
    await call.press('1');
    await call.press('3');
    await call.press('44000');
    expect(call.spoken()).toContain('Loire-Atlantique');
    await call.press('1');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
    const { body } = await ticketOf(call, defaultApp!);
    expect(body).toMatchObject({ profile, need: 'logement', departement: '44', channel: 'voice', kind: 'routed' });
  });

  it('When the caller speaks (« je m’occupe de ma mère », « je cherche un logement », « 44000 », « oui »), then they reach their territory', async () => {
    const call = await newCall();
    await call.say("Je m'occupe de ma mère.");
    await call.say('Je cherche un logement.');
    await call.say('44 000');
    await call.say('Oui.');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
  });
});

describe('a caller who says what they need in their own words', () => {
  it('When the caller says « je n’arrive plus à me laver et m’habiller » at the need menu, then the ticket says vie_quotidienne', async () => {
    const call = await newCall();
    await call.say("C'est pour moi.");
    await call.say("Je n'arrive plus à me laver et m'habiller toute seule.");
    expect(call.spoken()).toContain('code postal');
    await call.press('44000');
    await call.press('1');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
    const { body } = await ticketOf(call, defaultApp!);
    expect(body).toMatchObject({ profile: 'personne', need: 'vie_quotidienne', departement: '44' });
  });

  it('When a parent says « ma fille est harcelée au collège » at the need menu, then they hear the 119 and « Un enfant est-il en danger maintenant ? »; « non » brings back the need menu, and school is a need', async () => {
    const call = await newCall();
    await call.say("C'est pour ma fille.");
    await call.say('ma fille est harcelée au collège');
    const heard = call.spoken();
    expect(heard).toContain('Pour un enfant en danger, appelez le 119.');
    expect(heard).toContain('Un enfant est-il en danger maintenant ? Dites oui ou non.');
    expect(heard).not.toMatch(/Pour appeler le \d+ maintenant/);
    await call.say('non');
    expect(call.spoken()).toContain('De quoi avez-vous besoin ?');
    expect(call.spoken()).not.toContain('119');
    expect(call.end()).toEqual({ kind: 'gather' });
  });

  it('When a caller who needs transport hears the first need menu, then « se déplacer » is in it, and its key leads to transport', async () => {
    const call = await newCall();
    await call.press('1');
    const firstMenu = call.spoken();
    expect(firstMenu).toContain('De quoi avez-vous besoin ?');
    const option = /([^.]*se déplacer[^.]*) : tapez (\d)\./.exec(firstMenu);
    expect(option).not.toBeNull();
    await call.press(option![2]!);
    const secondMenu = call.spoken();
    const transport = /Se déplacer : tapez (\d)\./.exec(secondMenu);
    expect(transport).not.toBeNull();
    await call.press(transport![1]!);
    await call.press('35000');
    await call.press('1');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-35' });
    const { body } = await ticketOf(call, defaultApp!);
    expect(body).toMatchObject({ need: 'deplacements', departement: '35' });
  });

  it('When the caller says a town at the place question (« j’habite à Saint-Nazaire »), then the département is read back and they reach it', async () => {
    const call = await newCall();
    await call.press('2');
    await call.say('Je cherche un logement.');
    await call.say("J'habite à Saint-Nazaire.");
    expect(call.spoken()).toContain('Loire-Atlantique');
    await call.say('Oui.');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
  });

  it('When the caller says a town shared by two départements (« Saint-Denis »), then they are asked which, and their choice routes the call', async () => {
    const call = await newCall();
    await call.press('2');
    await call.say('Je cherche un logement.');
    await call.say('Saint-Denis');
    expect(call.spoken()).toContain('La Réunion');
    expect(call.spoken()).toContain('Seine-Saint-Denis');
    await call.say('La Réunion');
    await call.say('Oui.');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-974' });
  });

  it('When the caller says a name many towns bear (« Saint-Pierre »), then they are asked, may say their postcode instead, and reach its département', async () => {
    const call = await newCall();
    await call.press('2');
    await call.say('Je cherche un logement.');
    await call.say('saint-pierre');
    expect(call.spoken()).toContain('plusieurs départements');
    expect(call.spoken()).toContain('votre code postal');
    await call.say('trente-sept mille sept cents');
    expect(call.spoken()).toContain('Indre-et-Loire');
    await call.say('Oui.');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-37' });
  });

  it('When the caller says they live near a town (« un petit village à côté de Figeac »), then that town’s département is read back', async () => {
    const call = await newCall();
    await call.press('2');
    await call.say('Je cherche un logement.');
    await call.say('un petit village à côté de figeac');
    expect(call.spoken()).toContain('le 46 : Lot.');
    await call.say('Oui.');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-46' });
  });
});

/** One postcode per département, from the same official data the app uses (Corsica by commune). */
function postcodeFor(code: string, app: RunningTestApp): string {
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as Array<{ departement: string; codesPostaux?: string[]; type: string }>;
  for (const commune of communes) {
    if (commune.departement !== code || commune.type !== 'commune-actuelle') continue;
    for (const postcode of commune.codesPostaux ?? []) {
      const found = app.app.places.departementsForPostcode(postcode);
      if (found.length === 1 && found[0] === code) return postcode;
    }
  }
  throw new Error(`no postcode for ${code}`);
}

describe('every département', () => {
  it('When a caller gives a postcode of any of the 101 départements, then the département is read back and the call goes to cercle-<code>', async () => {
    clock.set(TIMES.mondayAllOpen);
    const target = (defaultApp ??= await app());
    const codes = target.app.places.all().map((d) => d.code);
    expect(codes).toHaveLength(101);
    const reached: Record<string, string> = {};
    for (const code of codes) {
      const call = await newCall();
      await call.press('1');
      await call.press('4');
      await call.press('1');
      await call.press(postcodeFor(code, target));
      const name = target.app.places.get(code)?.name ?? '';
      expect(call.spoken()).toContain(name);
      await call.press('1');
      const end = call.end();
      reached[code] = end.kind === 'queue' ? end.name : `${end.kind}?`;
    }
    expect(reached).toEqual(Object.fromEntries(codes.map((code) => [code, `cercle-${code}`])));
  });
});

describe('needs', () => {
  const flow = repoConfig().flow;
  const paths: Array<[string, string[]]> = flow.needs.groups.flatMap((group) =>
    group.needs.length === 1
      ? [[group.needs[0]!.need, [group.key]] as [string, string[]]]
      : group.needs.map((n) => [n.need, [group.key, n.key]] as [string, string[]]),
  );

  it('covers the 14 needs of the 360° with at most five options per menu and two levels', () => {
    expect(paths.map(([need]) => need).sort()).toHaveLength(14);
    expect(flow.needs.groups.length).toBeLessThanOrEqual(5);
    for (const group of flow.needs.groups) expect(group.needs.length).toBeLessThanOrEqual(5);
  });

  it.each(paths.map(([need, keys]) => [need, keys.join(' then ')] as const))(
    'When the caller chooses %s (keys %s), then the ticket says so, and « sans solution » is a priority',
    async (need) => {
      const keys = paths.find(([n]) => n === need)![1];
      const call = await newCall();
      await call.press('2');
      for (const key of keys) await call.press(key);
      await call.press('35000');
      await call.press('1');
      expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-35' });
      const { body } = await ticketOf(call, defaultApp!);
      expect(body).toMatchObject({ need, priority: need === 'sans_solution' ? 'prioritaire' : 'normale' });
      if (need === 'sans_solution') expect(call.spoken()).toContain('prioritaire');
    },
  );
});

describe('never trapped', () => {
  const routeTo: Record<string, string[]> = {
    profile: [],
    needGroup: ['1'],
    need: ['1', '1'],
    postcode: ['1', '1', '1'],
    confirmDepartement: ['1', '1', '1', '44000'],
  };

  it.each(Object.keys(routeTo))('When the caller presses 0 at the %s menu, then they are put through to a human', async (step) => {
    const call = await newCall();
    for (const key of routeTo[step]!) await call.press(key);
    await call.press('0');
    // A human of their territory once the département is known, else the national fallback.
    expect(call.end()).toMatchObject({ kind: 'queue', name: step === 'confirmDepartement' ? 'cercle-44' : 'cercle-national' });
    expect(call.spoken()).toContain('Je vous passe un conseiller');
  });

  it('When the caller says « conseiller », then they are put through to a human', async () => {
    const call = await newCall();
    await call.say('Je voudrais parler à un conseiller');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });
  });

  it('When a caller who gave their département asks for a human at the callback offer, then the national fallback answers while the territory is closed', async () => {
    clock.set(TIMES.mondayEveningParis);
    const call = await newCall();
    for (const key of ['1', '1', '1', '44000', '1']) await call.press(key);
    expect(call.spoken()).toContain('ne répondent pas');
    await call.press('0');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });
  });

  it('When the caller stays silent three times, then they hear a different retry each time, then reach a human', async () => {
    const call = await newCall();
    await call.silence();
    expect(call.spoken()).toMatch(/^Je n'ai rien entendu\./);
    await call.silence();
    expect(call.spoken()).toMatch(/^Je n'entends toujours rien\./);
    await call.silence();
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });
    expect(call.spoken()).toContain('Il va vous aider');
  });

  it('When the caller presses wrong keys, then they are told, asked again, then put through to a human', async () => {
    const call = await newCall();
    await call.press('7');
    expect(call.spoken()).toMatch(/^Je n'ai pas compris\./);
    await call.press('8');
    expect(call.spoken()).toMatch(/^Je n'ai toujours pas compris\./);
    await call.press('7');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });
  });

  it('When the caller presses * then 9, then the menu is repeated, then spoken slower with longer time to answer', async () => {
    const call = await newCall();
    await call.press('*');
    expect(call.spoken()).toContain('Vous appelez pour qui ?');
    await call.press('9');
    const gather = find(call.current!, 'Gather')!;
    expect(find(gather, 'prosody')?.attrs.rate).toBe('80%');
    expect(Number(gather.attrs.timeout)).toBeGreaterThan(8);
    expect(call.spoken()).toContain('plus lentement');
  });

  it('When the postcode does not exist, then the caller is told and asked again', async () => {
    const call = await newCall();
    for (const key of ['1', '1', '1']) await call.press(key);
    await call.press('99999');
    expect(call.spoken()).toMatch(/^Je n'ai pas compris\..*code postal/);
  });

  it('When the postcode is shared by two départements (01200), then the caller picks one and it is read back', async () => {
    const call = await newCall();
    for (const key of ['1', '1', '1', '01200']) await call.press(key);
    expect(call.spoken()).toContain('Ain : tapez 1');
    expect(call.spoken()).toContain('Haute-Savoie : tapez 2');
    await call.press('2');
    expect(call.spoken()).toContain('Haute-Savoie');
    await call.press('1');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-74' });
  });

  it('When a caller from Saint-Barthélemy (97133) calls, then they reach Guadeloupe', async () => {
    clock.set(TIMES.mondayAllOpen);
    const call = await newCall();
    for (const key of ['1', '1', '1', '97133', '1']) await call.press(key);
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-971' });
  });
});

