/**
 * One webhook, one turn: load the call's snapshot → transition → execute the effects → save →
 * render. The store holds the call: any process can serve any webhook of a call. A process remembers
 * the last record of the calls it served, so a turn with no effect is one round trip: played on that
 * record and written only if the store still holds it (else read again and played on the store's).
 * A retried webhook (same idempotency token) gets the answer it got the first time, without a second
 * transition (rendered again from the stored state: src/voice/storedCall.ts).
 */
import { LRUCache } from 'lru-cache';
import type { Clock, KeyValueStore, Metrics } from '../domain/ports';
import type { StoreKeys } from '../storage/keys';
import type { TicketStore } from '../tickets/ticket-store';
import type { CallContext, CallEvent, CallInput, CallMachine, CallOutcome } from './callMachine';
import type { PureMachine } from './pureMachine';
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

/** A turn worked out, not yet played: the runtime it ran on, the state it leads to, its effects. */
interface Turn {
  runtime: VoiceRuntime;
  value: string;
  context: CallContext;
  actions: ReadonlyArray<{ type: string; params?: unknown }>;
}

/** A call's record as this process last read or wrote it: as stored (what the next write expects) and parsed. */
interface Known {
  raw: string;
  stored: StoredCall;
}

/** The calls whose record this process keeps (a few kilobytes each). */
const KNOWN_CALLS = 5_000;

export class CallTurns {
  /**
   * The last record of the calls this process served. Never trusted alone: a turn played from it is
   * written only if the store still holds that record (`setIfUnchanged`), else read again and played
   * on what the store holds. It saves the read of a turn that has no effect to execute.
   */
  private readonly known: LRUCache<string, Known>;

  constructor(private readonly deps: CallTurnsDeps) {
    this.known = new LRUCache<string, Known>({ max: KNOWN_CALLS, ttl: deps.callTtlSeconds * 1000 });
  }

  /** POST /voice/incoming: a new call (or Twilio retrying the first webhook). */
  async start(input: CallInput, requestId: string): Promise<string> {
    const runtime = await this.deps.runtime(undefined);
    const [snapshot, actions] = runtime.pure.initial(input);
    const turn: Turn = { runtime, value: snapshot.value as string, context: snapshot.context, actions };
    if (isQuiet(null, turn)) {
      // Written only if the call is new: one round trip; a retried first webhook finds it instead.
      const written = await this.writeOver(input.callSid, null, turn, requestId);
      if (written === true) {
        this.deps.metrics.callStarted();
        return this.render(turn, input.callSid);
      }
      if (written !== null) return this.replay(written);
    }
    const stored = await this.load(input.callSid);
    if (stored) return this.replay(stored);
    this.deps.metrics.callStarted();
    return this.finish(input.callSid, null, turn, requestId);
  }

  /** Any later webhook of the call, as a machine event. */
  async send(callSid: string, event: CallEvent, requestId: string): Promise<string> {
    const known = this.known.get(callSid);
    let turn: Turn | null = null;
    if (known !== undefined && known.stored.lastRequestId !== requestId) {
      turn = await this.play(known.stored, event);
      if (isQuiet(known.stored, turn) && (await this.writeOver(callSid, known.raw, turn, requestId)) === true) return this.render(turn, callSid);
    }
    const raw = await this.read(callSid);
    if (raw === null) throw new UnknownCallError(callSid);
    const sameAsKnown = known !== undefined && raw === known.raw;
    const stored = sameAsKnown ? known.stored : this.remember(callSid, raw);
    if (stored.lastRequestId === requestId) return this.replay(stored);
    if (turn === null || !sameAsKnown) turn = await this.play(stored, event);
    return this.finish(callSid, stored, turn, requestId);
  }

