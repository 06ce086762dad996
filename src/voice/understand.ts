/**
 * What a caller meant, from the keys they pressed or the words they said. Pure functions.
 * Speech is read by the service's one understanding (src/understanding, the same as the chat's
 * FAQ): French stems, so « je n'arrive plus à me laver » says « se laver »; the longest synonym said
 * wins; at the profile and need menus, a sentence with the words of one option chooses it, and so
 * do the examples of content/fr/phone-examples.yaml (« il faut quelqu'un pour l'emmener chez le
 * médecin » → deplacements; « une personne s'il vous plaît » → a human).
 */
import { foldText } from '../domain/text';
import type { VoiceFlow } from '../flows/schema';
import { frenchAnalyser, type Analyser } from '../understanding/analyse';
import { createExampleIndex, type ExampleIndex } from '../understanding/examples';
import { createMenuMatcher, type MenuMatcher } from '../understanding/menu';
import { shippedPhoneExamples } from '../understanding/phoneExamples';
import { digitsFromWords } from '../understanding/numbers';

export interface CallerInput {
  digits?: string;
  speech?: string;
}

export type UniversalIntent = 'human' | 'repeat' | 'slower';

export interface Choosable {
  key: string;
  synonyms: readonly string[];
  /** A need option (its examples are the need's), a profile option, or a group of needs. */
  need?: string;
  profile?: string;
  needs?: ReadonlyArray<{ need: string }>;
}

/** Speech and synonyms are compared folded (no accents, capitals or punctuation). */
export const normaliseSpeech = foldText;

export interface MatchSettings {
  /** A sentence with the words of one option chooses it (profile, needs); off: only a synonym said whole. */
  freeSpeech: boolean;
  /** Synonyms said word for word as written, not as stems (« conseil départemental » is no « conseiller »). */
  exactWords?: boolean;
}

/** Folded words, unstemmed. */
const foldedWords = (text: string): string[] => foldText(text).split(' ').filter((word) => word !== '');
const SAID_WORDS: Analyser = { terms: foldedWords, allTerms: foldedWords, stem: (word) => word };

// Menus are the flow's own arrays (and a few constants): their matchers are built once.
const matchers = new WeakMap<readonly Choosable[], { free?: MenuMatcher<Choosable>; strict?: MenuMatcher<Choosable>; exact?: MenuMatcher<Choosable> }>();

function menuMatcher<T extends Choosable>(options: readonly T[], settings: MatchSettings): MenuMatcher<T> {
  const cached = matchers.get(options) ?? {};
  matchers.set(options, cached);
  const slot = settings.exactWords === true ? 'exact' : settings.freeSpeech ? 'free' : 'strict';
  const analyser = settings.exactWords === true ? SAID_WORDS : frenchAnalyser();
  const matcher = (cached[slot] ??= createMenuMatcher<Choosable>(options, analyser, { freeSpeech: settings.freeSpeech && settings.exactWords !== true, examplesOf, elsewhere: shippedPhoneExamples().human }));
  return matcher as MenuMatcher<T>;
}

/** The examples of content/fr/phone-examples.yaml for an option: its need's, its profile's, or its needs'. */
function examplesOf(option: Choosable): readonly string[] {
  const { needs, profiles } = shippedPhoneExamples();
  const ofNeed = (need: string): readonly string[] => needs[need as keyof typeof needs] ?? [];
  if (option.need !== undefined) return ofNeed(option.need);
  if (option.profile !== undefined) return profiles[option.profile as keyof typeof profiles] ?? [];
  return (option.needs ?? []).flatMap(({ need }) => ofNeed(need));
}

/** What callers say to reach a person, against what they say of their needs and of who they are. */
let humanVote: ExampleIndex | undefined;
function asksForPerson(speech: string): boolean {
  const { needs, profiles, human } = shippedPhoneExamples();
  humanVote ??= createExampleIndex(
    [
      ...human.map((text) => ({ label: 'human', text })),
      ...Object.values({ ...needs, ...profiles }).flatMap((texts) => (texts ?? []).map((text) => ({ label: 'other', text }))),
    ],
    frenchAnalyser(),
    { words: 'all' },
  );
  const vote = humanVote.vote(speech);
  return vote.ranked[0]?.label === 'human' && vote.share >= HUMAN_BY_EXAMPLES.share && vote.coverage >= HUMAN_BY_EXAMPLES.coverage;
}

/** When the examples say a caller asks for a person (the examples must agree and say most of the speech). */
export const HUMAN_BY_EXAMPLES = { share: 0.8, coverage: 0.7 };

/** The option whose key was pressed, or that the caller said (see src/understanding/menu.ts). */
export function matchOption<T extends Choosable>(options: readonly T[], input: CallerInput, settings: MatchSettings = { freeSpeech: true }): T | null {
  const digits = input.digits?.trim();
  if (digits) return options.find((option) => option.key === digits) ?? null;
  const speech = input.speech ?? '';
  if (foldText(speech) === '') return null;
  return menuMatcher(options, settings).choose(speech);
}

const universalOptions = new WeakMap<VoiceFlow, ReadonlyArray<Choosable & { intent: UniversalIntent }>>();

