/**
 * What the call machine knows and hears: its context (plain JSON, stored between webhooks), the
 * events of a turn, the input of a new call, and the pure functions it is handed (`CallMachineDeps`).
 * No xstate here: the storage, the renderer and the chat read these types without the machine.
 */
import type { Departement } from '../domain/ports';
import type { DangerKind, DepartementCode, NeedId, Priority, Profile } from '../domain/vocabulary';
import type { VoiceFlow } from '../flows/schema';
import type { RouteDecision, Target } from '../routing/types';

export interface SealedNumber {
  sealed: string;
  lastDigits: string;
}

export interface SealedEmail {
  sealed: string;
  /** A masked form to show, e.g. « j…@exemple.fr ». */
  hint: string;
}

export interface PlaceFinder {
  departementsForPostcode(postcode: string): readonly DepartementCode[];
  get(code: DepartementCode): Departement | undefined;
  /** Départements named in free speech (« Loire-Atlantique », « le 44 »). */
  findByName(text: string): readonly Departement[];
}

export interface CallMachineDeps {
  flow: VoiceFlow;
  places: PlaceFinder;
  decideRoute(departement: DepartementCode | null, now: Date): RouteDecision;
  sealPhoneNumber(e164: string): SealedNumber;
  sealEmail(email: string): SealedEmail;
  ticketRefFor(departement: DepartementCode | null, callSid: string): string;
  /** Words of danger in what the caller said (src/safety/detect.ts), or null. Checked before anything else. */
  detectDanger(text: string): { kind: DangerKind } | null;
  /** The grey zone (src/safety/detect.ts: some evidence of danger, no emergency): the kind to ask about, or null. */
  dangerCheck(text: string): { kind: DangerKind } | null;
  /** The number to put a caller through to for a kind of danger (content/fr/safety.yaml). */
  dangerNumber(kind: DangerKind): string;
}

export interface CallInput {
  callSid: string;
  /** The caller's number, already sealed by the edge; null when withheld. */
  caller: SealedNumber | null;
}

export type MenuStep =
  | 'profile'
  | 'needGroup'
  | 'need'
  | 'postcode'
  | 'chooseDepartement'
  | 'confirmDepartement'
  | 'closedOffer'
  | 'callbackConfirm'
  | 'callbackEntry'
  /** Words of danger were heard: the number now (1), or an advisor as a priority (2). */
  | 'danger'
  /** Maybe words of danger: the number said, then « Êtes-vous en danger maintenant ? Dites oui ou non. » */
  | 'dangerCheck';

export type TransferReason = 'asked' | 'retries' | 'routed' | 'closedFallback' | 'crisis' | 'queueProblem' | 'danger';

export interface Connection {
  target: Target;
  /** Who answers: the territory's CERCLE, the national fallback, or the crisis target. */
  scope: 'territory' | 'national' | 'crisis';
  reason: TransferReason;
  callbackOfferAfterSeconds: number;
  crisisMessage?: string;
}

export interface Choice {
  step: MenuStep;
  value: string;
  via: 'dtmf' | 'speech';
}

export type CallOutcome = 'abandoned_in_menu' | 'abandoned_in_queue' | 'connected' | 'callback_booked' | 'declined';

export interface CallContext {
  callSid: string;
  caller: SealedNumber | null;
  slow: boolean;
  /** Failed tries at the current menu. */
  attempts: number;
  lastProblem: 'noInput' | 'invalid' | null;
  notice: 'slower' | 'dialFailed' | null;
  profile: Profile | null;
  needGroup: string | null;
  need: NeedId | null;
  priority: Priority;
  departementCandidates: DepartementCode[];
  departement: DepartementCode | null;
  choices: Choice[];
  route: RouteDecision | null;
  connection: Connection | null;
  ticketRef: string | null;
  callbackNumber: SealedNumber | null;
  /** From the chat: an e-mail address instead of a number. */
  callbackEmail: SealedEmail | null;
  bridged: boolean;
  /** Words of danger were heard: their kind (absent in calls stored before this existed). */
  danger?: DangerKind | null;
  /** The number offered for that danger. */
  dangerNumber?: string | null;
  /** Maybe words of danger: the kind asked about (« Êtes-vous en danger maintenant ? »), and the menu to go back to on « non ». */
  dangerCheck?: { kind: DangerKind; from: MenuStep } | null;
}

/** A call's context before its first turn. */
export function initialCallContext(input: CallInput): CallContext {
  return {
    callSid: input.callSid,
    caller: input.caller,
    slow: false,
    attempts: 0,
    lastProblem: null,
    notice: null,
    profile: null,
    needGroup: null,
    need: null,
    priority: 'normale',
    departementCandidates: [],
    departement: null,
    choices: [],
    route: null,
    connection: null,
    ticketRef: null,
    callbackNumber: null,
    callbackEmail: null,
    bridged: false,
    danger: null,
    dangerNumber: null,
  };
}

export type CallEvent =
  /** written: from the chat, which asks its own second-stage question (src/chat/dangerCheck.ts). */
  | { type: 'INPUT'; at: string; digits?: string; speech?: string; written?: boolean }
  | { type: 'NO_INPUT'; at: string }
  /** Twilio's <Enqueue action>: QueueResult. */
  | { type: 'QUEUE_RESULT'; at: string; result: string }
  /** Twilio's <Dial action>: DialCallStatus. */
  | { type: 'DIAL_RESULT'; at: string; status: string }
  /** An advisor is being connected (whisper fetched or queue url reached). */
  | { type: 'BRIDGING'; at: string }
  /** Words of danger (chat): a human at once, as a priority. */
  | { type: 'URGENT'; at: string }
  /** The chat could not understand twice, or the person pressed « Parler à un conseiller ». */
  | { type: 'TO_HUMAN'; at: string; reason: 'asked' | 'retries' }
  /** Status callback: the call is over. */
  | { type: 'CALL_ENDED'; at: string };

/** How a call ended, read from its context when it is over (the `endCall` effect takes it to the metrics). */
export function outcomeOf(context: CallContext): CallOutcome {
  if (context.bridged) return 'connected';
  if (context.callbackNumber || context.callbackEmail) return 'callback_booked';
  if (context.connection) return 'abandoned_in_queue';
  return 'abandoned_in_menu';
}
