/**
 * The main clause of what a caller says, apart from its context: « on veut pas m'embaucher à cause de
 * mon fauteuil » asks for work (the verb and its object); the wheelchair, told after « à cause de », is
 * why. A context clause opens with a word of cause (« parce que », « à cause de », « car »), of time or
 * contrast (« depuis », « quand », « pendant que », « alors que », « malgré »), or says who the person is
 * (« qui est… », « mais je suis… »); it runs until a new clause is joined to it (« et je… », « mais il… »)
 * or to the end. A cause that says what is missing (« parce que j'ai pas de voiture ») is the need, not
 * its context. A description in a few words (« en fauteuil ») is context wherever it is said.
 * A cause said first (« depuis mon accident je n'arrive plus à me laver ») ends where a new subject
 * begins (« je », « on »…: spoken French has no commas to say it), after the cause's own subject.
 * The place named after a verb of going (« je dois aller à la MDPH déposer mon dossier ») is where,
 * not what: the menus read the main clause without it first (`destinations`). Pure; on folded words.
 */
import { foldText } from '../domain/text';

// What opens a clause of context, as folded words (« parce qu'il » is folded « parce qu il »).
const CAUSE = ['parce que', 'parce qu', 'a cause de', 'a cause du', 'a cause des', 'a cause d', 'car', 'vu que', 'vu qu', 'puisque', 'puisqu', 'du fait de', 'du fait du'];
const TIME = ['depuis', 'quand', 'lorsque', 'lorsqu', 'pendant que', 'pendant qu', 'alors que', 'alors qu', 'malgre', 'meme si', 'meme s'];
/** Who the person is: « mon père qui est malade », « faire du sport mais je suis… ». */
const WHO = ['qui est', 'qui a', 'qui sont', 'qui ont', 'mais je suis', 'mais il est', 'mais elle est', 'mais on est'];
export const CONTEXT_OPENERS: readonly string[] = [...CAUSE, ...TIME, ...WHO];
/** Causes that open context only when said first (« comme je suis malade… »; « comme avant » is no cause). */
const FIRST_ONLY = ['comme', 'avec'];

/**
 * A description of the person, said as a few words inside a clause: those words alone are context
 * (« parce que je suis en fauteuil on veut pas m'embaucher »; « j'ai besoin d'un fauteuil » is the need).
 */
export const DESCRIPTIONS: readonly string[] = [
  'en fauteuil roulant',
  'en fauteuil',
  ...['mon', 'son', 'un', 'le', 'leur', 'notre'].flatMap((determiner) => [`avec ${determiner} fauteuil roulant`, `avec ${determiner} fauteuil`]),
];

/**
 * A cause that says what is missing is the need, not its context: « je peux pas aller chez le médecin
 * parce que j'ai pas de voiture » asks for a way to go there.
 */
const LACK = ['pas de', 'pas d', 'plus de', 'plus d', 'aucun', 'aucune', 'personne pour', 'rien pour', 'sans'];

