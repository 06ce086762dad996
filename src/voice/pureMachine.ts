import { createActor, type AnyActorScope } from 'xstate';
import type { CallContext, CallEvent, CallInput, CallMachine } from './callMachine';

export type Effect = { type: string; params?: unknown };
type Snapshot = ReturnType<CallMachine['resolveState']>;

/**
 * xstate's `initialTransition()` and `transition()`, without their cost per call: those build a
 * throwaway actor each time, whose constructor computes an initial snapshot without input (the call
 * machine's context factory then throws, and the error is caught and dropped). Here the actor scope's
 * `self` and `system` are made once; everything else is as in xstate's inert scope: nothing runs,
 * effects are collected. The call machine invokes and spawns nothing, so no turn leaves anything in
 * the shared system.
 *
 * `restore` is xstate's `resolveState` for a stored state (a value and a context), without its cost
 * per turn: the state's nodes, tags and status depend on the value only, so they are resolved once
 * per value and every restored snapshot is that one with the stored context. xstate never changes a
 * snapshot in place (a transition makes new ones), so the parts shared between snapshots stay as
 * resolved.
 */
export class PureMachine {
  private readonly self: AnyActorScope['self'];
  /** Resolved once per state value (the machine's states: a few dozen at most). */
  private readonly shapes = new Map<string, Snapshot>();

  /**
   * `written`: the chat's machine, whose INPUT events are marked written (the chat asks its own
   * second-stage question of safety, src/chat/dangerCheck.ts; the phone's is a state of the machine).
   */
  constructor(
    private readonly machine: CallMachine,
    private readonly options: { written?: boolean } = {},
  ) {
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

  /** The snapshot of a stored state, as `machine.resolveState({ value, context })` gives it. */
  restore(value: string, context: CallContext): Snapshot {
    let shape = this.shapes.get(value);
    if (shape === undefined) {
      shape = this.machine.resolveState({ value, context });
      this.shapes.set(value, shape);
    }
    return { ...shape, context };
  }

  transition(snapshot: Snapshot, event: CallEvent): [ReturnType<CallMachine['transition']>, Effect[]] {
    const effects: Effect[] = [];
    const marked: CallEvent = this.options.written && event.type === 'INPUT' ? { ...event, written: true } : event;
    return [this.machine.transition(snapshot, marked, this.scope(effects)), effects];
  }
}
