/**
 * The guards of the call machine: questions about the event and the context, answered without side
 * effects. Named here, referred to by name in the machine (src/voice/callMachine.ts).
 */
import type { CallContext, CallEvent, CallMachineDeps } from './callContext';
import { inputOf, type CallReading } from './callReading';
import { emailFrom, frenchPhoneNumberFrom, matchOption, universalIntent, yesOrNo, type UniversalIntent } from './understand';

/** A guard as xstate calls it (its `GuardArgs`, of which we read the context and the event). */
type CallGuard = (args: { context: CallContext; event: CallEvent }, params: never) => boolean;

const QUEUE_PROBLEMS = new Set(['queue-full', 'error', 'system-error']);
const DIAL_ANSWERED = new Set(['completed', 'answered']);

export function callGuards(deps: CallMachineDeps, reading: CallReading) {
  const { flow } = deps;
  const { groups, groupOf, needSaidDirectly, candidatesFrom, chosenDepartement } = reading;
  return {
    said: ({ event }, params: { intent: UniversalIntent }) => universalIntent(flow, inputOf(event)) === params.intent,
    spokeOfDanger: ({ event }) =>
      event.type === 'INPUT' && typeof event.speech === 'string' && event.speech.trim() !== '' && deps.detectDanger(event.speech) !== null,
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
  } satisfies Record<string, CallGuard>;
}
