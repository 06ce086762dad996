/**
 * What we keep of a call between two webhooks, and its compact JSON form (≤ 1 KB in Redis per live
 * call): the machine's state, the context fields that differ from a new call's (the CallSid is the
 * key's own), and the id of the last request answered. The answer to that request is not kept: it is
 * rendered again from the same state when Twilio retries it.
 *
 *   { "v": 2, "s": "connecting", "r": "<idempotency token>", "c": { "profile": "aidant", … },
 *     "ch": [["profile", "aidant", "dtmf"], …] }
 *
 * The menu choices, the longest part of a call routed to a human, are kept as [step, value, via].
 *
 * Version 1 (the whole context, and the last answer's TwiML) is still read: calls stored by a
 * previous release live until their TTL.
 */
import { initialCallContext, type CallContext, type Choice } from './callMachine';

export interface StoredCall {
  value: string;
  context: CallContext;
  /** The last request answered: a retried webhook gets the same answer, without a second transition. */
  lastRequestId: string;
  /** The configuration version the call started on: it finishes on it (absent: the one served now). */
  configVersion?: string;
}

interface CompactCall {
  v: 2;
  s: string;
  r: string;
  /** The configuration version (absent: none recorded). */
  k?: string;
  c: Partial<CallContext>;
  ch?: CompactChoice[];
}

/** A menu choice as [step, value, via]. */
export type CompactChoice = [Choice['step'], Choice['value'], Choice['via']];

interface StoredCallV1 {
  v: 1;
  value: string;
  context: CallContext;
  lastRequestId: string;
  configVersion?: string;
}

const DEFAULTS = initialCallContext({ callSid: '', caller: null });

/** A default is null, false, 0, 'normale' or an empty list: a field equal to it is left out. */
function isDefault(field: keyof CallContext, value: unknown): boolean {
  const empty = DEFAULTS[field];
  return value === empty || (Array.isArray(value) && value.length === 0 && Array.isArray(empty)) || (value === undefined && empty === null);
}

/** The context's fields that differ from a new call's (the callSid and the choices left out), and its choices as tuples. */
export function compactContext(context: CallContext): { c: Partial<CallContext>; ch?: CompactChoice[] } {
  const changed: Record<string, unknown> = {};
  for (const field in context) {
    if (field === 'callSid' || field === 'choices') continue;
    const value = context[field as keyof CallContext];
    if (!isDefault(field as keyof CallContext, value)) changed[field] = value;
  }
  const compact: { c: Partial<CallContext>; ch?: CompactChoice[] } = { c: changed as Partial<CallContext> };
  if (context.choices.length > 0) compact.ch = context.choices.map((choice) => [choice.step, choice.value, choice.via]);
  return compact;
}

/** The context compactContext was given: a new call's, with the stored fields and choices over it. */
export function expandContext(callSid: string, changed: Partial<CallContext>, choices: CompactChoice[] | undefined): CallContext {
  // A new call's context with the stored fields over it (one object, not a copy of a copy).
  const context = Object.assign(initialCallContext({ callSid, caller: null }), changed);
  context.choices = (choices ?? []).map(([step, value, via]): Choice => ({ step, value, via }));
  context.callSid = callSid;
  return context;
}

export function serialiseCall(call: StoredCall): string {
  const { c, ch } = compactContext(call.context);
  const compact: CompactCall = { v: 2, s: call.value, r: call.lastRequestId, c };
  if (call.configVersion !== undefined) compact.k = call.configVersion;
  if (ch) compact.ch = ch;
  return JSON.stringify(compact);
}

/** The stored call, or an error when the record is not one (never its content: it holds personal data). */
export function parseStoredCall(callSid: string, raw: string): StoredCall {
  const parsed = JSON.parse(raw) as Partial<CompactCall> | Partial<StoredCallV1>;
  if (parsed.v === 2 && typeof parsed.s === 'string' && typeof parsed.r === 'string' && typeof parsed.c === 'object' && parsed.c !== null) {
    const context = expandContext(callSid, parsed.c, parsed.ch);
    return { value: parsed.s, lastRequestId: parsed.r, context, ...(typeof parsed.k === 'string' ? { configVersion: parsed.k } : {}) };
  }
  if (parsed.v === 1 && typeof parsed.value === 'string' && typeof parsed.context === 'object' && parsed.context !== null) {
    const version = typeof parsed.configVersion === 'string' ? { configVersion: parsed.configVersion } : {};
    return { value: parsed.value, context: parsed.context, lastRequestId: String(parsed.lastRequestId), ...version };
  }
  throw new Error(`Stored state of call ${callSid} is unusable`);
}
