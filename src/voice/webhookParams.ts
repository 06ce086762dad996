/**
 * The form parameters Twilio posts to our voice webhooks, checked with zod. The call webhooks' unknown
 * parameters (Twilio sends about twenty) are left out of what the handlers get: none reads them, and
 * copying them cost more than checking the rest.
 *
 * The two webhooks of every turn (incoming, step) also have a quick check (`quickCallParams`,
 * `quickGatherParams`): it takes only parameters the schema takes, gives what the schema gives, and
 * hands everything else to the schema (which refuses it, or takes it, with its own messages).
 */
import { z } from 'zod';

const CALL_SID = /^CA[0-9a-fA-F]{32}$/;
const KEYS = /^[0-9*#]{0,64}$/;
/** The longest text of each optional parameter. */
const MAX = { From: 64, To: 64, CallStatus: 32, SpeechResult: 2000 } as const;

const CallSid = z.string().regex(CALL_SID, 'a Twilio CallSid (CA + 32 hex characters)');
const optionalText = (max: number) => z.string().max(max).optional();

export const CallParams = z.object({
  CallSid,
  From: optionalText(MAX.From),
  To: optionalText(MAX.To),
  CallStatus: optionalText(MAX.CallStatus),
});

export const GatherParams = CallParams.extend({
  Digits: z.string().regex(KEYS, 'keys 0-9, * and #').optional(),
  SpeechResult: optionalText(MAX.SpeechResult),
});

type CallParamsData = z.infer<typeof CallParams>;
type GatherParamsData = z.infer<typeof GatherParams>;

/**
 * Absent, or a text within `max` characters (as zod's `.max` counts them). A name present with an
 * undefined value (never so in a parsed form) is not plain: zod keeps it in its result.
 */
function fits(form: Record<string, unknown>, name: keyof typeof MAX): boolean {
  const value = form[name];
  return value === undefined ? !(name in form) : typeof value === 'string' && value.length <= MAX[name];
}

/** CallParams' result for a form it plainly takes (a text CallSid of the right shape, texts within bounds); null: ask CallParams. */
export function quickCallParams(form: Record<string, unknown>): CallParamsData | null {
  const { CallSid: sid, From, To, CallStatus } = form;
  if (typeof sid !== 'string' || !CALL_SID.test(sid) || !fits(form, 'From') || !fits(form, 'To') || !fits(form, 'CallStatus')) return null;
  // As zod: the fields absent from the form are absent from the result.
  const params: CallParamsData = { CallSid: sid };
  if (From !== undefined) params.From = From as string;
  if (To !== undefined) params.To = To as string;
  if (CallStatus !== undefined) params.CallStatus = CallStatus as string;
  return params;
}

/** GatherParams' result for a form it plainly takes; null: ask GatherParams. */
export function quickGatherParams(form: Record<string, unknown>): GatherParamsData | null {
  const { Digits, SpeechResult } = form;
  if (!(Digits === undefined ? !('Digits' in form) : typeof Digits === 'string' && KEYS.test(Digits)) || !fits(form, 'SpeechResult')) return null;
  const params: GatherParamsData | null = quickCallParams(form);
  if (params === null) return null;
  if (Digits !== undefined) params.Digits = Digits as string;
  if (SpeechResult !== undefined) params.SpeechResult = SpeechResult as string;
  return params;
}

export const QueueResultParams = CallParams.extend({
  QueueResult: z.string().max(32).default('error'),
  /** Seconds the caller spent in the queue (only counted: a bad value never fails the call). */
  QueueTime: z.coerce.number().int().min(0).optional().catch(undefined),
});

export const DialResultParams = CallParams.extend({
  DialCallStatus: z.string().max(32).default('failed'),
});

export const QueueWaitParams = CallParams.extend({
  QueuePosition: z.coerce.number().int().min(0).optional(),
  QueueTime: z.coerce.number().int().min(0).optional(),
  AvgQueueTime: z.coerce.number().int().min(0).optional(),
});

export const WaitChoiceParams = QueueWaitParams.extend({
  Digits: z.string().regex(/^[0-9*#]{0,8}$/).optional(),
});

export const TaskRouterAssignmentParams = z.looseObject({
  ReservationSid: z.string().regex(/^WR[0-9a-fA-F]{32}$/, 'a TaskRouter ReservationSid'),
  TaskAttributes: z.string().max(20000),
  WorkerAttributes: z.string().max(20000),
});

/** Numbers that mean « withheld » in Twilio's From. */
export function isWithheldNumber(from: string | undefined): boolean {
  if (!from) return true;
  const normalised = from.trim().toLowerCase();
  return ['anonymous', 'restricted', 'unknown', 'private', 'blocked', '+266696687', '+7378742833', '+2562533', '+8656696'].includes(normalised) || !/^\+?\d{6,15}$/.test(normalised);
}
