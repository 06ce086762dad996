/** A word of another need, said as context (« à cause de mon fauteuil »), does not decide a caller's need. */
import { splitContext } from '../../src/understanding/clauses';
import { frenchAnalyser } from '../../src/understanding/analyse';
import { createMenuMatcher, MENU_CLAUSE_SETTINGS } from '../../src/understanding/menu';
import { shippedPhoneExamples } from '../../src/understanding/phoneExamples';
import { matchOption } from '../../src/voice/understand';
import { repoConfig } from '../support/config';

const { flow } = repoConfig();
const allNeeds = flow.needs.groups.flatMap((group) => group.needs);
const need = (speech: string) => matchOption(allNeeds, { speech })?.need ?? null;
const profile = (speech: string) => matchOption(flow.profile.options, { speech })?.profile ?? null;

describe('the main clause and its context', () => {
  it('When a cause follows the need (« à cause de… »), then it is context', () => {
    expect(splitContext("ils veulent pas m'embaucher à cause de mon fauteuil")).toMatchObject({ main: 'ils veulent pas m embaucher', context: 'a cause de mon fauteuil' });
  });

  it('When a new clause is joined after a context (« …depuis un an et j’ai peur… »), then it is main again', () => {
    expect(splitContext("je suis en arrêt maladie depuis un an et j'ai peur de perdre mon poste")).toMatchObject({
      main: 'je suis en arret maladie et j ai peur de perdre mon poste',
      context: 'depuis un an',
    });
  });

  it('When the speech begins with the cause, then it ends where a new subject begins, after the cause\'s own', () => {
    expect(splitContext("parce que j'étais malade on m'a licencié")).toMatchObject({ main: 'on m a licencie', context: 'parce que j etais malade' });
    expect(splitContext('à cause de mon fauteuil je ne trouve pas de travail')).toMatchObject({ main: 'je ne trouve pas de travail', context: 'a cause de mon fauteuil' });
    expect(splitContext("depuis mon accident je n'arrive plus à me laver")).toMatchObject({ main: 'je n arrive plus a me laver', context: 'depuis mon accident' });
    // The pronoun that repeats the cause's subject (« mon fils il… ») is still the cause's.
    expect(splitContext("depuis que mon fils il est malade il peut plus aller à l'école")).toMatchObject({ main: 'il peut plus aller', context: 'depuis que mon fils il est malade' });
    expect(splitContext('quand il est à l’hôpital personne peut garder sa petite sœur')).toMatchObject({ main: 'personne peut garder sa petite soeur', context: 'quand il est a l hopital' });
  });

  it('When a cause said first names no new subject after it, then it runs to the end (the menus then read the whole speech)', () => {
    expect(splitContext('depuis mon arrêt maladie mon employeur veut me licencier')).toMatchObject({ main: '', context: 'depuis mon arret maladie mon employeur veut me licencier' });
  });

  it('When a contrast is said (« malgré », « même si »), then it is context', () => {
    expect(splitContext('garder mon travail malgré ma maladie')).toMatchObject({ main: 'garder mon travail', context: 'malgre ma maladie' });
    expect(splitContext('je voudrais garder mon emploi même si je suis souvent en arrêt').context).toBe('meme si je suis souvent en arret');
  });

  it('When the cause says what is missing (« parce que j’ai pas de voiture »), then it is the need, not its context', () => {
    expect(splitContext("je peux pas aller chez le médecin parce que j'ai pas de voiture").context).toBe('');
    expect(splitContext("on m'a licencié parce que j'étais trop souvent à l'hôpital").context).toBe('parce que j etais trop souvent a l hopital');
  });

  it('When the person is described in a few words (« en fauteuil »), then only those words are context', () => {
    expect(splitContext("parce que je suis en fauteuil on veut pas m'embaucher")).toMatchObject({ main: 'on veut pas m embaucher', context: 'parce que je suis en fauteuil' });
    expect(splitContext("c'est pour l'inscription de mon fils au collège il est en fauteuil")).toMatchObject({ main: 'c est pour l inscription de mon fils au college il est', context: 'en fauteuil' });
  });

  it('When a place follows a verb of going (« aller à la MDPH »), then it is told apart from the main clause', () => {
    expect(splitContext('je dois aller à la MDPH déposer mon dossier')).toEqual({
      main: 'je dois aller deposer mon dossier',
      context: '',
      destinations: 'a la mdph',
      mainWithDestinations: 'je dois aller a la mdph deposer mon dossier',
    });
    expect(splitContext("comment me rendre à l'hôpital de jour")).toMatchObject({ main: 'comment me rendre', destinations: 'a l hopital de jour' });
    expect(splitContext('il faudrait l’emmener chez le kiné le mardi').destinations).toBe('chez le kine');
  });

  it('When the verb of going says how (« à pied », « en bus ») or goes nowhere named, then no place is told apart', () => {
    expect(splitContext('je peux plus aller à pied au marché').destinations).toBe('');
    expect(splitContext('je vais en bus au travail').destinations).toBe('');
    expect(splitContext('ça me rend malade').destinations).toBe('');
  });

  it('When the place is gone to inside a context clause, then it stays context', () => {
    expect(splitContext("je suis épuisée depuis qu'il va à l'IME le samedi")).toMatchObject({ main: 'je suis epuisee', context: 'depuis qu il va a l ime le samedi', destinations: '' });
  });
});

