/**
 * The actions of the call machine. Most are `assign`s: what a step records in the context (the
 * choice made, the route decided, the connection to make). Two are effects, `saveTicket` and
 * `endCall`: they do nothing here; `transition()` returns them with their resolved params and the
 * edge executes them (src/voice/callTurns.ts, src/chat/chatTurns.ts).
 *
 * A transition has one `assign` where one will do: xstate copies the context and the snapshot for
 * each. So an answer recorded also steps forward (the tries and the notice cleared, as `stepForward`
 * does), as do `forgetDepartement`, `decideRouting` and `noteDialFailed`.
 */
import { assign, type Assigner, type ParameterizedObject, type PropertyAssigner } from 'xstate';
import { PRIORITY_NEEDS } from '../domain/vocabulary';
import type { RouteDecision } from '../routing/types';
import type { CallContext, CallEvent, CallMachineDeps, CallOutcome, Connection, MenuStep, TransferReason } from './callContext';
import { nowOf, viaOf, type CallReading } from './callReading';

type Params = ParameterizedObject['params'] | undefined;

/** A step forward: the tries and the notice of the menu left behind are cleared. */
const STEP_FORWARD = { attempts: 0, lastProblem: null, notice: null } as const;

/**
 * xstate's `assign`, bound to the call machine's context and events and to no child actors, as
 * `setup().assign` binds it, but keeping the params an action declares (`setup().assign` has none).
 */
function assignCall<TParams extends Params = undefined>(
  assignment: Assigner<CallContext, CallEvent, TParams, CallEvent, never> | PropertyAssigner<CallContext, CallEvent, TParams, CallEvent, never>,
) {
  return assign<CallContext, CallEvent, TParams, CallEvent, never>(assignment);
}

/** Whom a route decision puts the caller through to, and why. */
export function connectionFor(decision: RouteDecision, reason: TransferReason): Connection {
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
}

