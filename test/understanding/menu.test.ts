/** The phone menus choose through the same understanding as the FAQ. */
import * as path from 'node:path';
import { ConfigError } from '../../src/config/configError';
import { parseWithSchema } from '../../src/config/yamlFile';
import { loadPhoneExamplesFile, PHONE_EXAMPLES_FILE, phoneExamplesSchema } from '../../src/understanding/phoneExamples';
import { repoConfig } from '../support/config';
import { matchOption, universalIntent, yesOrNo } from '../../src/voice/understand';
import { frenchAnalyser } from '../../src/understanding/analyse';
import { createMenuMatcher } from '../../src/understanding/menu';

const { flow } = repoConfig();
const allNeeds = flow.needs.groups.flatMap((group) => group.needs);
const need = (speech: string) => matchOption(allNeeds, { speech })?.need ?? null;
const profile = (speech: string) => matchOption(flow.profile.options, { speech })?.profile ?? null;

describe('the need menus', () => {
  it.each([
    ["je n'arrive plus à me laver et m'habiller", 'vie_quotidienne'],
    ['je me lave plus toute seule', 'vie_quotidienne'],
    ["je n'arrive plus à payer mes factures", 'budget'],
    ['il faudrait un taxi pour aller à ses rendez-vous', 'deplacements'],
    ['mon employeur ne veut pas aménager mon poste', 'emploi'],
    ["l'établissement l'a renvoyé du jour au lendemain", 'sans_solution'],
    ['je suis épuisée, il me faudrait du répit', 'soutien_aidant'],
    ['il cherche une alternance', 'emploi'],
    ["qui peut m'emmener chez le dentiste", 'deplacements'],
    ['personne pour me remplacer auprès de ma mère', 'soutien_aidant'],
  ])('When the caller says « %s », then the need is %s', (speech, expected) => {
    expect(need(speech)).toBe(expected);
  });

  it('When the caller says nothing the menus know, then no option is chosen (the menu is asked again)', () => {
    expect(need('euh attendez je cherche mes lunettes')).toBeNull();
  });
});

describe('the profile menu', () => {
  it.each([
    ["c'est pour mon fils", 'aidant'],
    ['je suis aide soignante dans un foyer', 'professionnel'],
    ["j'appelle du CCAS de la mairie", 'professionnel'],
    ['je suis au conseil départemental', 'professionnel'],
    ["c'est pour mon dossier à moi", 'personne'],
  ])('When the caller says « %s », then the profile is %s', (speech, expected) => {
    expect(profile(speech)).toBe(expected);
  });
});

describe('yes, no and the universal words', () => {
  it.each([
    ["c'est correct", 'yes'],
    ['oui oui', 'yes'],
    ["non c'est pas ça", 'no'],
    ["c'est pas correct", 'no'],
    ['nan', 'no'],
    // Twelfth round: said as new callers would (the other half is in test/understanding/tuning/phone.yaml).
    ["ouais c'est ça", 'yes'],
    ["c'est bien ça oui", 'yes'],
    ["oui s'il vous plaît", 'yes'],
    ["ok d'accord", 'yes'],
    ["voilà c'est ça", 'yes'],
    ["exactement oui", 'yes'],
    ["non merci pas maintenant", 'no'],
    ["non pas du tout", 'no'],
    ["ah non", 'no'],
    ["non non non", 'no'],
    ["pas maintenant", 'no'],
    ["c'est pas mon numéro", 'no'],
  ])('When the caller says « %s », then the answer is %s', (speech, expected) => {
    expect(yesOrNo({ speech })).toBe(expected);
  });

  it('When the caller corrects themself (« oui enfin non », « non pardon oui »), then the last answer counts, and « pardon » asks for no repeat', () => {
    expect(yesOrNo({ speech: 'oui enfin non' })).toBe('no');
    expect(yesOrNo({ speech: 'non pardon oui' })).toBe('yes');
    expect(yesOrNo({ speech: 'non enfin je crois' })).toBe('no');
    expect(universalIntent(flow, { speech: 'non pardon oui' })).toBeNull();
    expect(universalIntent(flow, { speech: 'pardon' })).toBe('repeat');
  });

  it('When the caller asks for a person, then a human is reached; a need that mentions someone is not a request for a human', () => {
    expect(universalIntent(flow, { speech: 'je voudrais parler à un conseiller' })).toBe('human');
    expect(universalIntent(flow, { speech: "quelqu'un pour garder les enfants pendant que je travaille" })).toBeNull();
  });

  it('When a word only shares its stem with « conseiller » (« le conseil départemental »), then it is no request for a person', () => {
    expect(universalIntent(flow, { speech: 'je travaille au conseil départemental' })).toBeNull();
    expect(universalIntent(flow, { speech: 'un conseiller' })).toBe('human');
  });
});

