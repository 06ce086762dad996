/**
 * The guards of the call machine: questions about the event and the context, answered without side
 * effects. Named here, referred to by name in the machine (src/voice/callMachine.ts).
 */
import type { CallContext, CallEvent, CallMachineDeps } from './callContext';
import type { CallReading } from './callReading';
import type { UniversalIntent } from './understand';

/** A guard as xstate calls it (its `GuardArgs`, of which we read the context and the event). */
type CallGuard = (args: { context: CallContext; event: CallEvent }, params: never) => boolean;

const QUEUE_PROBLEMS = new Set(['queue-full', 'error', 'system-error']);
const DIAL_ANSWERED = new Set(['completed', 'answered']);

export function callGuards(deps: CallMachineDeps, reading: CallReading) {
  const { flow } = deps;
  const { groups, groupOf, readingOf } = reading;
  // One-option menus, made once: a menu's matcher is kept by its array.
  const dangerDial = [flow.danger.dial];
  const dangerAdvisor = [flow.danger.advisor];
  return {
    said: ({ event }, params: { intent: UniversalIntent }) => readingOf(event).intent() === params.intent,
    spokeOfDanger: ({ event }) => readingOf(event).danger() !== null,
    mayBeInDanger: ({ event }) => readingOf(event).check() !== null,
    /** « Non » at the second-stage question that came from this menu. */
    answeredNoFrom: ({ context, event }, params: { step: string }) => context.dangerCheck?.from === params.step && readingOf(event).yesOrNo() === 'no',
    choseDangerDial: ({ event }) => readingOf(event).option(dangerDial) !== null || readingOf(event).yesOrNo() === 'yes',
    choseDangerAdvisor: ({ event }) => readingOf(event).option(dangerAdvisor) !== null || readingOf(event).yesOrNo() === 'no',
    canRetry: ({ context }) => context.attempts < flow.gather.retries,
    choseProfile: ({ event }) => readingOf(event).option(flow.profile.options) !== null,
    saidNeedDirectly: ({ event }) => readingOf(event).needSaidDirectly() !== null,
    choseGroup: ({ event }) => readingOf(event).option(groups) !== null,
    choseNeed: ({ context, event }) => {
      const group = groupOf(context);
      return group ? readingOf(event).option(group.needs) !== null : false;
    },
    groupHasOneNeed: ({ context }) => (groupOf(context)?.needs.length ?? 0) === 1,
    gaveDepartement: ({ event }) => readingOf(event).candidates().length > 0,
    oneCandidate: ({ context }) => context.departementCandidates.length === 1,
    choseDepartement: ({ context, event }) => readingOf(event).chosenDepartement(context.departementCandidates) !== null,
    saidYes: ({ event }) => readingOf(event).yesOrNo() === 'yes',
    saidNo: ({ event }) => readingOf(event).yesOrNo() === 'no',
    gaveNumber: ({ event }) => readingOf(event).phoneNumber() !== null,
    gaveEmail: ({ event }) => readingOf(event).email() !== null,
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
