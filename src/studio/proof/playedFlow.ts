/**
 * The draft's call flow as the service runs it (the real machine, the real understanding of speech,
 * the real routing of the draft's territories), played without a store: nothing is sealed, saved or sent.
 */
import { initialTransition, transition } from 'xstate';
import type { AppConfig } from '../../config/appConfig';
import { createPlaces } from '../../places/places';
import { createCallMachine, type CallEvent, type CallInput, type CallMachine, type MenuStep } from '../../voice/callMachine';
import { callMachineDeps } from '../../voice/machineDeps';
import { FLOW_FILE, inFile, type FieldPointer } from './finding';

export type CallSnapshot = ReturnType<CallMachine['getInitialSnapshot']>;

/** Where a call may end well: a human (queue, number), an emergency number, a goodbye after a callback offer. */
export const GOOD_ENDS: ReadonlySet<string> = new Set(['connecting', 'dangerDial', 'callbackBooked', 'declined', 'ended']);

export const MENU_NAMES: Readonly<Record<MenuStep, string>> = {
  profile: 'Pour qui appelez-vous ?',
  needGroup: 'Le thème du besoin',
  need: 'Le besoin',
  postcode: 'Le code postal',
  chooseDepartement: 'Le choix du département',
  confirmDepartement: 'La confirmation du département',
  closedOffer: 'La proposition de rappel (service fermé)',
  callbackConfirm: 'Le numéro pour rappeler',
  callbackEntry: 'La saisie du numéro pour rappeler',
  danger: 'Le danger',
  dangerCheck: 'La question « Êtes-vous en danger ? »',
};

export function isMenu(value: string): value is MenuStep {
  return Object.hasOwn(MENU_NAMES, value);
}

/** The instants played: most territories open (a Monday afternoon in Paris), and all closed (a Sunday night). */
export const OPEN_AT = '2026-11-23T13:30:00.000Z';
export const CLOSED_AT = '2026-11-22T03:00:00.000Z';

/** A caller who gives their number, and one who hides it. */
export const CALLERS: readonly CallInput[] = [
  { callSid: 'CA-proof', caller: { sealed: 'proof', lastDigits: '00' } },
  { callSid: 'CA-proof', caller: null },
];

export interface PlayedFlow {
  machine: CallMachine;
  start(input?: CallInput): CallSnapshot;
  next(snapshot: CallSnapshot, event: CallEvent): CallSnapshot;
  /** From the start, event after event. */
  play(events: readonly CallEvent[], input?: CallInput): CallSnapshot;
}

export function playedFlow(config: AppConfig): PlayedFlow {
  const places = createPlaces({ postcodeOverrides: config.territories.national.postcodeOverrides });
  // Nothing is stored: the sealing only marks.
  const machine = createCallMachine(
    callMachineDeps(config, places, {
      sealPhoneNumber: (e164) => ({ sealed: 'proof', lastDigits: e164.slice(-2) }),
      sealEmail: () => ({ sealed: 'proof', hint: '…' }),
    }),
  );
  const start = (input: CallInput = CALLERS[0] as CallInput) => initialTransition(machine, input)[0];
  const next = (snapshot: CallSnapshot, event: CallEvent) => transition(machine, snapshot, event)[0];
  return { machine, start, next, play: (events, input) => events.reduce(next, start(input)) };
}

/** The field of flows/voice.yaml a menu comes from. */
export function menuField(config: AppConfig, step: MenuStep, needGroup: string | null = null): FieldPointer {
  switch (step) {
    case 'profile':
      return inFile(FLOW_FILE, 'profile', 'options');
    case 'needGroup':
      return inFile(FLOW_FILE, 'needs', 'groups');
    case 'need': {
      const index = config.flow.needs.groups.findIndex((group) => group.group === needGroup);
      return index < 0 ? inFile(FLOW_FILE, 'needs', 'groups') : inFile(FLOW_FILE, 'needs', 'groups', index, 'needs');
    }
    case 'postcode':
    case 'chooseDepartement':
    case 'confirmDepartement':
      return inFile(FLOW_FILE, 'postcode');
    case 'danger':
    case 'dangerCheck':
      return inFile(FLOW_FILE, 'danger');
    default:
      return inFile(FLOW_FILE, 'callback');
  }
}
