/**
 * What a caller's input means at a menu of this flow: the option chosen, the need said in words,
 * the départements a postcode or a name points to. Pure functions shared by the guards (is there an
 * answer?) and the actions (record it), so both read an input the same way.
 */
import type { DepartementCode } from '../domain/vocabulary';
import type { NeedGroupConfig } from '../flows/schema';
import type { CallContext, CallEvent, CallMachineDeps, Choice } from './callContext';
import { matchOption, postcodeFrom, type CallerInput } from './understand';

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

export type CallReading = ReturnType<typeof callReading>;

export function callReading({ flow, places }: Pick<CallMachineDeps, 'flow' | 'places'>) {
  const groups = flow.needs.groups;
  const allNeedOptions = groups.flatMap((group) => group.needs.map((option) => ({ ...option, group: group.group })));

  const groupOf = (context: CallContext): NeedGroupConfig | undefined => groups.find((g) => g.group === context.needGroup);

  /** A need said in words at the first need menu (« je cherche un logement ») skips the second level. */
  const needSaidDirectly = (input: CallerInput) =>
    input.speech ? matchOption(allNeedOptions, { speech: input.speech }) : null;

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

  const chosenDepartement = (context: CallContext, input: CallerInput): DepartementCode | null => {
    const options = context.departementCandidates.map((code, index) => ({
      key: String(index + 1),
      code,
      synonyms: [places.get(code)?.name ?? code, code],
    }));
    return matchOption(options, input)?.code ?? null;
  };

  return { groups, groupOf, needSaidDirectly, candidatesFrom, chosenDepartement };
}
