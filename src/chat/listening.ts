/**
 * What a free-text chat message says, at the question the conversation is on: which words answer
 * that question (if any), what the person asks (and which FAQ entry answers it), whether it was only
 * a greeting or thanks, or written in another language. Pure: the flow and the FAQ are asked
 * through the two small functions handed in; ChatTurns acts on the result.
 *
 * A part of the message answers the question only when it is short and the flow understands it, or
 * when it only tells (« je m'occupe de ma mère ») or asks for help with it (« ma mère a besoin de la
 * PCH »: the profile AND the question). A question (« c'est quoi l'AAH ? », « ma mère a-t-elle
 * droit à l'APA ? ») is answered, never taken as a menu choice; asking for a human always is one.
 */
import type { ChatKnowledge } from './ports';
import type { LanguageGuesser } from './language';
import { clausesOf, firstRun, kindOfClause, withoutCourtesy, wordsOf, type ClauseKind, type Courtesy } from './reading';
import { QUANTITY_UNITS } from '../places/places';

/** What the flow does with some words at its current question. */
export type MenuReaction = 'moves' | 'human' | 'repeat' | 'nothing';

export interface ListeningDeps {
  /** The flow's reaction to these words at the current question (nothing is changed). */
  react(words: string): MenuReaction;
  /** Look for the answer inside longer clauses (a place, a phone number), not only in whole ones. */
  looksInside: boolean;
  knowledge: Pick<ChatKnowledge, 'match'>;
  language: LanguageGuesser;
}

export interface Listening {
  courtesy: Courtesy;
  /** The message is in this other language (ISO 639-1): nothing else was read. */
  otherLanguage: string | null;
  /** The words the flow takes as the answer to its question, or null. */
  menuInput: string | null;
  /** The FAQ entry that answers what the person asked, or null. */
  answerId: string | null;
  /** The person asked something (a question or a request), answered or not. */
  asked: boolean;
  /** « Pardon ? », « répétez »: the question again. */
  repeat: boolean;
  /** The closest FAQ entries when nothing answers; with an answer, the other entry the message is about, if any. */
  suggestions: Array<{ id: string; title: string }>;
}

/** Words a menu answer hides in at most (« Alpes de Haute Provence », « 06 12 34 56 78 »). */
const LONGEST_ANSWER_WORDS = 5;
/** A clause this short that the flow understands is an answer (« ma mère », « pour mon fils »). */
const SHORT_WORDS = 3;
/** Clauses longer than this are not searched word by word. */
const SEARCHED_CLAUSE_WORDS = 40;
/** A long message is read in this many parts at most: its beginning and its end. */
const MOST_CLAUSES = 40;
/** The FAQ reads a text this long at once; longer, it reads the questions one by one. */
const WHOLE_QUESTION_CHARS = 1500;
/** Past this, a message is a story: its questions are read before the whole. */
const LONG_MESSAGE_CHARS = 400;
/** Questions looked up one by one at most. */
const MOST_QUESTIONS = 8;

interface Clause {
  text: string;
  kind: ClauseKind;
  /** The words the flow takes from this clause, or null. */
  menuInput: string | null;
  human: boolean;
  /**
   * The clause without the words the flow took: what is left to answer. Worked out when first asked
   * (finding those words tries the clause's runs at the question), which a message answered whole never does.
   */
  rest(): string;
}

function once(work: () => string): () => string {
  let value: string | undefined;
  return () => (value ??= work());
}

/** A rest already known. */
const known = (value: string) => (): string => value;

export function listen(text: string, deps: ListeningDeps): Listening {
  const courtesy = withoutCourtesy(text);
  const nothing: Listening = { courtesy, otherLanguage: null, menuInput: null, answerId: null, asked: false, repeat: false, suggestions: [] };
  if (courtesy.rest === '') return nothing;

  const otherLanguage = deps.language.otherLanguageOf(courtesy.rest);
  if (otherLanguage) return { ...nothing, otherLanguage };
  const whole = deps.react(courtesy.rest);

  const clauses = readClauses(courtesy.rest, deps);
  const answering = clauses.filter((clause) => clause.menuInput !== null && (clause.human || clause.kind !== 'question'));
  const menuInput = joinedMenuInput(answering, deps);

  // What is left to answer: questions and requests first-class, what only tells as context.
  const asking = clauses.filter((clause) => clause.kind !== 'statement' && !clause.human);
  // A short answer (« je suis aidante ») leaves nothing to answer; a longer clause may say what it is about.
  // Asking for a human is not a question to answer.
  const leftOver = clauses.filter(
    (clause) => !clause.human && !(clause.menuInput !== null && clause.kind === 'statement' && wordsOf(clause.text).length <= SHORT_WORDS),
  );
  const found = answerTo(leftOver.map((clause) => clause.text), asking, deps);
  const repeat = menuInput === null && found.answerId === null && whole === 'repeat';
  return { ...nothing, menuInput, answerId: found.answerId, asked: asking.length > 0, repeat, suggestions: found.suggestions };
}

