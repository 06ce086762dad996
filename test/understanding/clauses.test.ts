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
    expect(splitContext("ils veulent pas m'embaucher à cause de mon fauteuil")).toEqual({ main: 'ils veulent pas m embaucher', context: 'a cause de mon fauteuil' });
  });

  it('When a new clause is joined after a context (« …depuis un an et j’ai peur… »), then it is main again', () => {
    expect(splitContext("je suis en arrêt maladie depuis un an et j'ai peur de perdre mon poste")).toEqual({
      main: 'je suis en arret maladie et j ai peur de perdre mon poste',
      context: 'depuis un an',
    });
  });

  it('When the speech begins with the cause, then nothing is told apart (no commas in speech to say where it ends)', () => {
    expect(splitContext("parce que j'étais malade on m'a licencié").context).toBe('');
  });

  it('When the cause says what is missing (« parce que j’ai pas de voiture »), then it is the need, not its context', () => {
    expect(splitContext("je peux pas aller chez le médecin parce que j'ai pas de voiture").context).toBe('');
    expect(splitContext("on m'a licencié parce que j'étais trop souvent à l'hôpital").context).toBe('parce que j etais trop souvent a l hopital');
  });

  it('When the person is described in a few words (« en fauteuil »), then only those words are context', () => {
    expect(splitContext("parce que je suis en fauteuil on veut pas m'embaucher")).toEqual({ main: 'parce que je suis on veut pas m embaucher', context: 'en fauteuil' });
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
