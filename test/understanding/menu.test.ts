/** The phone menus choose through the same understanding as the FAQ. */
import { repoConfig } from '../support/config';
import { matchOption, universalIntent, yesOrNo } from '../../src/voice/understand';

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
  ])('When the caller says « %s », then the answer is %s', (speech, expected) => {
    expect(yesOrNo({ speech })).toBe(expected);
  });

  it('When the caller asks for a person, then a human is reached; a need that mentions someone is not a request for a human', () => {
    expect(universalIntent(flow, { speech: 'je voudrais parler à un conseiller' })).toBe('human');
    expect(universalIntent(flow, { speech: "quelqu'un pour garder les enfants pendant que je travaille" })).toBeNull();
  });
});
