/**
 * The call flow of the national number as a pure XState machine: profile → need → postcode →
 * département read back → routing, with a human reachable from every menu.
 *
 * Pure: no I/O, no clock. Every event carries the time it happened (`at`); routing decisions, the
 * places data and the sealing of phone numbers are functions handed in. Side effects (saving the
 * ticket, closing the session) are named actions returned by `transition()` and executed at the edge.
 * No delayed (`after`) transitions: time in queue comes from Twilio's own callbacks.
 *
 * This file holds the states and transitions (`setup().createMachine()`), and is the entry others
 * import from. Beside it: callContext (context, events, what the machine is handed), callReading
 * (what an input means in this flow), callGuards and callActions (named in `setup()`).
 */
import { not, setup } from 'xstate';
import { callActions, ticketDraftOf } from './callActions';
import { initialCallContext, outcomeOf, type CallContext, type CallEvent, type CallInput, type CallMachineDeps, type MenuStep } from './callContext';
import { callGuards } from './callGuards';
import { callReading } from './callReading';

export {
  initialCallContext,
  type CallContext,
  type CallEvent,
  type CallInput,
  type CallMachineDeps,
  type CallOutcome,
  type Choice,
  type Connection,
  type MenuStep,
  type PlaceFinder,
  type SealedEmail,
  type SealedNumber,
  type TransferReason,
} from './callContext';

/* Transitions shared by the menus. */

/** Checked first at every menu: words of danger go to the danger offer, whatever the menu. */
const dangerFirst = {
  guard: 'spokeOfDanger' as const,
  target: '#call.danger',
  reenter: true,
  actions: 'recordDanger' as const,
};

/**
 * Then maybe words of danger (the grey zone): the number said, and « Êtes-vous en danger maintenant ? »;
 * « non » comes back to this menu.
 */
const checkFirst = (step: MenuStep) => ({
  guard: 'mayBeInDanger' as const,
  target: '#call.dangerCheck',
  reenter: true,
  actions: { type: 'recordDangerCheck' as const, params: { from: step } },
});

/** The menus the second-stage question may come from, and goes back to on « non ». */
const CHECKED_MENUS = ['profile', 'needGroup', 'need', 'postcode', 'chooseDepartement', 'confirmDepartement', 'closedOffer', 'callbackConfirm', 'callbackEntry'] as const satisfies readonly MenuStep[];

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

export function createCallMachine(deps: CallMachineDeps) {
  const ticketDraft = ticketDraftOf(deps);
  const reading = callReading(deps);

  return setup({
    types: {
      context: {} as CallContext,
      events: {} as CallEvent,
      input: {} as CallInput,
    },
    guards: callGuards(deps, reading),
    actions: callActions(deps, reading),
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
            checkFirst('profile'),
            ...universalTransitions('profile'),
            { guard: 'choseProfile', target: 'needGroup', actions: 'recordProfile' },
            ...retryOrHuman('profile', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('profile', 'noInput'),
        },
      },
      needGroup: {
        on: {
          INPUT: [
            dangerFirst,
            checkFirst('needGroup'),
            ...universalTransitions('needGroup'),
            { guard: 'saidNeedDirectly', target: 'postcode', actions: 'recordNeedSaidDirectly' },
            { guard: 'choseGroup', target: 'needOfGroup', actions: 'recordGroup' },
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
            checkFirst('need'),
            ...universalTransitions('need'),
            { guard: 'choseNeed', target: 'postcode', actions: 'recordNeed' },
            ...retryOrHuman('need', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('need', 'noInput'),
        },
      },
      postcode: {
        on: {
          INPUT: [
            dangerFirst,
            checkFirst('postcode'),
            ...universalTransitions('postcode'),
            { guard: 'gaveDepartement', target: 'candidates', actions: 'recordCandidates' },
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
            checkFirst('chooseDepartement'),
            ...universalTransitions('chooseDepartement'),
            { guard: 'choseDepartement', target: 'confirmDepartement', actions: 'recordChosenDepartement' },
            // Another place than those proposed (« le Lot », « 46100 »): read as at the postcode question.
            { guard: 'gaveDepartement', target: 'candidates', actions: 'recordCandidates' },
            ...retryOrHuman('chooseDepartement', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('chooseDepartement', 'noInput'),
        },
      },
      confirmDepartement: {
        on: {
          INPUT: [
            dangerFirst,
            checkFirst('confirmDepartement'),
            ...universalTransitions('confirmDepartement'),
            { guard: 'saidYes', target: 'routing', actions: 'decideRouting' },
            { guard: 'saidNo', target: 'postcode', actions: 'forgetDepartement' },
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
      /**
       * Maybe words of danger at a menu: the number for that kind, then « Êtes-vous en danger
       * maintenant ? Dites oui ou non. » Oui: the danger offer; non: back to the menu; silence or
       * too many tries: an advisor, as a priority.
       */
      dangerCheck: {
        on: {
          INPUT: [
            dangerFirst,
            { guard: 'saidYes', target: 'danger', actions: 'confirmDanger' },
            ...CHECKED_MENUS.map((step) => ({ guard: { type: 'answeredNoFrom' as const, params: { step } }, target: step, actions: 'forgetDangerCheck' as const })),
            { guard: { type: 'said', params: { intent: 'human' } }, target: 'human', actions: ['markPriority', { type: 'transferBecause', params: { reason: 'danger' } }] },
            { guard: { type: 'said', params: { intent: 'repeat' } }, target: 'dangerCheck', reenter: true, actions: 'clearNotice' },
            { guard: { type: 'said', params: { intent: 'slower' } }, target: 'dangerCheck', reenter: true, actions: 'slowDown' },
            { guard: 'canRetry', target: 'dangerCheck', reenter: true, actions: { type: 'countFailure', params: { problem: 'invalid' } } },
            { target: 'human', actions: ['markPriority', { type: 'transferBecause', params: { reason: 'danger' } }] },
          ],
          NO_INPUT: [
            { guard: 'canRetry', target: 'dangerCheck', reenter: true, actions: { type: 'countFailure', params: { problem: 'noInput' } } },
            { target: 'human', actions: ['markPriority', { type: 'transferBecause', params: { reason: 'danger' } }] },
          ],
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
            { target: 'callbackConfirm', actions: 'noteDialFailed' },
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
            checkFirst('closedOffer'),
            ...universalTransitions('closedOffer'),
            { guard: 'saidYes', target: 'callbackConfirm', actions: 'stepForward' },
            { guard: 'saidNo', target: 'declined' },
            ...retryOrHuman('closedOffer', 'invalid'),
          ],
          NO_INPUT: retryOrHuman('closedOffer', 'noInput'),
        },
      },
      callbackConfirm: {
        always: { guard: not('callerNumberKnown'), target: 'callbackEntry' },
        on: {
          INPUT: [
            dangerFirst,
            checkFirst('callbackConfirm'),
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
            checkFirst('callbackEntry'),
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

export type CallMachine = ReturnType<typeof createCallMachine>;
