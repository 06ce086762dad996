/**
 * The four webhooks that play a call's turns (incoming, step, queue result, dial result), defined
 * once, free of any HTTP framework: the express router (src/voice/routes.ts) and the lean voice lane
 * (src/voice/voiceLane.ts) both answer them through `answerTurn`. Whatever goes wrong, the caller
 * gets valid TwiML that reaches a human.
 */
import type { z } from 'zod';
import type { Clock, Metrics } from '../domain/ports';
import type { Logger } from '../logging';
import type { SealedNumber } from './callMachine';
import type { CallTurns } from './callTurns';
import { emergencyTwiml, type EmergencyDeps } from './emergency';
import { CallParams, DialResultParams, GatherParams, isWithheldNumber, QueueResultParams } from './webhookParams';

/** A request's query string, parsed as express parses it (a value, or a list when repeated). */
export type Query = Record<string, string | string[] | undefined>;

/** What a turn webhook gets from the request besides its form parameters. */
export interface TurnRequest {
  query: Query;
  /** Twilio's I-Twilio-Idempotency-Token: a retried webhook carries the same one. */
  requestId: string;
}

export interface TurnWebhook {
  /** The path under /voice, e.g. `/step`. */
  path: string;
  /** The name in log lines. */
  name: string;
  answer(body: unknown, request: TurnRequest): Promise<string>;
}

export interface TurnWebhookDeps {
  calls: CallTurns;
  emergency: EmergencyDeps;
  departementName(code: string): string | undefined;
  sealPhoneNumber(e164: string): SealedNumber;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

/** Twilio's QueueResult values that mean the territory's queue did not take the caller. */
const QUEUE_REFUSED = new Set(['queue-full', 'error', 'system-error']);

/** Twilio sends the same token again when it retries a webhook; no token → never treated as a retry. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' ? header : `${Date.now()}-${Math.random()}`;
}

/**
 * Apology + a human: the territory if the département is known (signed `d=` in the URL, or the
 * stored call when the store still answers), else the national fallback.
 */
export async function emergencyFor(deps: TurnWebhookDeps, callSid: string | undefined, hinted?: unknown): Promise<string> {
  let departement: string | null = typeof hinted === 'string' && deps.departementName(hinted) ? hinted : null;
  if (departement === null && callSid) {
    try {
      departement = (await deps.calls.context(callSid))?.departement ?? null;
    } catch {
      departement = null;
    }
  }
  return emergencyTwiml(deps.emergency, departement, deps.clock.now());
}

/**
 * One turn webhook: its parameters checked with `schema`, then `handle`; failures end with a human:
 * the caller's territory, unless `nationalOnFailure` says that territory cannot take them.
 */
function turnWebhook<S extends z.ZodType<{ CallSid: string }>>(
  deps: TurnWebhookDeps,
  path: string,
  name: string,
  schema: S,
  handle: (params: z.infer<S>, request: TurnRequest) => Promise<string>,
  nationalOnFailure: (params: z.infer<S>) => boolean = () => false,
): TurnWebhook {
  const { logger } = deps;
  return {
    path,
    name,
    async answer(body, request) {
      const form = (body ?? {}) as Record<string, unknown>;
      const callSid = typeof form.CallSid === 'string' ? form.CallSid : undefined;
      // Phone numbers, digits and speech are censored by the logger (keyed hash for numbers).
      if (logger.isLevelEnabled('debug')) logger.debug({ webhook: name, callSid, From: form.From, Digits: form.Digits, SpeechResult: form.SpeechResult }, 'webhook received');
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        logger.warn({ webhook: name, callSid, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'webhook parameters refused');
        return emergencyFor(deps, undefined, request.query.d);
      }
      try {
        return await handle(parsed.data, request);
      } catch (error) {
        logger.error({ webhook: name, callSid, err: error }, 'call turn failed: putting the caller through to a human');
        if (nationalOnFailure(parsed.data)) return emergencyTwiml(deps.emergency, null, deps.clock.now());
        return emergencyFor(deps, parsed.data.CallSid, request.query.d);
      }
    },
  };
}

export function createTurnWebhooks(deps: TurnWebhookDeps): TurnWebhook[] {
  const { calls } = deps;
  const at = () => deps.clock.now().toISOString();
  return [
    turnWebhook(deps, '/incoming', 'incoming', CallParams, (params, request) => {
      const caller = isWithheldNumber(params.From) ? null : deps.sealPhoneNumber(params.From as string);
      return calls.start({ callSid: params.CallSid, caller }, request.requestId);
    }),

    turnWebhook(deps, '/step', 'step', GatherParams, (params, request) => {
      const digits = params.Digits?.trim() ?? '';
      const speech = params.SpeechResult?.trim() ?? '';
      const silent = request.query.noInput !== undefined || (digits === '' && speech === '');
      const event = silent
        ? ({ type: 'NO_INPUT', at: at() } as const)
        : ({ type: 'INPUT', at: at(), ...(digits ? { digits } : { speech }) } as const);
      return calls.send(params.CallSid, event, request.requestId);
    }),

    turnWebhook(
      deps,
      '/queue/result',
      'queue-result',
      QueueResultParams,
      (params, request) => {
        deps.metrics.queueLeft(request.query.d, params.QueueResult, params.QueueTime);
        return calls.send(params.CallSid, { type: 'QUEUE_RESULT', at: at(), result: params.QueueResult }, request.requestId);
      },
      // The territory's queue is full or failed: never back into it, the national fallback instead.
      (params) => QUEUE_REFUSED.has(params.QueueResult),
    ),

    turnWebhook(deps, '/dial/result', 'dial-result', DialResultParams, (params, request) =>
      calls.send(params.CallSid, { type: 'DIAL_RESULT', at: at(), status: params.DialCallStatus }, request.requestId),
    ),
  ];
}
