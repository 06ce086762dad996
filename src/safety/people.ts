/**
 * The people a message names (« mon fils », « l'aide à domicile », « Léo, 6 ans ») and what they are in
 * its story: a child, a partner, a parent, a relative, a carer or an institution. harm.ts reads who hurts
 * whom from them.
 */
import { squeeze } from './normalise';
import { ADULT_AFTER, CHILD_AFTER, childrenNamedByAge, saidOfThemselves } from './victimAge';

export type Role = 'child' | 'partner' | 'parent' | 'relative' | 'carer' | 'institution';
export type Person = Role | 'speaker' | 'third' | 'unknown';

/** One or two words naming a person, and what they are in the story. */
const PEOPLE: ReadonlyArray<[string, Role]> = (
  [
  ['petit fils', 'child'],
  ['petite fille', 'child'],
  ['petits enfants', 'child'],
  ['grand mere', 'relative'],
  ['grand pere', 'relative'],
  ['grands parents', 'relative'],
  ['beau pere', 'parent'],
  ['belle mere', 'parent'],
  ['personne agee', 'relative'],
  ['personnes agees', 'relative'],
  ['vieille dame', 'relative'],
  ['vieux monsieur', 'relative'],
  ['dame agee', 'relative'],
  ['femme agee', 'relative'],
  ['homme age', 'relative'],
  ['petit ami', 'partner'],
  ['petite amie', 'partner'],
  ['aide a domicile', 'carer'],
  ['aide menagere', 'carer'],
  ['aide soignant', 'carer'],
  ['aide soignante', 'carer'],
  ['maison de retraite', 'institution'],
  ['baby sitter', 'carer'],
  ['assistante maternelle', 'carer'],
  ...words('enfant enfants fils fille filles bebe bebes gamin gamine gamins gamines gosse gosses ado ados adolescent adolescente adolescents neveu niece eleve eleves mineur mineure nourrisson petit petite', 'child'),
  ...words('mari conjoint conjointe compagnon compagne copain copine mec ex concubin concubine epoux epouse', 'partner'),
  ...words('pere mere papa maman parents', 'parent'),
  ...words('dame mamie mami papi papy frere soeur oncle tante resident residente residents residentes patient patiente patients patientes cousin cousine voisine voisin gendre', 'relative'),
  ...words('entraineur entraineuse coach prof professeur professeure instituteur institutrice maitre maitresse chauffeur surveillant surveillante', 'carer'),
  ...words('auxiliaire auxiliaires aidesoignant aidesoignante soignant soignante soignants infirmier infirmiere infirmieres educateur educatrice educateurs personnel tuteur tutrice curateur curatrice nounou moniteur monitrice animateur animatrice aidante', 'carer'),
  ...words('ehpad foyer etablissement institution ime mas fam esat', 'institution'),
  ] as Array<[string, Role]>
).map(([phrase, role]) => [squeeze(phrase), role]);

const PEOPLE_BY_PHRASE: ReadonlyMap<string, Role> = new Map(PEOPLE);

function words(list: string, role: Role): Array<[string, Role]> {
  return list.split(/\s+/).filter(Boolean).map((word) => [word, role]);
}

/** « femme » is a partner only after a possessive (« ma femme », not « une femme »). */
const POSSESSIVES = new Set(['mon', 'ma', 'mes', 'son', 'sa', 'ses', 'notre', 'nos', 'leur']);

export interface Mention {
  index: number;
  /** Index of the last word of the mention. */
  end: number;
  role: Role;
  /** A young child (« ma fille de 3 ans », « le bébé »): hitting an adult is no abuse. */
  young?: boolean;
  /** The one who writes (« je suis la grand-mère de Léo »): not whom « l' », « la » stand for. */
  speaker?: boolean;
  /** A child by age or school stage (« de 6 ans », « Léo, 6 ans », « en CE1 »), not only by a word that may name an adult (« mon fils »). */
  sure?: boolean;
}

export function mentionsIn(tokens: readonly string[]): Mention[] {
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const two = `${tokens[i]} ${tokens[i + 1] ?? ''}`;
    const three = `${two} ${tokens[i + 2] ?? ''}`;
    const one = tokens[i] as string;
    const found3 = PEOPLE_BY_PHRASE.get(three);
    const found2 = PEOPLE_BY_PHRASE.get(two);
    const found1 = PEOPLE_BY_PHRASE.get(one);
    const phrase: [string, Role] | undefined = found3 ? [three, found3] : found2 ? [two, found2] : found1 ? [one, found1] : undefined;
    if (phrase) {
      const length = phrase[0].split(' ').length;
      found.push({ index: i, end: i + length - 1, role: phrase[1] });
      i += length - 1;
    } else if (one === 'feme' && POSSESSIVES.has(tokens[i - 1] ?? '')) {
      found.push({ index: i, end: i, role: 'partner' });
    }
  }
  // « mon frère de 13 ans »: a child, whatever the word.
  for (const mention of found) {
    const age = tokens.slice(mention.end + 1, mention.end + 4).join(' ');
    if (/^de (?:[1-9]|1[0-7]) ans\b/.test(age)) [mention.role, mention.sure] = ['child', true];
    else if (/^de (?:1[89]|[2-9]\d|1\d\d) ans\b/.test(age) && mention.role === 'child') mention.role = 'relative';
    if (/^de (?:[1-9]|1[01]) ans\b/.test(age) || /^(?:bebe|bebes|nourison)$/.test(tokens[mention.index] ?? '')) mention.young = true;
    // « ma fille majeure » is an adult, « mon frère en CM2 » a child (victimAge.ts).
    const after = tokens.slice(mention.end + 1, mention.end + 5).join(' ');
    if (mention.role === 'child' && ADULT_AFTER.test(after)) mention.role = 'relative';
    else if (CHILD_AFTER.test(after)) [mention.role, mention.sure] = ['child', true];
    mention.speaker = saidOfThemselves(tokens, mention.index, mention.end);
  }
  // « Léo, 6 ans », « il a 11 ans », « Inès, en CE1 »: a child named by age or school stage.
  for (const index of childrenNamedByAge(tokens)) {
    // « mon frère a 13 ans »: the person named is a child.
    const named = found.find((m) => m.index <= index && index <= m.end);
    if (named) [named.role, named.sure] = ['child', true];
    else found.push({ index, end: index, role: 'child', sure: true, young: /^(?:[1-9]|1[01])$/.test(tokens[index + 1] ?? '') || /^(?:[1-9]|1[01])$/.test(tokens[index + 2] ?? '') });
  }
  found.sort((a, b) => a.index - b.index);
  return found;
}
