/**
 * What a caller meant, from the keys they pressed or the words they said. Pure functions.
 * Speech is read by the service's one understanding (src/understanding, the same as the chat's
 * FAQ): French stems, so « je n'arrive plus à me laver » says « se laver »; the longest synonym said
 * wins; at the profile and need menus, a sentence with the words of one option chooses it.
 */
import { foldText } from '../domain/text';
import type { VoiceFlow } from '../flows/schema';
import { frenchAnalyser } from '../understanding/analyse';
import { createMenuMatcher, type MenuMatcher } from '../understanding/menu';
import { digitsFromWords } from '../understanding/numbers';

export interface CallerInput {
  digits?: string;
  speech?: string;
}

export type UniversalIntent = 'human' | 'repeat' | 'slower';

export interface Choosable {
  key: string;
  synonyms: readonly string[];
}

/** Speech and synonyms are compared folded (no accents, capitals or punctuation). */
export const normaliseSpeech = foldText;

export interface MatchSettings {
  /** A sentence with the words of one option chooses it (profile, needs); off: only a synonym said whole. */
  freeSpeech: boolean;
}

// Menus are the flow's own arrays (and a few constants): their matchers are built once.
const matchers = new WeakMap<readonly Choosable[], { free?: MenuMatcher<Choosable>; strict?: MenuMatcher<Choosable> }>();

function menuMatcher<T extends Choosable>(options: readonly T[], settings: MatchSettings): MenuMatcher<T> {
  const cached = matchers.get(options) ?? {};
  matchers.set(options, cached);
  const slot = settings.freeSpeech ? 'free' : 'strict';
  const matcher = (cached[slot] ??= createMenuMatcher<Choosable>(options, frenchAnalyser(), settings));
  return matcher as MenuMatcher<T>;
}

/** The option whose key was pressed, or that the caller said (see src/understanding/menu.ts). */
export function matchOption<T extends Choosable>(options: readonly T[], input: CallerInput, settings: MatchSettings = { freeSpeech: true }): T | null {
  const digits = input.digits?.trim();
  if (digits) return options.find((option) => option.key === digits) ?? null;
  const speech = input.speech ?? '';
  if (foldText(speech) === '') return null;
  return menuMatcher(options, settings).choose(speech);
}

const universalOptions = new WeakMap<VoiceFlow, ReadonlyArray<Choosable & { intent: UniversalIntent }>>();

/** 0 / « conseiller », * / « répéter », 9 / « plus lentement »: valid at every menu; only said whole. */
export function universalIntent(flow: VoiceFlow, input: CallerInput): UniversalIntent | null {
  let options = universalOptions.get(flow);
  if (options === undefined) {
    options = (['human', 'repeat', 'slower'] as const).map((intent) => ({ intent, ...flow.universal[intent] }));
    universalOptions.set(flow, options);
  }
  return matchOption(options, input, { freeSpeech: false })?.intent ?? null;
}

export const YES_NO_OPTIONS = [
  { key: '1', answer: 'yes', synonyms: ['oui', 'ouais', 'ouai', 'ouaip', 'c est ca', 'c est juste', 'exact', 'exactement', 'd accord', 'tout a fait', 'bien sur', 'absolument', 'c est bon', 'ok', 'volontiers', 'correct', 'c est correct', 'parfait', 'affirmatif', 'je veux bien', 'avec plaisir', 'c est le bon', 'voila', 'c est exact', 'c est bien ca', 'c est bien le bon', 'oui merci'] },
  { key: '2', answer: 'no', synonyms: ['non', 'nan', 'nope', 'pas ca', 'c est pas ca', 'ce n est pas ca', 'faux', 'c est faux', 'erreur', 'corriger', 'autre', 'un autre', 'non merci', 'pas du tout', 'pas correct', 'c est pas correct', 'ce n est pas correct', 'negatif', 'pas le bon', 'c est pas le bon', 'ce n est pas le bon', 'pas la peine', 'je ne veux pas', 'pas besoin', 'pas mon numero', 'un autre numero', 'changer', 'c est une erreur', 'pas du tout ca', 'ce n est pas ca du tout'] },
] as const;

export function yesOrNo(input: CallerInput): 'yes' | 'no' | null {
  return matchOption(YES_NO_OPTIONS, input, { freeSpeech: false })?.answer ?? null;
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
