/**
 * The form parameters Twilio posts to our voice webhooks, checked with zod. The call webhooks' unknown
 * parameters (Twilio sends about twenty) are left out of what the handlers get: none reads them, and
 * copying them cost more than checking the rest.
 */
import { z } from 'zod';

const CallSid = z.string().regex(/^CA[0-9a-fA-F]{32}$/, 'a Twilio CallSid (CA + 32 hex characters)');
const optionalText = (max: number) => z.string().max(max).optional();

export const CallParams = z.object({
  CallSid,
  From: optionalText(64),
  To: optionalText(64),
  CallStatus: optionalText(32),
});

export const GatherParams = CallParams.extend({
  Digits: z.string().regex(/^[0-9*#]{0,64}$/, 'keys 0-9, * and #').optional(),
  SpeechResult: optionalText(2000),
});

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