/** The params of the `saveTicket` effect, resolved from the context when a ticket is saved. */
export function ticketDraftOf(deps: Pick<CallMachineDeps, 'ticketRefFor'>) {
  return ({ context }: { context: CallContext }) => ({
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
}

export type TicketDraftParams = ReturnType<ReturnType<typeof ticketDraftOf>>;

export function callActions(deps: CallMachineDeps, reading: CallReading) {
  const { flow } = deps;
  const { groups, groupOf, readingOf } = reading;

  const nationalFallback = (now: Date): Connection => {
    const national = deps.decideRoute(null, now);
    return { ...connectionFor(national, 'queueProblem'), scope: national.kind === 'crisis' ? 'crisis' : 'national' };
  };

  return {
    countFailure: assignCall(({ context }, params: { problem: 'noInput' | 'invalid' }) => ({
      attempts: context.attempts + 1,
      lastProblem: params.problem,
      notice: null,
    })),
    stepForward: assignCall(STEP_FORWARD),
    clearNotice: assignCall({ notice: null, lastProblem: null }),
    slowDown: assignCall({ slow: true, notice: 'slower' as const, lastProblem: null }),
    transferBecause: assignCall(({ context, event }, params: { reason: TransferReason }) => {
      const route = deps.decideRoute(context.departement, nowOf(event));
      return { route, connection: connectionFor(route, params.reason) };
    }),
    recordProfile: assignCall(({ context, event }) => {
      const option = readingOf(event).option(flow.profile.options);
      if (!option) return STEP_FORWARD;
      return { ...STEP_FORWARD, profile: option.profile, choices: [...context.choices, { step: 'profile' as const, value: option.profile, via: viaOf(event) }] };
    }),
    recordGroup: assignCall(({ context, event }) => {
      const group = readingOf(event).option(groups);
      if (!group) return STEP_FORWARD;
      return { ...STEP_FORWARD, needGroup: group.group, choices: [...context.choices, { step: 'needGroup' as const, value: group.group, via: viaOf(event) }] };
    }),
    recordNeedSaidDirectly: assignCall(({ context, event }) => {
      const option = readingOf(event).needSaidDirectly();
      if (!option) return STEP_FORWARD;
      return {
        ...STEP_FORWARD,
        needGroup: option.group,
        need: option.need,
        priority: PRIORITY_NEEDS.includes(option.need) ? ('prioritaire' as const) : context.priority,
        choices: [...context.choices, { step: 'needGroup' as const, value: option.need, via: 'speech' as const }],
      };
    }),
    recordOnlyNeedOfGroup: assignCall(({ context }) => {
      const need = groupOf(context)?.needs[0]?.need ?? null;
      return { need, priority: need && PRIORITY_NEEDS.includes(need) ? ('prioritaire' as const) : context.priority };
    }),
    recordNeed: assignCall(({ context, event }) => {
      const group = groupOf(context);
      const option = group ? readingOf(event).option(group.needs) : null;
      if (!option) return STEP_FORWARD;
      return {
        ...STEP_FORWARD,
        need: option.need,
        priority: PRIORITY_NEEDS.includes(option.need) ? ('prioritaire' as const) : context.priority,
        choices: [...context.choices, { step: 'need' as const, value: option.need, via: viaOf(event) }],
      };
    }),
    recordCandidates: assignCall(({ context, event }) => {
      const candidates = [...readingOf(event).candidates()];
      return {
        ...STEP_FORWARD,
        departementCandidates: candidates,
        departement: candidates.length === 1 ? (candidates[0] ?? null) : null,
        // The postcode itself is not kept: the département is all routing needs.
        choices: [...context.choices, { step: 'postcode' as const, value: candidates.join('|'), via: viaOf(event) }],
      };
    }),
    recordChosenDepartement: assignCall(({ context, event }) => {
      const code = readingOf(event).chosenDepartement(context.departementCandidates);
      return code
        ? { ...STEP_FORWARD, departement: code, choices: [...context.choices, { step: 'chooseDepartement' as const, value: code, via: viaOf(event) }] }
        : STEP_FORWARD;
    }),
    forgetDepartement: assignCall({ ...STEP_FORWARD, departement: null, departementCandidates: [] }),
    decideRouting: assignCall(({ context, event }) => ({ ...STEP_FORWARD, route: deps.decideRoute(context.departement, nowOf(event)) })),
    connectToRoute: assignCall(({ context }) => ({ connection: context.route ? connectionFor(context.route, 'routed') : null })),
    connectToNationalFallback: assignCall(({ event }) => ({ connection: nationalFallback(nowOf(event)) })),
    assignTicketRef: assignCall(({ context }) => ({ ticketRef: context.ticketRef ?? deps.ticketRefFor(context.departement, context.callSid) })),
    recordCallbackNumberFromInput: assignCall(({ event }) => {
      const number = readingOf(event).phoneNumber();
      return number ? { callbackNumber: deps.sealPhoneNumber(number) } : {};
    }),
    recordCallbackEmailFromInput: assignCall(({ event }) => {
      const email = readingOf(event).email();
      return email ? { callbackEmail: deps.sealEmail(email) } : {};
    }),
    recordCallerAsCallbackNumber: assignCall(({ context }) => ({ callbackNumber: context.caller })),
    noteDialFailed: assignCall({ ...STEP_FORWARD, notice: 'dialFailed' as const }),
    markBridged: assignCall({ bridged: true }),
    markPriority: assignCall({ priority: 'prioritaire' as const }),
    recordDanger: assignCall(({ event }) => {
      const signal = readingOf(event).danger();
      if (!signal) return {};
      return { danger: signal.kind, dangerNumber: deps.dangerNumber(signal.kind), priority: 'prioritaire' as const, attempts: 0, lastProblem: null, notice: null };
    }),
    recordDangerCheck: assignCall(({ event }, params: { from: MenuStep }) => {
      const check = readingOf(event).check();
      if (!check) return {};
      return { dangerCheck: { kind: check.kind, from: params.from }, attempts: 0, lastProblem: null, notice: null };
    }),
    /** « Oui » at the second-stage question: the emergency branch of the kind asked about. */
    confirmDanger: assignCall(({ context }) => {
      const kind = context.dangerCheck?.kind;
      if (!kind) return {};
      return { danger: kind, dangerNumber: deps.dangerNumber(kind), dangerCheck: null, priority: 'prioritaire' as const, attempts: 0, lastProblem: null, notice: null };
    }),
    /** « Non »: back to the menu, as it was asked. */
    forgetDangerCheck: assignCall({ dangerCheck: null, attempts: 0, lastProblem: null, notice: null }),
    // Effects, executed at the edge with their resolved params:
    saveTicket: (_: unknown, _params: TicketDraftParams) => undefined,
    endCall: (_: unknown, _params: { outcome: CallOutcome; ticketRef: string | null }) => undefined,
  };
}