describe('the phone examples (content/fr/phone-examples.yaml)', () => {
  it('When the caller says « il faut quelqu’un pour l’emmener chez le médecin », then the need is deplacements, not santé', () => {
    expect(need("il faut quelqu'un pour l'emmener chez le médecin")).toBe('deplacements');
  });

  it('When the caller says a need only in everyday words, then the examples choose it', () => {
    expect(need('mon père se néglige complètement')).toBe('vie_quotidienne');
  });

  it('When the caller asks for a person in words the universal synonyms lack, then it is « human »', () => {
    expect(universalIntent(flow, { speech: "une personne s'il vous plaît" })).toBe('human');
  });

  it('When the caller answers no, then it is not taken for asking a person', () => {
    expect(universalIntent(flow, { speech: "non merci pas besoin de quelqu'un" })).toBeNull();
    expect(yesOrNo({ speech: "non merci pas besoin de quelqu'un" })).toBe('no');
  });
});


describe('the phone examples file', () => {
  const problems = (raw: unknown): string => {
    try {
      parseWithSchema(phoneExamplesSchema, raw, 'phone-examples.yaml');
    } catch (error) {
      if (error instanceof ConfigError) return error.lines.join('\n');
      throw error;
    }
    return '';
  };

  it('When a need id or a profile is misspelt, then the check names it', () => {
    const found = problems({ needs: { deplacement: ['le bus'] }, profiles: { aidante: ['ma mère'] } });
    expect(found).toMatch(/needs: clé inconnue "deplacement"/);
    expect(found).toMatch(/profiles: clé inconnue "aidante"/);
  });

  it('When one example is under two needs, then the check says where the other is', () => {
    expect(problems({ needs: { logement: ['un toit'], budget: ['Un toit !'] } })).toMatch(/needs\.budget\[0\]: the same example is also under needs\.logement/);
  });

  it('When the shipped file is read, then every need and profile has examples, and asking for a person too', () => {
    const shipped = loadPhoneExamplesFile(path.join(__dirname, '..', '..', PHONE_EXAMPLES_FILE));
    expect(Object.keys(shipped.needs)).toHaveLength(14);
    expect(Object.keys(shipped.profiles).sort()).toEqual(['aidant', 'personne', 'professionnel']);
    expect(shipped.human.length).toBeGreaterThan(10);
  });
});

describe('two options said alike', () => {
  const options = [
    { id: 'budget', synonyms: ['payer', 'argent'] },
    { id: 'vacances', synonyms: ['vacances', 'partir'] },
  ];
  const examples: Record<string, string[]> = {
    budget: ['payer les factures', 'payer le loyer', "plus d'argent à la fin du mois"],
    vacances: ['aider à payer les vacances', 'payer un séjour de vacances adapté', 'les vacances coûtent trop cher pour nous'],
  };
  const chosen = (speech: string, withExamples: boolean) =>
    createMenuMatcher(options, frenchAnalyser(), { freeSpeech: true, ...(withExamples ? { examplesOf: (option: { id: string }) => examples[option.id] ?? [] } : {}) }).explain(speech);

  it('When the examples tell them apart, then their option is chosen, not the first of the menu', () => {
    expect(chosen('il faut payer les vacances', true).option).toBe(options[1]);
  });

  it('When only one option is said, then its synonym chooses it', () => {
    expect(chosen('je ne peux plus payer', true)).toEqual({ option: options[0], stage: 'synonym' });
  });
});