function readClauses(text: string, deps: ListeningDeps): Clause[] {
  const all = clausesOf(text);
  const kept = all.length <= MOST_CLAUSES ? all : [...all.slice(0, MOST_CLAUSES / 2), ...all.slice(-MOST_CLAUSES / 2)];
  return kept.map((clause) => readClause(clause, deps));
}

function readClause(text: string, deps: ListeningDeps): Clause {
  const kind = kindOfClause(text);
  const words = wordsOf(text);
  const reaction = deps.react(text);
  const searchable = words.length <= SEARCHED_CLAUSE_WORDS;
  if (reaction === 'moves' || reaction === 'human') {
    // The words that made the flow move, to leave them out of the question (« ma mère » in « ma mère a besoin de la PCH »).
    const rest = once(() => {
      const cue = searchable ? firstRun(words, LONGEST_ANSWER_WORDS, (run) => deps.react(run.text) === reaction) : undefined;
      return cue ? [...words.slice(0, cue.start), ...words.slice(cue.end)].join(' ') : '';
    });
    // « Comment parler à quelqu'un de la MDPH ? » asks about the MDPH: a question the FAQ answers without the words for a human.
    if (reaction === 'human' && kind === 'question' && rest() !== '' && deps.knowledge.match(rest()).kind === 'answer') {
      return { text, kind, menuInput: null, human: false, rest };
    }
    return { text, kind, menuInput: text, human: reaction === 'human', rest };
  }
  if (deps.looksInside && searchable) {
    const inside = firstRun(words, LONGEST_ANSWER_WORDS, (run) => !isSmallNumber(run.text, text) && deps.react(run.text) === 'moves');
    if (inside) return { text, kind, menuInput: inside.text, human: false, rest: known([...words.slice(0, inside.start), ...words.slice(inside.end)].join(' ')) };
  }
  return { text, kind, menuInput: null, human: false, rest: known(text) };
}

/**
 * « j'ai 44 ans »: a number of one to three digits inside a sentence is not a département, alone or
 * in a run (« a 12 ») when the sentence gives it a unit (« 12 ans »).
 */
function isSmallNumber(run: string, clause: string): boolean {
  if (run === clause) return false;
  if (/^\d{1,3}$/.test(run.trim())) return true;
  const clauseWords = wordsOf(clause).map((word) => word.toLowerCase());
  return wordsOf(run).some((word) => /^\d{1,3}$/.test(word) && clauseWords.some((w, i) => w === word && QUANTITY_UNITS.has(clauseWords[i + 1] ?? '')));
}

/** The answering clauses together, as long as the flow still understands them so; else the first one. */
function joinedMenuInput(answering: readonly Clause[], deps: ListeningDeps): string | null {
  const human = answering.find((clause) => clause.human);
  if (human) return human.menuInput;
  const inputs = answering.flatMap((clause) => (clause.menuInput === null ? [] : [clause.menuInput]));
  if (inputs.length <= 1) return inputs[0] ?? null;
  const joined = inputs.join('. ');
  return deps.react(joined) === 'moves' ? joined : (inputs[0] ?? null);
}

/** The FAQ entry for what is left, read at once; else each question or request on its own. */
function answerTo(parts: readonly string[], asking: readonly Clause[], deps: ListeningDeps): Pick<Listening, 'answerId' | 'suggestions'> {
  const all = parts.join('. ');
  let suggestions: Listening['suggestions'] = [];
  let offered: Listening['suggestions'] = [];
  const whole = (): string | null => {
    if (all === '' || all.length > WHOLE_QUESTION_CHARS) return null;
    const match = deps.knowledge.match(all);
    if (match.kind === 'answer') {
      offered = match.also ? [match.also] : [];
      return match.entryId;
    }
    suggestions = match.suggestions;
    return null;
  };
  const oneByOne = (): string | null => {
    const questions = asking.flatMap((clause) => {
      const rest = clause.rest();
      return rest !== '' && rest !== clause.text ? [clause.text, rest] : [clause.text];
    });
    // The last questions first: in a long story, the question is usually at the end.
    for (const question of questions.filter((text) => text.length <= WHOLE_QUESTION_CHARS).slice(-MOST_QUESTIONS).reverse()) {
      const match = deps.knowledge.match(question);
      if (match.kind === 'answer') {
        offered = match.also ? [match.also] : [];
        return match.entryId;
      }
      if (suggestions.length === 0) suggestions = match.suggestions;
    }
    return null;
  };
  // A short message is read whole (its context helps); a long story is read question by question
  // first, so that what it tells at length does not outweigh what it asks.
  const answerId = all.length <= LONG_MESSAGE_CHARS ? (whole() ?? oneByOne()) : (oneByOne() ?? whole());
  return { answerId, suggestions: answerId === null ? suggestions : offered };
}