describe('the need menu reads the main clause first', () => {
  it.each([
    ["ils veulent pas m'embaucher à cause de mon fauteuil", 'emploi'],
    ["parce que je suis en fauteuil on veut pas m'embaucher", 'emploi'],
    ['je voudrais faire une formation mais je suis en fauteuil', 'emploi'],
    ['qui peut garder mon fils le mercredi quand je suis au travail', 'garde_enfant'],
    ["on arrive plus à payer le loyer depuis qu'il a perdu son travail", 'budget'],
    ["ma fille a toujours pas d'aesh parce que le dossier mdph traîne", 'scolarite'],
    ['je cherche un médecin qui accepte les personnes en fauteuil', 'sante'],
  ])('When the caller says « %s », then the need is %s, not the need of a context word', (speech, expected) => {
    expect(need(speech)).toBe(expected);
  });

  it.each([
    // The wheelchair is the need's object, not a description.
    ["j'ai besoin d'un fauteuil roulant électrique", 'deplacements'],
    // What the context's word names is itself the need.
    ["j'ai besoin d'un taxi pour aller à mon travail tous les matins", 'deplacements'],
    ["je peux pas aller chez le médecin parce que j'ai pas de voiture", 'deplacements'],
    ["je suis en arrêt maladie depuis un an et j'ai peur de perdre mon poste", 'emploi'],
    // Only the context says a need: it still counts.
    ["c'est mon père qui a besoin d'aide pour se laver", 'vie_quotidienne'],
  ])('When the caller says « %s » (benign twin), then the need is still %s', (speech, expected) => {
    expect(need(speech)).toBe(expected);
  });

  it.each([
    // A cause said first: the main clause after it decides.
    ['à cause de mon fauteuil je ne trouve pas de travail', 'emploi'],
    ["depuis que j'ai perdu mon travail j'arrive plus à payer mon loyer", 'budget'],
    ["à cause de mon traitement je suis tout le temps en arrêt et mon patron me menace", 'emploi'],
    ["depuis qu'il est à la maison toute la journée je suis épuisée", 'soutien_aidant'],
    // A place gone to is where, not what.
    ['je dois aller à la MDPH déposer mon dossier', 'demarches'],
    ["comment aller à l'hôpital pour mes séances", 'deplacements'],
    ["je sais pas comment aller chez l'orthophoniste avec mon fils", 'deplacements'],
    ['je vais au travail en bus mais la ligne va fermer', 'deplacements'],
    ["il va à l'école le matin mais l'après midi personne peut le garder", 'garde_enfant'],
  ])('When the caller says « %s », then the need is %s, not the need of the cause or the place', (speech, expected) => {
    expect(need(speech)).toBe(expected);
  });

  it.each([
    // The place gone to is the need when nothing else is said.
    ["mon fils veut plus aller à l'école", 'scolarite'],
    ['il refuse d’aller chez le médecin', 'sante'],
    ['je voudrais aller au cinéma mais c’est pas accessible', 'loisirs'],
    // A cause said first that says what is missing is the need; a main clause that names its need keeps it.
    ["depuis mon accident j'ai besoin d'un kiné", 'sante'],
    ['à cause de mon handicap je cherche un travail adapté', 'emploi'],
  ])('When the caller says « %s » (benign twin), then the need is %s', (speech, expected) => {
    expect(need(speech)).toBe(expected);
  });

  it('When places are not read last, then the place decides (the fault this rule mends)', () => {
    const speech = 'je vais au travail en bus mais la ligne va fermer';
    expect(need(speech)).toBe('deplacements');
    MENU_CLAUSE_SETTINGS.destinationsLast = false;
    try {
      expect(need(speech)).toBe('emploi');
    } finally {
      MENU_CLAUSE_SETTINGS.destinationsLast = true;
    }
  });

  it('When the rule is off, then the wheelchair decides (the fault this rule mends)', () => {
    const { needs, human } = shippedPhoneExamples();
    const menu = createMenuMatcher(allNeeds, frenchAnalyser(), { freeSpeech: true, elsewhere: human, examplesOf: (option) => needs[option.need as keyof typeof needs] ?? [] });
    const speech = "ils veulent pas m'embaucher à cause de mon fauteuil";
    expect(menu.choose(speech)?.need).toBe('emploi');
    MENU_CLAUSE_SETTINGS.mainClauseFirst = false;
    try {
      expect(menu.choose(speech)?.need).toBe('deplacements');
    } finally {
      MENU_CLAUSE_SETTINGS.mainClauseFirst = true;
    }
  });
});

describe('a negation said without its « ne »', () => {
  it.each([
    ['je sais plus quoi faire', 'sans_solution'],
    ['personne veut de lui', 'sans_solution'],
    // « personne ne veut » alone says no need: what nobody wants to do does.
    ['personne veut garder mon bébé', 'garde_enfant'],
    ["personne veut m'embaucher", 'emploi'],
  ])('When the caller says « %s », then the need is %s', (speech, expected) => {
    expect(need(speech)).toBe(expected);
  });
});

describe('the profile menu', () => {
  it.each([
    ["c'est pour mon père qui est en fauteuil", 'aidant'],
    ['je suis en fauteuil', 'personne'],
  ])('When the caller says « %s », then the profile is %s', (speech, expected) => {
    expect(profile(speech)).toBe(expected);
  });
});
