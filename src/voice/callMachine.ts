/**
 * The call flow of the national number as a pure XState machine: profile → need → postcode →
 * département read back → routing, with a human reachable from every menu.
 *
 * Pure: no I/O, no clock. Every event carries the time it happened (`at`); routing decisions, the
 * places data and the sealing of phone numbers are functions handed in. Side effects (saving the
 * ticket, closing the session) are named actions returned by `transition()` and executed at the edge.
 * No delayed (`after`) transitions: time in queue comes from Twilio's own callbacks.
 */
import { assign, setup } from 'xstate';
import type { Departement } from '../domain/ports';
import { PRIORITY_NEEDS, type DangerKind, type DepartementCode, type NeedId, type Priority, type Profile } from '../domain/vocabulary';
import type { NeedGroupConfig, VoiceFlow } from '../flows/schema';
import type { RouteDecision, Target } from '../routing/types';
import {
  emailFrom,
  frenchPhoneNumberFrom,
  matchOption,
  postcodeFrom,
  universalIntent,
  yesOrNo,
  type CallerInput,
  type UniversalIntent,
} from './understand';

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
  | 'danger';

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
  | { type: 'INPUT'; at: string; digits?: string; speech?: string }
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

const QUEUE_PROBLEMS = new Set(['queue-full', 'error', 'system-error']);
const DIAL_ANSWERED = new Set(['completed', 'answered']);

function inputOf(event: CallEvent): CallerInput {
  return event.type === 'INPUT' ? { digits: event.digits, speech: event.speech } : {};
}

function viaOf(event: CallEvent): Choice['via'] {
  return event.type === 'INPUT' && event.digits ? 'dtmf' : 'speech';
}

function nowOf(event: { at?: string }): Date {
  return event.at ? new Date(event.at) : new Date(0);
}

