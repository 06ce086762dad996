/** How the service reads French: stems, stop words, the lexicon's synonyms and acronyms, numbers said in words. */
import * as path from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createAnalyser, frenchAnalyser } from '../../src/understanding/analyse';
import { loadLexiconFile, shippedLexicon } from '../../src/understanding/lexicon';
import { digitsFromWords } from '../../src/understanding/numbers';

const analyser = frenchAnalyser();

describe('the French analyser', () => {
  it('When a verb is conjugated or reflexive (« me laver », « je me lave », « lavais »), then it meets its infinitive', () => {
    const [laver] = analyser.terms('laver');
    expect(laver).toBeDefined();
    for (const text of ['me laver', 'je me lave', 'elle se lavait', 'lavé']) expect(analyser.terms(text)).toEqual([laver]);
    expect(analyser.terms("je n'arrive plus à me laver et m'habiller")).toEqual(expect.arrayContaining([laver, analyser.terms('habiller')[0]]));
    expect(analyser.terms("je n'arrive plus à payer")).toContain(analyser.terms('payer')[0]);
  });

  it('When plurals, feminines and past participles are written with or without accents, then they meet', () => {
    expect(analyser.terms('demandée')).toEqual(analyser.terms('demande'));
    expect(analyser.terms('handicapées')).toEqual(analyser.terms('handicape'));
    expect(analyser.terms('allocations')).toEqual(analyser.terms('allocation'));
  });

  it('When a message holds only common words and greetings, then nothing is left to match', () => {
    expect(analyser.terms("Bonjour, je voudrais savoir s'il vous plaît, merci beaucoup")).toEqual([]);
  });

  it('When people use the long name or a nickname (« maison du handicap », « boulot »), then the service knows the word it means', () => {
    expect(analyser.terms('la maison du handicap')).toContain('mdph');
    expect(analyser.terms('prestation de compensation du handicap')).toContain('pch');
    expect(analyser.terms('mon boulot')).toEqual(analyser.terms('travail'));
  });

  it('When an acronym is misspelt or called by its old or everyday name, then the service knows the one it means', () => {
    expect(analyser.terms('la rth')).toEqual(analyser.terms('la RQTH'));
    expect(analyser.terms('une aes a l ecole')).toEqual(analyser.terms('une AESH à l’école'));
    expect(analyser.terms('il est en clis')).toEqual(analyser.terms('il est en ULIS'));
    expect(analyser.terms('la carte handicapé')).toContain('cmi');
    expect(analyser.terms('pôle emploi')).toEqual(expect.arrayContaining(analyser.terms('France Travail')));
    expect(analyser.terms('il est autiste')).toEqual(analyser.terms('autisme'));
    expect(analyser.terms("j'ai pas de sous")).toEqual(analyser.terms("pas d'argent"));
    expect(analyser.terms('jsuis pas dacord avec le taux')).toEqual(analyser.terms("je ne suis pas d'accord avec le taux"));
    expect(analyser.terms('ok dacord merci')).toEqual([]);
  });

  it('When « aidant » is written, then it is not taken for « aide »', () => {
    expect(analyser.terms('aidant')).not.toEqual(analyser.terms('aide'));
    expect(analyser.terms('aidante')).toEqual(analyser.terms('aidants'));
  });

  it('When the short answer is negative (« c’est pas ça »), then every word is kept for the menus', () => {
    expect(analyser.allTerms("c'est pas ça")).toEqual(['c', 'est', 'pas', 'ca']);
  });

  it('When a coordinator adds a synonym to the lexicon, then it is understood', () => {
    const custom = createAnalyser({ ...shippedLexicon(), synonyms: { 'petit bus': 'transport' } });
    expect(custom.terms('le petit bus du quartier')).toContain('transport');
  });
});

describe('the lexicon file', () => {
  it('When an entry is not plain lower-case words, then the check names it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
    const file = path.join(dir, 'lexicon.yaml');
    writeFileSync(file, 'synonyms:\n  "Maison du Handicap": mdph\n');
    expect(() => loadLexiconFile(file)).toThrow(/synonyms.*plain lower case words/);
  });
});

describe('numbers said in words', () => {
  it.each([
    ['quarante quatre mille', '44000'],
    ['quarante-quatre', '44'],
    ["c'est le neuf cent soixante-quatorze", 'c est le 974'],
    ['soixante neuf zéro zéro un', '69001'],
    ['trente et un mille cinq cents', '31500'],
    ['le 9 3', 'le 93'],
    ['97 4', '974'],
    ['quatre-vingt-dix-sept 4', '974'],
    ['zéro deux mille', '02000'],
    ['44 600', '44600'],
    ["j'habite au 12 rue de la paix", 'j habite au 12 rue de la paix'],
  ])('When « %s » is said, then it reads %s', (said, digits) => {
    expect(digitsFromWords(said)).toBe(digits);
  });
});

describe('SMS style', () => {
  it('When « je » is glued to the verb (« jcherche », « jbosse »), then the verb is read', () => {
    expect(analyser.terms('jcherche du travail')).toEqual(analyser.terms('je cherche du travail'));
    expect(analyser.terms('jbosse en esat')).toEqual(analyser.terms('je bosse en esat'));
  });
});