/**
 * 0 / « conseiller », * / « répéter », 9 / « plus lentement »: valid at every menu; only said whole, word
 * for word (« je travaille au conseil départemental » is no « conseiller »; the examples may still say « a person »).
 * « Pardon » inside a yes or a no (« non pardon oui ») corrects the answer: no repeat.
 */
export function universalIntent(flow: VoiceFlow, input: CallerInput): UniversalIntent | null {
  let options = universalOptions.get(flow);
  if (options === undefined) {
    options = (['human', 'repeat', 'slower'] as const).map((intent) => ({ intent, ...flow.universal[intent] }));
    universalOptions.set(flow, options);
  }
  const intent = matchOption(options, input, { freeSpeech: false, exactWords: true })?.intent ?? null;
  // « non pardon, oui »: a caller who corrects an answer does not ask to hear the menu again.
  if ((intent === 'repeat' || intent === 'slower') && input.speech !== undefined && yesOrNo(input) !== null) return null;
  if (intent !== null || input.speech === undefined || foldText(input.speech) === '') return intent;
  // A yes or a no (« non merci, pas besoin de quelqu'un ») answers the question; else the examples may say « a person ».
  return yesOrNo(input) === null && asksForPerson(input.speech) ? 'human' : null;
}

export const YES_NO_OPTIONS = [
  { key: '1', answer: 'yes', synonyms: ['oui', 'ouais', 'ouai', 'ouaip', 'c est ca', 'c est juste', 'exact', 'exactement', 'd accord', 'tout a fait', 'bien sur', 'absolument', 'c est bon', 'ok', 'volontiers', 'correct', 'c est correct', 'parfait', 'affirmatif', 'je veux bien', 'avec plaisir', 'c est le bon', 'voila', 'c est exact', 'c est bien ca', 'c est bien le bon', 'oui merci'] },
  { key: '2', answer: 'no', synonyms: ['non', 'nan', 'nope', 'pas ca', 'c est pas ca', 'ce n est pas ca', 'faux', 'c est faux', 'erreur', 'corriger', 'autre', 'un autre', 'non merci', 'pas du tout', 'pas correct', 'c est pas correct', 'ce n est pas correct', 'negatif', 'pas le bon', 'c est pas le bon', 'ce n est pas le bon', 'pas la peine', 'je ne veux pas', 'pas besoin', 'pas mon numero', 'un autre numero', 'changer', 'c est une erreur', 'pas du tout ca', 'ce n est pas ca du tout', 'pas maintenant', 'plus tard', 'une autre fois'] },
] as const;

/** Words a caller corrects themself with: « oui enfin non », « non pardon oui ». */
const CORRECTION = /\b(?:enfin|pardon|plutot|je veux dire|attendez|attends)\b/;

/** Yes or no, from a key or the words; a caller who corrects themself means the last answer said. */
export function yesOrNo(input: CallerInput): 'yes' | 'no' | null {
  const answer = (speech: string | undefined) => matchOption(YES_NO_OPTIONS, { ...input, speech }, { freeSpeech: false })?.answer ?? null;
  if (input.digits?.trim() || input.speech === undefined) return answer(input.speech);
  const parts = foldText(input.speech).split(CORRECTION);
  for (const part of parts.reverse()) {
    const said = answer(part);
    if (said !== null) return said;
  }
  return null;
}

/** Five digits from keys or speech (« 44 000 », « 44000 », « c'est le 44000 à Nantes »), else null. */
export function postcodeFrom(input: CallerInput): string | null {
  const raw = (input.digits ?? input.speech ?? '').replace(/[\s.\-]/g, '');
  if (/^\d{5}$/.test(raw)) return raw;
  if (input.digits !== undefined && input.digits !== '') return null;
  const said = /(?<![\d])(\d{2})[\s.]?(\d{3})(?![\d])/.exec(digitsFromWords(input.speech ?? ''));
  return said ? `${said[1]}${said[2]}` : null;
}

/** Overseas départements have their own country codes (0590… in Guadeloupe is +590 590…). */
const OVERSEAS_PREFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^0(590|690|691)/, '+590'],
  [/^0(596|696|697)/, '+596'],
  [/^0(594|694)/, '+594'],
  [/^0(262|263|692|693|269|639)/, '+262'],
];

/** A French phone number typed or said (10 digits starting with 0, or +33…), as E.164; else null. */
export function frenchPhoneNumberFrom(input: CallerInput): string | null {
  const raw = (input.digits ?? input.speech ?? '').replace(/[\s.\-#]/g, '');
  if (/^0[1-9]\d{8}$/.test(raw)) {
    const overseas = OVERSEAS_PREFIXES.find(([prefix]) => prefix.test(raw));
    return `${overseas ? overseas[1] : '+33'}${raw.slice(1)}`;
  }
  if (/^\+33[1-9]\d{8}$/.test(raw)) return raw;
  if (/^0033[1-9]\d{8}$/.test(raw)) return `+${raw.slice(2)}`;
  return null;
}

/** An e-mail address written in a message (chat), lower-cased; else null. */
export function emailFrom(input: CallerInput): string | null {
  const match = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}/.exec(input.speech ?? '');
  return match ? match[0].toLowerCase() : null;
}