export function createCallMachine(deps: CallMachineDeps) {
  const { flow, places } = deps;
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

  const connectionFor = (decision: RouteDecision, reason: TransferReason): Connection => {
    switch (decision.kind) {
      case 'crisis':
        return { target: decision.target, scope: 'crisis', reason: 'crisis', callbackOfferAfterSeconds: 120, crisisMessage: decision.message };
      case 'open':
        return {
          target: decision.target,
          scope: decision.departement ? 'territory' : 'national',
          reason,
          callbackOfferAfterSeconds: decision.callbackOfferAfterSeconds,
        };
      case 'closed':
        return { target: decision.fallback, scope: 'national', reason: reason === 'routed' ? 'closedFallback' : reason, callbackOfferAfterSeconds: 120 };
    }
  };

  const nationalFallback = (context: CallContext, now: Date): Connection => {
    const national = deps.decideRoute(null, now);
    return { ...connectionFor(national, 'queueProblem'), scope: national.kind === 'crisis' ? 'crisis' : 'national' };
  };

  const ticketDraft = ({ context }: { context: CallContext }) => ({
    ref: context.ticketRef ?? deps.ticketRefFor(context.departement, context.callSid),
    callSid: context.callSid,
    kind: context.callbackNumber || context.callbackEmail ? ('callback' as const) : context.connection?.scope === 'territory' ? ('routed' as const) : ('fallback' as const),
    profile: context.profile,
    need: context.need,
    departement: context.departement,
    territoryName: context.route && context.route.kind !== 'crisis' ? context.route.territoryName : null,
    priority: context.priority,
    choices: context.choices,
    callbackNumber: context.callbackNumber,
    callbackEmail: context.callbackEmail,
    connection: context.connection,
    danger: context.danger ?? null,
  });

  /** Checked first at every menu: words of danger go to the danger offer, whatever the menu. */
  const dangerFirst = {
    guard: 'spokeOfDanger' as const,
    target: '#call.danger',
    reenter: true,
    actions: 'recordDanger' as const,
  };

  const retryOrHuman = (step: MenuStep, problem: 'noInput' | 'invalid') => [
    { guard: 'canRetry' as const, target: step, reenter: true, actions: { type: 'countFailure' as const, params: { problem } } },
    { target: '#call.human', actions: { type: 'transferBecause' as const, params: { reason: 'retries' as const } } },
  ];

  const universalTransitions = (step: MenuStep) => [
    {
      guard: { type: 'said' as const, params: { intent: 'human' as const } },
      target: '#call.human',
      actions: { type: 'transferBecause' as const, params: { reason: 'asked' as const } },
    },
    { guard: { type: 'said' as const, params: { intent: 'repeat' as const } }, target: step, reenter: true, actions: 'clearNotice' as const },
    { guard: { type: 'said' as const, params: { intent: 'slower' as const } }, target: step, reenter: true, actions: 'slowDown' as const },
  ];

  return setup({
    types: {
      context: {} as CallContext,
      events: {} as CallEvent,
      input: {} as CallInput,
    },
    guards: {
      said: ({ event }, params: { intent: UniversalIntent }) => universalIntent(flow, inputOf(event)) === params.intent,
      spokeOfDanger: ({ event }) => event.type === 'INPUT' && typeof event.speech === 'string' && event.speech.trim() !== '' && deps.detectDanger(event.speech) !== null,
      choseDangerDial: ({ event }) => matchOption([flow.danger.dial], inputOf(event)) !== null || yesOrNo(inputOf(event)) === 'yes',
      choseDangerAdvisor: ({ event }) => matchOption([flow.danger.advisor], inputOf(event)) !== null || yesOrNo(inputOf(event)) === 'no',
      canRetry: ({ context }) => context.attempts < flow.gather.retries,
      choseProfile: ({ event }) => matchOption(flow.profile.options, inputOf(event)) !== null,
      saidNeedDirectly: ({ event }) => needSaidDirectly(inputOf(event)) !== null,
      choseGroup: ({ event }) => matchOption(groups, inputOf(event)) !== null,
      choseNeed: ({ context, event }) => {
        const group = groupOf(context);
        return group ? matchOption(group.needs, inputOf(event)) !== null : false;
      },
      groupHasOneNeed: ({ context }) => (groupOf(context)?.needs.length ?? 0) === 1,
      gaveDepartement: ({ event }) => candidatesFrom(inputOf(event)).length > 0,
      oneCandidate: ({ context }) => context.departementCandidates.length === 1,
      choseDepartement: ({ context, event }) => chosenDepartement(context, inputOf(event)) !== null,
      saidYes: ({ event }) => yesOrNo(inputOf(event)) === 'yes',
      saidNo: ({ event }) => yesOrNo(inputOf(event)) === 'no',
      gaveNumber: ({ event }) => frenchPhoneNumberFrom(inputOf(event)) !== null,
      gaveEmail: ({ event }) => emailFrom(inputOf(event)) !== null,
      callerNumberKnown: ({ context }) => context.caller !== null,
      isOpenOrCrisis: ({ context }) => context.route?.kind === 'open' || context.route?.kind === 'crisis',
      closedGoesToFallback: ({ context }) => context.route?.kind === 'closed' && context.route.whenClosed === 'fallback',
      queueLeftForCallback: ({ event }) => event.type === 'QUEUE_RESULT' && event.result === 'leave',
      queueFailed: ({ event }) => event.type === 'QUEUE_RESULT' && QUEUE_PROBLEMS.has(event.result),
      queueBridged: ({ event }) => event.type === 'QUEUE_RESULT' && event.result === 'bridged',
      dialAnswered: ({ event }) => event.type === 'DIAL_RESULT' && DIAL_ANSWERED.has(event.status),
      wasNational: ({ context }) => context.connection?.scope !== 'territory',
    },
    actions: {
      countFailure: assign(({ context }, params: { problem: 'noInput' | 'invalid' }) => ({
        attempts: context.attempts + 1,
        lastProblem: params.problem,
        notice: null,
      })),
      stepForward: assign({ attempts: 0, lastProblem: null, notice: null }),
      clearNotice: assign({ notice: null, lastProblem: null }),
      slowDown: assign({ slow: true, notice: 'slower' as const, lastProblem: null }),
      transferBecause: assign(({ context, event }, params: { reason: TransferReason }) => {
        const route = deps.decideRoute(context.departement, nowOf(event));
        return { route, connection: connectionFor(route, params.reason) };
      }),
      recordProfile: assign(({ context, event }) => {
        const option = matchOption(flow.profile.options, inputOf(event));
        if (!option) return {};
        return { profile: option.profile, choices: [...context.choices, { step: 'profile' as const, value: option.profile, via: viaOf(event) }] };
      }),
      recordGroup: assign(({ context, event }) => {
        const group = matchOption(groups, inputOf(event));
        if (!group) return {};
        return { needGroup: group.group, choices: [...context.choices, { step: 'needGroup' as const, value: group.group, via: viaOf(event) }] };
      }),
      recordNeedSaidDirectly: assign(({ context, event }) => {
        const option = needSaidDirectly(inputOf(event));
        if (!option) return {};
        return {
          needGroup: option.group,
          need: option.need,
          priority: PRIORITY_NEEDS.includes(option.need) ? ('prioritaire' as const) : context.priority,
          choices: [...context.choices, { step: 'needGroup' as const, value: option.need, via: 'speech' as const }],
        };
      }),
      recordOnlyNeedOfGroup: assign(({ context }) => {
        const need = groupOf(context)?.needs[0]?.need ?? null;
        return { need, priority: need && PRIORITY_NEEDS.includes(need) ? ('prioritaire' as const) : context.priority };
      }),
      recordNeed: assign(({ context, event }) => {
        const group = groupOf(context);
        const option = group ? matchOption(group.needs, inputOf(event)) : null;
        if (!option) return {};
        return {
          need: option.need,
          priority: PRIORITY_NEEDS.includes(option.need) ? ('prioritaire' as const) : context.priority,
          choices: [...context.choices, { step: 'need' as const, value: option.need, via: viaOf(event) }],
        };
      }),
      recordCandidates: assign(({ context, event }) => {
        const candidates = candidatesFrom(inputOf(event));
        return {
          departementCandidates: candidates,
          departement: candidates.length === 1 ? (candidates[0] ?? null) : null,
          // The postcode itself is not kept: the département is all routing needs.
          choices: [...context.choices, { step: 'postcode' as const, value: candidates.join('|'), via: viaOf(event) }],
        };
      }),
      recordChosenDepartement: assign(({ context, event }) => {
        const code = chosenDepartement(context, inputOf(event));
        return code
          ? { departement: code, choices: [...context.choices, { step: 'chooseDepartement' as const, value: code, via: viaOf(event) }] }
          : {};
      }),
      forgetDepartement: assign({ departement: null, departementCandidates: [] }),
      decideRouting: assign(({ context, event }) => ({ route: deps.decideRoute(context.departement, nowOf(event)) })),
      connectToRoute: assign(({ context }) => ({ connection: context.route ? connectionFor(context.route, 'routed') : null })),
      connectToNationalFallback: assign(({ context, event }) => ({ connection: nationalFallback(context, nowOf(event)) })),
      assignTicketRef: assign(({ context }) => ({ ticketRef: context.ticketRef ?? deps.ticketRefFor(context.departement, context.callSid) })),
      recordCallbackNumberFromInput: assign(({ event }) => {
        const number = frenchPhoneNumberFrom(inputOf(event));
        return number ? { callbackNumber: deps.sealPhoneNumber(number) } : {};
      }),
      recordCallbackEmailFromInput: assign(({ event }) => {
        const email = emailFrom(inputOf(event));
        return email ? { callbackEmail: deps.sealEmail(email) } : {};
      }),
      recordCallerAsCallbackNumber: assign(({ context }) => ({ callbackNumber: context.caller })),
      noteDialFailed: assign({ notice: 'dialFailed' as const }),
      markBridged: assign({ bridged: true }),
      markPriority: assign({ priority: 'prioritaire' as const }),
      recordDanger: assign(({ event }) => {
        const signal = event.type === 'INPUT' && event.speech ? deps.detectDanger(event.speech) : null;
        if (!signal) return {};
        return { danger: signal.kind, dangerNumber: deps.dangerNumber(signal.kind), priority: 'prioritaire' as const, attempts: 0, lastProblem: null, notice: null };
      }),
      // Effects, executed at the edge with their resolved params:
      saveTicket: (_, _params: ReturnType<typeof ticketDraft>) => undefined,
      endCall: (_, _params: { outcome: CallOutcome; ticketRef: string | null }) => undefined,
    },
  }).createMachine({
    id: 'call',
    context: ({ input }) => initialCallContext(input),
    initial: 'profile',
    on: {
      CALL_ENDED: { target: '.over' },
      URGENT: { target: '.human', actions: ['markPriority', { type: 'transferBecause', params: { reason: 'danger' } }] },
      TO_HUMAN: { target: '.human', actions: { type: 'transferBecause', params: ({ event }) => ({ reason: event.reason }) } },
    },
    states: {
      profile: {
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('profile'),
            { guard: 'choseProfile', target: 'needGroup', actions: ['recordProfile', 'stepForward'] },
            ...retryOrHuman('profile', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('profile', 'noInput'),
        },
      },
      needGroup: {
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('needGroup'),
            { guard: 'saidNeedDirectly', target: 'postcode', actions: ['recordNeedSaidDirectly', 'stepForward'] },
            { guard: 'choseGroup', target: 'needOfGroup', actions: ['recordGroup', 'stepForward'] },
            ...retryOrHuman('needGroup', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('needGroup', 'noInput'),
        },
      },
      needOfGroup: {
        always: [{ guard: 'groupHasOneNeed', target: 'postcode', actions: 'recordOnlyNeedOfGroup' }, { target: 'need' }],
      },
      need: {
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('need'),
            { guard: 'choseNeed', target: 'postcode', actions: ['recordNeed', 'stepForward'] },
            ...retryOrHuman('need', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('need', 'noInput'),
        },
      },
      postcode: {
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('postcode'),
            { guard: 'gaveDepartement', target: 'candidates', actions: ['recordCandidates', 'stepForward'] },
            ...retryOrHuman('postcode', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('postcode', 'noInput'),
        },
      },
      candidates: {
        always: [{ guard: 'oneCandidate', target: 'confirmDepartement' }, { target: 'chooseDepartement' }],
      },
      chooseDepartement: {
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('chooseDepartement'),
            { guard: 'choseDepartement', target: 'confirmDepartement', actions: ['recordChosenDepartement', 'stepForward'] },
            ...retryOrHuman('chooseDepartement', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('chooseDepartement', 'noInput'),
        },
      },
      confirmDepartement: {
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('confirmDepartement'),
            { guard: 'saidYes', target: 'routing', actions: ['stepForward', 'decideRouting'] },
            { guard: 'saidNo', target: 'postcode', actions: ['forgetDepartement', 'stepForward'] },
            ...retryOrHuman('confirmDepartement', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('confirmDepartement', 'noInput'),
        },
      },
      routing: {
        always: [
          { guard: 'isOpenOrCrisis', target: 'connecting', actions: 'connectToRoute' },
          { guard: 'closedGoesToFallback', target: 'connecting', actions: 'connectToRoute' },
          { target: 'closedOffer' },
        ],
      },
      /**
       * Words of danger at any menu: the number for that danger, then the choice. Silence, 0, 2,
       * « conseiller » or too many tries: an advisor, as a priority.
       */
      danger: {
        on: {
          INPUT: [
            { guard: { type: 'said', params: { intent: 'human' } }, target: 'human', actions: { type: 'transferBecause', params: { reason: 'danger' } } },
            { guard: { type: 'said', params: { intent: 'repeat' } }, target: 'danger', reenter: true, actions: 'clearNotice' },
            { guard: { type: 'said', params: { intent: 'slower' } }, target: 'danger', reenter: true, actions: 'slowDown' },
            { guard: 'choseDangerDial', target: 'dangerDial', actions: 'stepForward' },
            { guard: 'choseDangerAdvisor', target: 'human', actions: ['stepForward', { type: 'transferBecause', params: { reason: 'danger' } }] },
            dangerFirst,
            { guard: 'canRetry', target: 'danger', reenter: true, actions: { type: 'countFailure', params: { problem: 'invalid' } } },
            { target: 'human', actions: { type: 'transferBecause', params: { reason: 'danger' } } },
          ],
          NO_INPUT: { target: 'human', actions: { type: 'transferBecause', params: { reason: 'danger' } } },
        },
      },
      /** Put through to the emergency number; if nobody answers there, an advisor as a priority. */
      dangerDial: {
        entry: ['assignTicketRef', { type: 'saveTicket', params: ticketDraft }],
        on: {
          DIAL_RESULT: [
            { guard: 'dialAnswered', target: 'ended', actions: 'markBridged' },
            { target: 'human', actions: { type: 'transferBecause', params: { reason: 'danger' } } },
          ],
        },
      },
      /** Reached from any menu by 0, « conseiller », or too many failed tries. */
      human: {
        always: { target: 'connecting' },
      },
      connecting: {
        entry: [
          'assignTicketRef',
          { type: 'saveTicket', params: ticketDraft },
        ],
        on: {
          BRIDGING: { actions: 'markBridged' },
          QUEUE_RESULT: [
            { guard: 'queueLeftForCallback', target: 'callbackConfirm', actions: 'stepForward' },
            { guard: 'queueBridged', target: 'ended', actions: 'markBridged' },
            { guard: 'queueFailed', target: 'connectingNational', actions: 'connectToNationalFallback' },
            { target: 'ended' },
          ],
          DIAL_RESULT: [
            { guard: 'dialAnswered', target: 'ended', actions: 'markBridged' },
            { target: 'callbackConfirm', actions: ['stepForward', 'noteDialFailed'] },
          ],
        },
      },
      /** The territory's queue failed: one more try, at the national fallback. */
      connectingNational: {
        always: { target: 'connecting' },
      },
      closedOffer: {
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('closedOffer'),
            { guard: 'saidYes', target: 'callbackConfirm', actions: 'stepForward' },
            { guard: 'saidNo', target: 'declined' },
            ...retryOrHuman('closedOffer', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('closedOffer', 'noInput'),
        },
      },
      callbackConfirm: {
        always: { guard: ({ context }) => context.caller === null, target: 'callbackEntry' },
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('callbackConfirm'),
            { guard: 'saidYes', target: 'callbackBooked', actions: 'recordCallerAsCallbackNumber' },
            { guard: 'saidNo', target: 'callbackEntry', actions: 'stepForward' },
            ...retryOrHuman('callbackConfirm', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('callbackConfirm', 'noInput'),
        },
      },
      callbackEntry: {
        on: {
          INPUT: [
            dangerFirst,
            ...universalTransitions('callbackEntry'),
            { guard: 'gaveNumber', target: 'callbackBooked', actions: 'recordCallbackNumberFromInput' },
            { guard: 'gaveEmail', target: 'callbackBooked', actions: 'recordCallbackEmailFromInput' },
            ...retryOrHuman('callbackEntry', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('callbackEntry', 'noInput'),
        },
      },
      callbackBooked: {
        entry: [
          'assignTicketRef',
          { type: 'saveTicket', params: ticketDraft },
        ],
      },
      declined: {},
      ended: {},
      over: {
        type: 'final',
        entry: {
          type: 'endCall',
          params: ({ context }) => ({ outcome: outcomeOf(context), ticketRef: context.ticketRef }),
        },
      },
    },
  });
}

function outcomeOf(context: CallContext): CallOutcome {
  if (context.bridged) return 'connected';
  if (context.callbackNumber || context.callbackEmail) return 'callback_booked';
  if (context.connection) return 'abandoned_in_queue';
  return 'abandoned_in_menu';
}

export type CallMachine = ReturnType<typeof createCallMachine>;
