/**
 * One webhook, one turn: load the call's snapshot → transition → execute the effects → save →
 * render. The web tier keeps no call state of its own: any process can serve any webhook of a call.
 * A retried webhook (same idempotency token) gets the answer it got the first time, without a second
 * transition (rendered again from the stored state: src/voice/storedCall.ts).
 */
import type { Clock, DangerCheckOutcome, KeyValueStore, Metrics } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import type { TicketStore } from '../tickets/ticket-store';
import type { CallContext, CallEvent, CallInput, CallMachine, CallOutcome } from './callMachine';
import { PureMachine } from './pureMachine';
import { turnFor, type TurnDeps } from './turn';
import type { TwimlRenderer } from './twiml';
import { ticketDraftFrom, type TicketEffect } from './ticketEffect';
import { parseStoredCall, serialiseCall, type StoredCall } from './storedCall';
import type { WaitingRoom } from './waitingRoom';

/** What a call's turns need of one configuration version (one per version: src/studio). */
export interface VoiceRuntime {
  version: string;
  machine: CallMachine;
  pure: PureMachine;
  renderer: TwimlRenderer;
  turnDeps: TurnDeps;
  /** The name of a département's MDPH in this version's directory (the whisper ends with it); undefined when it has none. */
  mdphName(code: string): string | undefined;
}

export interface CallTurnsDeps {
  /** The runtime of a configuration version; undefined: the one served now (a new call). */
  runtime(version: string | undefined): Promise<VoiceRuntime>;
  store: KeyValueStore;
  keys: StoreKeys;
  tickets: TicketStore;
  waitingRoom: WaitingRoom;
  clock: Clock;
  callTtlSeconds: number;
  metrics: Metrics;
  /** The pseudonymous person key of the caller's (sealed) number, linking their contacts (src/people); absent: none. */
  personKeyOf?(caller: CallContext['caller']): string | null;
}

export class UnknownCallError extends Error {
  constructor(readonly callSid: string) {
    super(`No stored state for call ${callSid}`);
    this.name = 'UnknownCallError';
  }
}

export class CallTurns {
  constructor(private readonly deps: CallTurnsDeps) {}

  /** POST /voice/incoming: a new call (or Twilio retrying the first webhook). */
  async start(input: CallInput, requestId: string): Promise<string> {
    const stored = await this.load(input.callSid);
    if (stored) return this.replay(stored);
    this.deps.metrics.callStarted();
    const runtime = await this.deps.runtime(undefined);
    const [snapshot, actions] = runtime.pure.initial(input);
    return this.finish(runtime, input.callSid, null, snapshot.value as string, snapshot.context, actions, requestId);
  }

  /** Any later webhook of the call, as a machine event. */
  async send(callSid: string, event: CallEvent, requestId: string): Promise<string> {
    const stored = await this.load(callSid);
    if (!stored) throw new UnknownCallError(callSid);
    if (stored.lastRequestId === requestId) return this.replay(stored);
    const runtime = await this.deps.runtime(stored.configVersion);
    const restored = runtime.pure.restore(stored.value, stored.context);
    const [snapshot, actions] = runtime.pure.transition(restored, event);
    return this.finish(runtime, callSid, stored, snapshot.value as string, snapshot.context, actions, requestId);
  }

  /**
   * An event that changes the call's state but is not answered with the call's next turn (the status
   * callback, the queue's bridging notice). False when the call is unknown (already over).
   */
  async notify(callSid: string, event: CallEvent): Promise<boolean> {
    const stored = await this.load(callSid);
    if (!stored) return false;
    const runtime = await this.deps.runtime(stored.configVersion);
    const restored = runtime.pure.restore(stored.value, stored.context);
    const [snapshot, actions] = runtime.pure.transition(restored, event);
    await this.finish(runtime, callSid, stored, snapshot.value as string, snapshot.context, actions, `notify:${event.type}:${event.at}`);
    return true;
  }

  /** The stored context of a call (for the wait music, the whisper, the failure path); null if none. */
  async context(callSid: string): Promise<CallContext | null> {
    return (await this.load(callSid))?.context ?? null;
  }

  /**
   * A call's stored context and the runtime of the version it is pinned to (the wait music and the
   * whisper speak its sentences); an unknown call: no context, the version served now.
   */
  async pinned(callSid: string): Promise<{ context: CallContext | null; runtime: VoiceRuntime }> {
    const stored = await this.load(callSid);
    return { context: stored?.context ?? null, runtime: await this.deps.runtime(stored?.configVersion) };
  }

  /** The runtime of the version served now (what a new call starts on; what speaks when no call is known). */
  served(): Promise<VoiceRuntime> {
    return this.deps.runtime(undefined);
  }

  private async replay(stored: StoredCall): Promise<string> {
    const { renderer, turnDeps } = await this.deps.runtime(stored.configVersion);
    return renderer.render(turnFor(stored.value, stored.context, turnDeps), stored.context.callSid);
  }

