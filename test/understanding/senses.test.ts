/** « Garder » that means keep (a home, a job, an adult at home) is no child care; a child looked after is. */
import { withSenses } from '../../src/understanding/senses';
import { MENU_SENSE_SETTINGS } from '../../src/understanding/menu';
import { matchOption } from '../../src/voice/understand';
import { repoConfig } from '../support/config';

const { flow } = repoConfig();
const allNeeds = flow.needs.groups.flatMap((group) => group.needs);
const need = (speech: string) => matchOption(allNeeds, { speech })?.need ?? null;

describe('« garder » read in its sense', () => {
  it.each([
    ['je voudrais garder mon logement', 'je voudrais conserver mon logement'],
    ['garder ma mère à la maison', 'conserver ma mere a la maison'],
    ["ils m'ont pas gardé après la période d'essai", 'ils m ont pas conserver apres la periode d essai'],
    ['il risque de pas être gardé après son stage', 'il risque de pas etre conserver apres son stage'],
  ])('When « %s » keeps a thing, a job or an adult, then it is read « conserver »', (speech, read) => {
    expect(withSenses(speech)).toBe(read);
  });

  it.each([
    'faire garder mon fils de 3 ans',
    'je cherche quelqu’un pour garder mes deux enfants',
    'personne pour garder les petits',
    'il me faut quelqu’un pour le garder le soir',
    'qui peut garder le mercredi',
    'la garde de mes enfants',
    'une garde le mercredi',
    'il est gardé par sa grand-mère',
  ])('When « %s » is child care (a child, a pronoun, a time, the noun), then it is left as said', (speech) => {
    expect(withSenses(speech)).toContain('gard');
  });
});

describe('the need menu', () => {
  it.each([
    ['je voudrais garder mon logement', 'logement'],
    ['on aimerait garder notre logement social même après le décès de mon mari', 'logement'],
    ['garder mon travail malgré ma maladie', 'emploi'],
    ['est ce que je peux garder ma place au travail si je passe à mi temps', 'emploi'],
    ['il risque de pas être gardé après son stage à cause de sa maladie', 'emploi'],
  ])('When the caller says « %s », then the need is %s, not child care', (speech, expected) => {
    expect(need(speech)).toBe(expected);
  });

  it('When « garder » keeps an adult at home, then it is not child care', () => {
    expect(need('garder ma mère à la maison')).not.toBe('garde_enfant');
  });

  it.each([
    ['faire garder mon fils de 3 ans', 'garde_enfant'],
    ['la nounou veut plus garder mon fils autiste', 'garde_enfant'],
    ["il va à l'école le matin mais l'après midi personne peut le garder", 'garde_enfant'],
    ['quand il est à l’hôpital personne peut garder sa petite sœur', 'garde_enfant'],
  ])('When the caller says « %s » (benign twin), then the need is still %s', (speech, expected) => {
    expect(need(speech)).toBe(expected);
  });

  it('When senses are not read, then « garder mon logement » is child care (the fault this rule mends)', () => {
    const speech = 'je voudrais garder mon logement';
    MENU_SENSE_SETTINGS.otherSenses = false;
    try {
      expect(need(speech)).toBe('garde_enfant');
    } finally {
      MENU_SENSE_SETTINGS.otherSenses = true;
    }
  });
});
