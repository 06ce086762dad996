/**
 * What a caller's input means at a menu of this flow: the option chosen, the need said in words,
 * the départements a postcode or a name points to, a yes or a no, words of danger. Shared by the
 * guards (is there an answer?) and the actions (record it), so both read an input the same way.
 *
 * An input is read once: `readingOf(event)` gives the reading of the event's digits and words, each
 * meaning worked out the first time a guard or an action asks for it and kept for the others (a
 * menu's transitions ask « danger? », « a person? », « repeat? », « slower? », then the menu's own
 * question, and its action asks again). The last readings are kept by their digits and words: the
 * chat tries a message's words at the current question before it sends them (src/chat/listening.ts),
 * and the same words come back. Every meaning is a pure function of the input (and of the menu, or
 * of the candidates asked about), so a kept reading is exactly the one a new reading would give.
 */
import { LRUCache } from 'lru-cache';
import type { DepartementCode } from '../domain/vocabulary';
import type { NeedGroupConfig } from '../flows/schema';
import type { CallContext, CallEvent, CallMachineDeps, Choice } from './callContext';
import { emailFrom, frenchPhoneNumberFrom, matchOption, postcodeFrom, universalIntent, yesOrNo, type CallerInput, type Choosable, type UniversalIntent } from './understand';

/** The digits and words of an event (nothing for the events that carry neither). */
export function inputOf(event: CallEvent): CallerInput {
  return event.type === 'INPUT' ? { digits: event.digits, speech: event.speech } : {};
}

export function viaOf(event: CallEvent): Choice['via'] {
  return event.type === 'INPUT' && event.digits ? 'dtmf' : 'speech';
}

/** The time an event happened: the machine reads no clock. */
export function nowOf(event: { at?: string }): Date {
  return event.at ? new Date(event.at) : new Date(0);
}

/** What one input means; each answer worked out once, when first asked. Treat what it returns as read-only. */
export interface InputReading {
  input: CallerInput;
  /** Words of danger in what was said (never in keys pressed). */
  danger(): ReturnType<CallMachineDeps['detectDanger']>;
  /** Maybe words of danger (the grey zone), on the phone only: the chat asks its own question. */
  check(): ReturnType<CallMachineDeps['dangerCheck']>;
  /** « a person », « repeat », « slower », valid at every menu. */
  intent(): UniversalIntent | null;
  yesOrNo(): 'yes' | 'no' | null;
  /** The option of this menu chosen (menus are the flow's own arrays, or constants). */
  option<T extends Choosable>(options: readonly T[]): T | null;
  /** A need said in words, whatever its group. */
  needSaidDirectly(): (NeedGroupConfig['needs'][number] & { group: string }) | null;
  /** The départements a postcode, a number or a name points to. */
  candidates(): readonly DepartementCode[];
  /** The one of these candidates chosen (by its number in the list, its name or its code). */
  chosenDepartement(candidates: readonly DepartementCode[]): DepartementCode | null;
  phoneNumber(): string | null;
  email(): string | null;
}

export type CallReading = ReturnType<typeof callReading>;

/** Readings kept by their digits and words (per flow): a message's words tried, then sent. */
const READINGS_KEPT = 256;
const NO_INPUT: CallerInput = {};

export function callReading({ flow, places, detectDanger, dangerCheck }: Pick<CallMachineDeps, 'flow' | 'places' | 'detectDanger' | 'dangerCheck'>) {
  const groups = flow.needs.groups;
  const allNeedOptions = groups.flatMap((group) => group.needs.map((option) => ({ ...option, group: group.group })));

  const groupOf = (context: CallContext): NeedGroupConfig | undefined => groups.find((g) => g.group === context.needGroup);

  const candidatesFrom = (input: CallerInput): DepartementCode[] => {
    const postcode = postcodeFrom(input);
    if (postcode) return [...places.departementsForPostcode(postcode)];
    const typed = input.digits?.replace(/[#*]/g, '');
    if (typed && /^\d{2,3}$/.test(typed)) {
      if (typed === '20') return ['2A', '2B'];
      return places.get(typed) ? [typed] : [];
    }
    if (input.speech) return places.findByName(input.speech).map((d) => d.code);
    return [];
  };

  const chosenFrom = (candidates: readonly DepartementCode[], input: CallerInput): DepartementCode | null => {
    const options = candidates.map((code, index) => ({
      key: String(index + 1),
      code,
      synonyms: [places.get(code)?.name ?? code, code],
    }));
    return matchOption(options, input)?.code ?? null;
  };

  function read(input: CallerInput, written = false): InputReading {
    const once = new Map<unknown, unknown>();
    const memo = <T>(key: unknown, work: () => T): T => {
      if (once.has(key)) return once.get(key) as T;
      const value = work();
      once.set(key, value);
      return value;
    };
    return {
      input,
      danger: () => memo('danger', () => (typeof input.speech === 'string' && input.speech.trim() !== '' ? detectDanger(input.speech) : null)),
      check: () => memo('check', () => (!written && typeof input.speech === 'string' && input.speech.trim() !== '' ? dangerCheck(input.speech) : null)),
      intent: () => memo('intent', () => universalIntent(flow, input)),
      yesOrNo: () => memo('yesOrNo', () => yesOrNo(input)),
      option: (options) => memo(options, () => matchOption(options, input)),
      // A need said in words at the first need menu (« je cherche un logement ») skips the second level.
      needSaidDirectly: () => memo('need', () => (input.speech ? matchOption(allNeedOptions, { speech: input.speech }) : null)),
      candidates: () => memo('candidates', () => candidatesFrom(input)),
      chosenDepartement: (candidates) => memo(`chosen:${candidates.join(',')}`, () => chosenFrom(candidates, input)),
      phoneNumber: () => memo('phone', () => frenchPhoneNumberFrom(input)),
      email: () => memo('email', () => emailFrom(input)),
    };
  }

  const kept = new LRUCache<string, InputReading, { input: CallerInput; written: boolean }>({
    max: READINGS_KEPT,
    memoMethod: (_key, _stale, { context }) => read(context.input, context.written),
  });
  /** The reading of an event's input: the same object for every guard and action of a turn. */
  const readingOf = (event: CallEvent): InputReading => {
    if (event.type !== 'INPUT') return read(NO_INPUT);
    const written = event.written === true;
    const key = `${written ? 'w' : 'v'}${event.digits ?? '\u0001'}\u0000${event.speech ?? '\u0001'}`;
    // A reading already kept is found without building the input it would be read from.
    return kept.get(key) ?? kept.memo(key, { context: { input: inputOf(event), written } });
  };

  return { groups, groupOf, readingOf };
}
