/**
 * The main clause of what a caller says, apart from its context: « on veut pas m'embaucher à cause de
 * mon fauteuil » asks for work (the verb and its object); the wheelchair, told after « à cause de », is
 * why. A context clause opens with a word of cause (« parce que », « à cause de », « car »), of time or
 * contrast (« depuis », « quand », « pendant que », « alors que »), or says who the person is (« qui est… »,
 * « mais je suis… »); it runs until a new clause is joined to it (« et je… », « mais il… ») or to the end.
 * A cause that says what is missing (« parce que j'ai pas de voiture ») is the need, not its context. A
 * description in a few words (« en fauteuil ») is context wherever it is said.
 * Spoken French has no commas to say where a clause ends: a cause said first (« parce que j'étais malade
 * on m'a licencié ») is not told apart. Pure; on folded words.
 */
import { foldText } from '../domain/text';

// What opens a clause of context, as folded words (« parce qu'il » is folded « parce qu il »).
const CAUSE = ['parce que', 'parce qu', 'a cause de', 'a cause du', 'a cause des', 'a cause d', 'car', 'vu que', 'vu qu', 'puisque', 'puisqu', 'du fait de', 'du fait du'];
const TIME = ['depuis', 'quand', 'lorsque', 'lorsqu', 'pendant que', 'pendant qu', 'alors que', 'alors qu'];
/** Who the person is: « mon père qui est malade », « faire du sport mais je suis… ». */
const WHO = ['qui est', 'qui a', 'qui sont', 'qui ont', 'mais je suis', 'mais il est', 'mais elle est', 'mais on est'];
export const CONTEXT_OPENERS: readonly string[] = [...CAUSE, ...TIME, ...WHO];

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

/** Words said before an opener for what follows to be context (an opener said first begins no context). */
const MIN_MAIN_WORDS = 2;

const asWords = (phrases: readonly string[]): string[][] => phrases.map((phrase) => phrase.split(' '));
const causes = asWords(CAUSE);
const openers = asWords(CONTEXT_OPENERS);
const lacks = asWords(LACK);
/** Longest first, so that « en fauteuil roulant » is taken whole. */
const descriptions = asWords(DESCRIPTIONS).sort((a, b) => b.length - a.length);
const said = (words: readonly string[], i: number, phrase: readonly string[]): boolean => phrase.every((word, k) => words[i + k] === word);
const saysAt = (words: readonly string[], i: number, phrases: readonly string[][]): boolean => phrases.some((phrase) => said(words, i, phrase));

interface Clause {
  words: string[];
  context: boolean;
  cause: boolean;
}

/** The speech's folded words in two parts: the main clause and its context (each '' when none). */
export function splitContext(text: string): { main: string; context: string } {
  const words = foldText(text).split(' ').filter((word) => word !== '');
  // Each clause: its words and whether it is context; a new one at each opener and each joined clause.
  const clauses: Clause[] = [{ words: [], context: false, cause: false }];
  const described: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const description = descriptions.find((phrase) => said(words, i, phrase));
    if (description !== undefined) {
      described.push(...description);
      i += description.length - 1;
      continue;
    }
    const current = clauses[clauses.length - 1] as Clause;
    if (i >= MIN_MAIN_WORDS && saysAt(words, i, openers)) clauses.push({ words: [], context: true, cause: saysAt(words, i, causes) });
    else if (current.context && JOINING.has(words[i] ?? '') && SUBJECTS.has(words[i + 1] ?? '')) clauses.push({ words: [], context: false, cause: false });
    (clauses[clauses.length - 1] as Clause).words.push(words[i] ?? '');
  }
  const isContext = (clause: Clause): boolean => clause.context && !(clause.cause && clause.words.some((_, i) => saysAt(clause.words, i, lacks)));
  const join = (part: readonly Clause[]): string[] => part.flatMap((clause) => clause.words);
  return { main: join(clauses.filter((clause) => !isContext(clause))).join(' '), context: [...join(clauses.filter(isContext)), ...described].join(' ') };
}