/** What closes it: a new clause joined to it (« …depuis un an et j'ai peur de perdre mon poste »). */
const JOINING = new Set(['et', 'mais', 'donc', 'alors']);
const SUBJECTS = new Set(['je', 'j', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles']);
/** What begins the main clause after a cause said first: a subject (« …je ne trouve pas de travail », « …personne ne veut »). */
const MAIN_SUBJECTS = new Set([...SUBJECTS, 'personne', 'qui']);
const DETERMINERS = new Set(['le', 'la', 'l', 'les', 'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'un', 'une', 'des', 'du', 'ce', 'cet', 'cette', 'ces']);

/** Verbs of going and taking somewhere (« je vais à », « me rendre chez », « l'emmener à »), folded forms. */
const GOING = new Set([
  ...['aller', 'vais', 'vas', 'va', 'allons', 'allez', 'vont', 'aille', 'ailles', 'aillent', 'allait', 'allais', 'allaient', 'alle', 'allee', 'alles', 'allees'],
  ...['irai', 'iras', 'ira', 'irons', 'irez', 'iront', 'irais', 'irait', 'iraient'],
  ...['rendre', 'rends', 'rend', 'rendons', 'rendez', 'rendent'],
  ...['emmener', 'emmene', 'emmenes', 'emmenent', 'emmenez', 'amener', 'amene', 'amenes', 'amenent', 'amenez', 'ramener', 'ramene', 'conduire', 'conduis', 'conduit'],
]);
/** What names the destination after it: « à la », « au », « chez le »… (not « en »: « en bus » is how). */
const TOWARDS = [['a'], ['au'], ['aux'], ['chez'], ['jusqu', 'a'], ['jusqu', 'au']];
/** « à pied », « à vélo »: how, not where. */
const MEANS = new Set(['pied', 'pieds', 'velo', 'moto', 'cheval', 'trottinette']);
/** A place's complement: « au centre de dialyse », « à l'hôpital de jour ». */
const OF = new Set(['de', 'du', 'des', 'd']);

/** Words said before an opener for what follows to be context (an opener said first begins no context). */
const MIN_MAIN_WORDS = 2;

const asWords = (phrases: readonly string[]): string[][] => phrases.map((phrase) => phrase.split(' '));
const causes = asWords(CAUSE);
const openers = asWords(CONTEXT_OPENERS);
const firstOpeners = asWords([...CAUSE, ...TIME, ...FIRST_ONLY]).sort((a, b) => b.length - a.length);
const lacks = asWords(LACK);
/** Longest first, so that « en fauteuil roulant » is taken whole. */
const descriptions = asWords(DESCRIPTIONS).sort((a, b) => b.length - a.length);
const said = (words: readonly string[], i: number, phrase: readonly string[]): boolean => phrase.every((word, k) => words[i + k] === word);
const saysAt = (words: readonly string[], i: number, phrases: readonly string[][]): boolean => phrases.some((phrase) => said(words, i, phrase));

/** How many words the destination after a verb of going at `i` takes (« à l'hôpital de jour »: 5), 0 when none. */
function destinationAt(words: readonly string[], i: number): number {
  if (!GOING.has(words[i] ?? '')) return 0;
  const towards = TOWARDS.find((phrase) => said(words, i + 1, phrase));
  if (towards === undefined) return 0;
  let end = i + 1 + towards.length;
  // A noun group: its determiners, one noun, and one complement (« du kiné », « de jour »).
  const nounGroup = (from: number): number => {
    let k = from;
    while (DETERMINERS.has(words[k] ?? '')) k++;
    return k < words.length && !MEANS.has(words[k] ?? '') && !SUBJECTS.has(words[k] ?? '') ? k + 1 : from;
  };
  const noun = nounGroup(end);
  if (noun === end) return 0;
  end = noun;
  if (OF.has(words[end] ?? '')) end = Math.max(end, nounGroup(end + 1));
  return end - i - 1;
}

interface Clause {
  /** Its words; a place gone to (« à la MDPH » after « aller ») is marked. */
  words: Array<{ word: string; place: boolean }>;
  context: boolean;
  cause: boolean;
  /** A cause said first: where its own subject stands, and whether it is a clause (« parce que… ») or a noun (« depuis mon accident »). */
  first?: { subject: 'open' | 'determiner' | 'noun' | 'said'; clause: boolean };
}

/** Openers said first whose last word begins a clause with its own subject (« parce que je… », « quand il… »). */
const CLAUSE_WORDS = new Set(['que', 'qu', 'quand', 'lorsque', 'lorsqu', 'car', 'comme', 'puisque', 'puisqu', 'si', 's']);

/**
 * Whether `word` begins the main clause after a cause said first: a subject said after the cause's own
 * (its pronoun, or its noun group and the pronoun that repeats it: « parce que mon fils il… »).
 */
function beginsMain(first: NonNullable<Clause['first']>, word: string): boolean {
  switch (first.subject) {
    case 'open':
      if (word === 'que' || word === 'qu') first.clause = true;
      else if (DETERMINERS.has(word)) first.subject = 'determiner';
      else if (SUBJECTS.has(word) && !first.clause) return true;
      else first.subject = 'said';
      return false;
    case 'determiner':
      if (!DETERMINERS.has(word)) first.subject = 'noun';
      return false;
    case 'noun':
      if (OF.has(word)) first.subject = 'determiner';
      else if (SUBJECTS.has(word) && !first.clause) return true;
      else first.subject = 'said';
      return false;
    case 'said':
      return MAIN_SUBJECTS.has(word);
  }
}

export interface SplitSpeech {
  /** The main clause, without the places gone to. */
  main: string;
  context: string;
  /** The places gone to in the main clause (« a la mdph »). */
  destinations: string;
  /** The main clause with them, as said. */
  mainWithDestinations: string;
}

/** The speech's folded words: the main clause, its context, the places gone to (each '' when none). */
export function splitContext(text: string): SplitSpeech {
  const words = foldText(text).split(' ').filter((word) => word !== '');
  // Each clause: its words and whether it is context; a new one at each opener and each joined clause.
  const clauses: Clause[] = [{ words: [], context: false, cause: false }];
  const described: string[] = [];
  const push = (from: number, count: number, place: boolean): void => {
    (clauses[clauses.length - 1] as Clause).words.push(...words.slice(from, from + count).map((word) => ({ word, place })));
  };
  for (let i = 0; i < words.length; i++) {
    const description = descriptions.find((phrase) => said(words, i, phrase));
    if (description !== undefined) {
      described.push(...description);
      i += description.length - 1;
      continue;
    }
    const current = clauses[clauses.length - 1] as Clause;
    const word = words[i] ?? '';
    const firstOpener = i < MIN_MAIN_WORDS && current.words.length === i && !current.context ? firstOpeners.find((phrase) => said(words, i, phrase)) : undefined;
    if (firstOpener !== undefined) {
      const clause = CLAUSE_WORDS.has(firstOpener[firstOpener.length - 1] ?? '');
      clauses.push({ words: [], context: true, cause: saysAt(words, i, causes) || FIRST_ONLY.includes(word), first: { subject: 'open', clause } });
      push(i, firstOpener.length, false);
      i += firstOpener.length - 1;
      continue;
    }
    if (current.first !== undefined && beginsMain(current.first, word)) clauses.push({ words: [], context: false, cause: false });
    else if (i >= MIN_MAIN_WORDS && saysAt(words, i, openers)) clauses.push({ words: [], context: true, cause: saysAt(words, i, causes) });
    else if (current.context && JOINING.has(word) && SUBJECTS.has(words[i + 1] ?? '')) clauses.push({ words: [], context: false, cause: false });
    push(i, 1, false);
    const destination = destinationAt(words, i);
    if (destination > 0) {
      push(i + 1, destination, true);
      i += destination;
    }
  }
  const isContext = (clause: Clause): boolean => clause.context && !(clause.cause && clause.words.some((_, i) => saysAt(clause.words.map(({ word }) => word), i, lacks)));
  const main = clauses.filter((clause) => !isContext(clause)).flatMap((clause) => clause.words);
  return {
    main: main.filter(({ place }) => !place).map(({ word }) => word).join(' '),
    context: [...clauses.filter(isContext).flatMap((clause) => clause.words.map(({ word }) => word)), ...described].join(' '),
    destinations: main.filter(({ place }) => place).map(({ word }) => word).join(' '),
    mainWithDestinations: main.map(({ word }) => word).join(' '),
  };
}
