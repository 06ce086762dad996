/**
 * Try a phone call against a draft, as text: the real service (see trialApp.ts) is called as Twilio
 * calls it (signed webhooks, TwiML read back), the caller's keys, words and silences played in turn.
 * The transcript says what the caller hears, what they did, where the call ends and what the advisor
 * hears before taking it (the whisper).
 */
import { z } from 'zod';
import { DepartementCodeSchema } from '../../advisors/principal';
import type { AppConfig } from '../../config/appConfig';
import { postSigned, SimulatedCall, type TwilioSide } from './simulatedCall';
import { parseTwiml, spokenText } from './twimlReader';
import { trialMoment, withTrialService, type ServiceBuilder } from './trialApp';

export const LocalDateTimeSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, { error: 'une date et une heure, par exemple « 2026-11-23T08:45 »' });

export const CallStepSchema = z.union([
  z.strictObject({ keys: z.string().regex(/^[0-9*#]{1,20}$/, { error: 'des touches du téléphone : chiffres, * ou #' }) }),
  z.strictObject({ say: z.string().trim().min(1).max(500) }),
  z.strictObject({ silence: z.literal(true) }),
]);

export const CallTrialSchema = z.strictObject({
  /** The territory whose time zone `at` is in (the national one, Paris, when absent). */
  territory: DepartementCodeSchema.optional(),
  /** The number the caller calls from (E.164), or « anonymous » for a hidden number. */
  callerNumber: z.union([z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'un numéro au format international, par exemple « +33612345678 »' }), z.literal('anonymous')]).optional(),
  /** Local date and time of the call, in the territory's time zone. */
  at: LocalDateTimeSchema,
  steps: z.array(CallStepSchema).max(40),
});

export type CallTrial = z.infer<typeof CallTrialSchema>;
export type CallStep = z.infer<typeof CallStepSchema>;

export type CallLine = { who: 'service'; text: string } | ({ who: 'caller' } & CallStep);

export type CallEnding =
  | { kind: 'queue'; queue: string }
  | { kind: 'workflow'; workflowSid: string }
  | { kind: 'dial'; number?: string; sip?: string }
  | { kind: 'hangup' }
  /** The call waits for the caller's next answer. */
  | { kind: 'menu' };

export interface CallTranscript {
  /** The instant played (UTC) and the zone it was given in. */
  at: string;
  timeZone: string;
  lines: CallLine[];
  end: CallEnding;
  /** What the advisor hears before the caller is put through; null when no advisor takes the call. */
  whisper: string | null;
  /** Steps left unplayed because the call had already ended. */
  unplayedSteps: number;
}

const TRIAL_FROM = '+33600000000';
const ADVISOR_LEG = { CallSid: `CA${'0'.repeat(32)}`, AccountSid: `AC${'0'.repeat(32)}`, From: '+33100000000', To: '+33800360360' };

async function spoken(side: TwilioSide, url: string): Promise<string | null> {
  const answer = await postSigned(side, url, ADVISOR_LEG);
  return answer.status === 200 ? spokenText(parseTwiml(answer.body)) || null : null;
}

function endingOf(call: SimulatedCall): CallEnding {
  const end = call.end();
  switch (end.kind) {
    case 'queue':
      return { kind: 'queue', queue: end.name };
    case 'workflow':
      return { kind: 'workflow', workflowSid: end.workflowSid };
    case 'dial':
      return { kind: 'dial', ...(end.number ? { number: end.number } : {}), ...(end.sip ? { sip: end.sip } : {}) };
    case 'gather':
      return { kind: 'menu' };
    default:
      return { kind: 'hangup' };
  }
}

/** The whisper, from the URL Twilio would fetch on the advisor's leg (none for an emergency number). */
async function whisperOf(side: TwilioSide, call: SimulatedCall): Promise<string | null> {
  const end = call.end();
  const base = `${side.publicBaseUrl}/voice`;
  if (end.kind === 'queue') return spoken(side, `${base}/advisor/dequeue?queue=${encodeURIComponent(end.name)}`);
  if (end.kind === 'dial' && end.whisperUrl) return spoken(side, new URL(end.whisperUrl, `${base}/`).toString());
  if (end.kind === 'workflow' && typeof end.task.ticketRef === 'string') {
    return spoken(side, `${base}/taskrouter/agent?reservation=WR${'0'.repeat(32)}&ticket=${encodeURIComponent(end.task.ticketRef)}`);
  }
  return null;
}

export async function tryCall(buildApp: ServiceBuilder, config: AppConfig, trial: CallTrial): Promise<CallTranscript> {
  const moment = trialMoment(config, trial.at, trial.territory);
  return withTrialService(buildApp, config, moment.instant, async ({ side }) => {
    const call = new SimulatedCall(side, { from: trial.callerNumber ?? TRIAL_FROM });
    await call.dial();
    const lines: CallLine[] = [{ who: 'service', text: call.spoken() }];
    let played = 0;
    for (const step of trial.steps) {
      if (call.end().kind !== 'gather') break;
      if ('keys' in step) await call.press(step.keys);
      else if ('say' in step) await call.say(step.say);
      else await call.silence();
      lines.push({ who: 'caller', ...step }, { who: 'service', text: call.spoken() });
      played += 1;
    }
    return {
      at: moment.instant.toISOString(),
      timeZone: moment.timeZone,
      lines,
      end: endingOf(call),
      whisper: await whisperOf(side, call),
      unplayedSteps: trial.steps.length - played,
    };
  });
}
