import { createActor, type AnyActorScope } from 'xstate';
import type { CallEvent, CallInput, CallMachine } from './callMachine';

export type Effect = { type: string; params?: unknown };

/**
 * xstate's `initialTransition()` and `transition()`, without their cost per call: those build a
 * throwaway actor each time, whose constructor computes an initial snapshot without input (the call
 * machine's context factory then throws, and the error is caught and dropped). Here the actor scope's
 * `self` and `system` are made once; everything else is as in xstate's inert scope: nothing runs,
 * effects are collected. The call machine invokes and spawns nothing, so no turn leaves anything in
 * the shared system.
 */
export class PureMachine {
  private readonly self: AnyActorScope['self'];

  constructor(private readonly machine: CallMachine) {
    this.self = createActor(machine, { input: { callSid: 'CA00000000000000000000000000000000', caller: null } });
  }

  private scope(effects: Effect[]): AnyActorScope {
    return {
      self: this.self,
      defer: () => {},
      id: '',
      logger: () => {},
      sessionId: '',
      stopChild: () => {},
      system: this.self.system,
      emit: () => {},
      actionExecutor: (action) => {
        effects.push(action);
      },
    };
  }

  initial(input: CallInput): [ReturnType<CallMachine['transition']>, Effect[]] {
    const effects: Effect[] = [];
    return [this.machine.getInitialSnapshot(this.scope(effects), input), effects];
  }

  transition(snapshot: ReturnType<CallMachine['resolveState']>, event: CallEvent): [ReturnType<CallMachine['transition']>, Effect[]] {
    const effects: Effect[] = [];
    return [this.machine.transition(snapshot, event, this.scope(effects)), effects];
  }
}