  private async finish(
    runtime: VoiceRuntime,
    callSid: string,
    previous: StoredCall | null,
    value: string,
    context: CallContext,
    actions: ReadonlyArray<{ type: string; params?: unknown }>,
    requestId: string,
  ): Promise<string> {
    let callIsOver = false;
    for (const [kind, outcome] of dangerCheckSteps(previous, value, context)) this.deps.metrics.dangerCheck('voice', kind, outcome);
    const danger = dangerFound(previous, context);
    if (danger !== null) this.deps.metrics.dangerDetected('voice', danger);
    // A call's ticket is saved again when it is queued again (national fallback) or called back: its need counts once.
    let ticketSavedBefore = previous !== null && previous.context.ticketRef !== null;
    for (const action of actions) {
      if (action.type === 'saveTicket') {
        await this.saveTicket(action.params as TicketEffect, context.caller, !ticketSavedBefore);
        ticketSavedBefore = true;
      }
      if (action.type === 'endCall') {
        await this.endCall(context, (action.params as { outcome: CallOutcome }).outcome);
        callIsOver = true;
      }
    }
    const twiml = runtime.renderer.render(turnFor(value, context, runtime.turnDeps), callSid);
    if (callIsOver) {
      await this.deps.store.del(this.deps.keys.call(callSid));
      return twiml;
    }
    const queueNow = value === 'connecting' && !context.bridged ? queueNameOf(context) : null;
    const queueBefore = previous?.value === 'connecting' ? queueNameOf(previous.context) : null;
    // The writes of a turn go out together (one round trip: node-redis pipelines concurrent commands).
    const writes: Array<Promise<unknown>> = [];
    if (queueBefore !== null && queueBefore !== queueNow) writes.push(this.deps.waitingRoom.leave(queueBefore, callSid));
    if (queueNow !== null && queueNow !== queueBefore) writes.push(this.deps.waitingRoom.join(queueNow, callSid, this.deps.clock.now()));
    const stored = { value, context, configVersion: runtime.version, lastRequestId: requestId };
    writes.push(this.deps.store.set(this.deps.keys.call(callSid), serialiseCall(stored), this.deps.callTtlSeconds));
    // Most turns write the call alone: awaited as it is, without Promise.all's own promise and array.
    if (writes.length === 1) await writes[0];
    else await Promise.all(writes);
    return twiml;
  }

  /** `first`: the call's first ticket; a later one is its callback request, or the same hand-off going on elsewhere (not counted again). */
  private async saveTicket(effect: TicketEffect, caller: CallContext['caller'], first: boolean): Promise<void> {
    if (first) this.deps.metrics.callOriented(effect.departement, effect.need);
    if (first || effect.kind === 'callback') this.deps.metrics.ticketSaved('voice', effect);
    const personKey = this.deps.personKeyOf?.(caller) ?? null;
    const draft = ticketDraftFrom(effect, 'voice', this.deps.clock.now().toISOString(), personKey === null ? {} : { personKey });
    await this.deps.tickets.createOrUpdate(draft, { likelyNew: first });
  }

  private async endCall(context: CallContext, outcome: CallOutcome): Promise<void> {
    this.deps.metrics.callEnded(context.departement, outcome);
    const queueName = queueNameOf(context);
    if (queueName !== null) await this.deps.waitingRoom.leave(queueName, context.callSid);
  }

  private async load(callSid: string): Promise<StoredCall | null> {
    const raw = await this.deps.store.get(this.deps.keys.call(callSid));
    return raw === null ? null : parseStoredCall(callSid, raw);
  }
}

function queueNameOf(context: CallContext): string | null {
  return context.connection?.target.type === 'queue' ? context.connection.target.name : null;
}

/**
 * Words of danger found on this turn (said at a menu, or « oui » at the second-stage question): the
 * kind the call now records, when it did not record it before. Once per call and kind, as the ticket says.
 */
function dangerFound(previous: StoredCall | null, context: CallContext): string | null {
  const now = context.danger ?? null;
  return now !== null && now !== (previous?.context.danger ?? null) ? now : null;
}

/**
 * The second-stage question of the turn: asked (the call entered `dangerCheck`), and the answer to the
 * one asked before (the call left it): yes (the danger branch), no (back to a menu), or no answer
 * (silence or nonsense twice, asked for an advisor, hung up).
 */
function dangerCheckSteps(previous: StoredCall | null, value: string, context: CallContext): Array<[string, DangerCheckOutcome]> {
  const steps: Array<[string, DangerCheckOutcome]> = [];
  const before = previous?.value === 'dangerCheck' ? previous.context.dangerCheck?.kind : undefined;
  if (before !== undefined && value !== 'dangerCheck') {
    // « oui » (or words of danger) records the danger; « non » alone forgets the question (forgetDangerCheck).
    const outcome = context.danger && !previous?.context.danger ? 'yes' : context.dangerCheck ? 'no_answer' : 'no';
    steps.push([before, outcome]);
  }
  const now = value === 'dangerCheck' ? context.dangerCheck?.kind : undefined;
  if (now !== undefined && previous?.value !== 'dangerCheck') steps.push([now, 'asked']);
  return steps;
}