  /**
   * An event that changes the call's state but is not answered with the call's next turn (the status
   * callback, the queue's bridging notice). False when the call is unknown (already over).
   */
  async notify(callSid: string, event: CallEvent): Promise<boolean> {
    const stored = await this.load(callSid);
    if (!stored) return false;
    await this.finish(callSid, stored, await this.play(stored, event), `notify:${event.type}:${event.at}`);
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

  private async play(stored: StoredCall, event: CallEvent): Promise<Turn> {
    const runtime = await this.deps.runtime(stored.configVersion);
    const [snapshot, actions] = runtime.pure.transition(runtime.pure.restore(stored.value, stored.context), event);
    return { runtime, value: snapshot.value as string, context: snapshot.context, actions };
  }

  private render(turn: Turn, callSid: string): string {
    return turn.runtime.renderer.render(turnFor(turn.value, turn.context, turn.runtime.turnDeps), callSid);
  }

  private serialise(turn: Turn, requestId: string): { raw: string; stored: StoredCall } {
    const stored = { value: turn.value, context: turn.context, configVersion: turn.runtime.version, lastRequestId: requestId };
    return { raw: serialiseCall(stored), stored };
  }

  /**
   * Writes the turn if the store still holds `expected` (null: no call yet): true when written; else
   * the call the store holds (null: none), forgotten here.
   */
  private async writeOver(callSid: string, expected: string | null, turn: Turn, requestId: string): Promise<true | StoredCall | null> {
    const next = this.serialise(turn, requestId);
    const result = await this.deps.store.setIfUnchanged(this.deps.keys.call(callSid), expected, next.raw, this.deps.callTtlSeconds);
    if (result.written) {
      this.known.set(callSid, next);
      return true;
    }
    this.known.delete(callSid);
    return result.current === null ? null : parseStoredCall(callSid, result.current);
  }

  private async finish(callSid: string, previous: StoredCall | null, turn: Turn, requestId: string): Promise<string> {
    const { value, context, actions } = turn;
    let callIsOver = false;
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
    const twiml = this.render(turn, callSid);
    if (callIsOver) {
      this.known.delete(callSid);
      await this.deps.store.del(this.deps.keys.call(callSid));
      return twiml;
    }
    const { before: queueBefore, now: queueNow } = queuesOf(previous, turn);
    // The writes of a turn go out together (one round trip: node-redis pipelines concurrent commands).
    const writes: Array<Promise<unknown>> = [];
    if (queueBefore !== null && queueBefore !== queueNow) writes.push(this.deps.waitingRoom.leave(queueBefore, callSid));
    if (queueNow !== null && queueNow !== queueBefore) writes.push(this.deps.waitingRoom.join(queueNow, callSid, this.deps.clock.now()));
    const next = this.serialise(turn, requestId);
    this.known.delete(callSid);
    writes.push(this.deps.store.set(this.deps.keys.call(callSid), next.raw, this.deps.callTtlSeconds));
    await Promise.all(writes);
    this.known.set(callSid, next);
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

  private async read(callSid: string): Promise<string | null> {
    const raw = await this.deps.store.get(this.deps.keys.call(callSid));
    if (raw === null) this.known.delete(callSid);
    return raw;
  }

  /** The record just read, parsed and kept as the call's last known one. */
  private remember(callSid: string, raw: string): StoredCall {
    const stored = parseStoredCall(callSid, raw);
    this.known.set(callSid, { raw, stored });
    return stored;
  }

  private async load(callSid: string): Promise<StoredCall | null> {
    const raw = await this.read(callSid);
    return raw === null ? null : this.remember(callSid, raw);
  }
}

function queueNameOf(context: CallContext): string | null {
  return context.connection?.target.type === 'queue' ? context.connection.target.name : null;
}

/** The queue the caller waited in before the turn, and the one they wait in after it (null: none). */
function queuesOf(previous: StoredCall | null, turn: Turn): { before: string | null; now: string | null } {
  return {
    before: previous?.value === 'connecting' ? queueNameOf(previous.context) : null,
    now: turn.value === 'connecting' && !turn.context.bridged ? queueNameOf(turn.context) : null,
  };
}

/** A turn with no effect to execute and no queue to join or leave: it only changes the call's record. */
function isQuiet(previous: StoredCall | null, turn: Turn): boolean {
  if (turn.actions.some((action) => action.type === 'saveTicket' || action.type === 'endCall')) return false;
  const { before, now } = queuesOf(previous, turn);
  return before === now;
}
