/**
 * The chat state's record as read from the store (the edge where a corrupt or foreign record comes in):
 * its two forms checked by zod before they become a StoredChat (storedChat.ts). Kept cheap for the hot
 * path (one load per turn): types only, no copy of what is not read, the context's known fields checked
 * by type and any other kept as it is (a field a newer release adds survives a save by this one).
 */
import { z } from 'zod';
import { DANGER_KINDS } from '../domain/vocabulary';

const text = z.string();
const nullableText = text.nullable();
const sealedNumber = z.object({ sealed: text, lastDigits: text });
const sealedEmail = z.object({ sealed: text, hint: text });
const count = z.number().int().nonnegative();
const dangerKind = z.enum(DANGER_KINDS);

/** A call context's fields (src/voice/callContext.ts), each optional: the compact form keeps only those that differ. */
const contextFields = {
  callSid: text,
  caller: sealedNumber.nullable(),
  slow: z.boolean(),
  attempts: count,
  lastProblem: z.enum(['noInput', 'invalid']).nullable(),
  notice: z.enum(['slower', 'dialFailed']).nullable(),
  profile: nullableText,
  needGroup: nullableText,
  need: nullableText,
  priority: z.enum(['normale', 'prioritaire']),
  departementCandidates: z.array(text),
  departement: nullableText,
  route: z.looseObject({}).nullable(),
  connection: z.looseObject({}).nullable(),
  ticketRef: nullableText,
  callbackNumber: sealedNumber.nullable(),
  callbackEmail: sealedEmail.nullable(),
  bridged: z.boolean(),
  danger: dangerKind.nullable(),
  dangerNumber: nullableText,
  dangerCheck: z.object({ kind: dangerKind, from: text }).nullable(),
};
const choice = z.object({ step: text, value: text, via: z.enum(['dtmf', 'speech']) });
const PartialContext = z.looseObject(z.object(contextFields).partial().shape);
const FullContext = z.looseObject({ ...z.object(contextFields).partial().shape, choices: z.array(choice) });

/** The chat's own fields (absent: their default). */
const chatFields = {
  mode: z.enum(['bot', 'waiting', 'human']).optional(),
  misses: count.optional(),
  acknowledged: z.boolean().optional(),
  danger: dangerKind.nullable().optional(),
  dangerCheck: dangerKind.optional(),
  dangerDoubt: dangerKind.optional(),
  pendingHandoff: z.object({ reason: z.enum(['asked', 'retries']), misses: count, candidates: z.array(text) }).nullable().optional(),
  departementAsked: z.boolean().optional(),
  linkConsent: z.literal('asked').optional(),
  contactCounted: z.literal(true).optional(),
  handoff: z.enum(['waiting', 'callback', 'answered', 'abandoned']).optional(),
};

/** Version 2, compact: `{ v: 2, s, k?, c, ch?, id?, …chat fields }`. */
export const CompactChatRecord = z.object({
  v: z.literal(2),
  s: text,
  k: text.optional(),
  c: PartialContext,
  ch: z.array(z.tuple([text, text, z.enum(['dtmf', 'speech'])])).optional(),
  id: text.optional(),
  ...chatFields,
});

/** Version 1, the whole state (with its transcript inside before the transcript had its own list). */
export const FullChatRecord = z.looseObject({
  v: z.literal(1),
  value: text,
  context: FullContext,
  configVersion: text.optional(),
  transcript: z.array(z.looseObject({ from: z.enum(['user', 'bot', 'advisor']), text, at: text })).optional(),
  ...chatFields,
});


/** The paths of the fields at fault (never their values: a state holds personal data). */
export function faultyFields(error: z.ZodError): string {
  return [...new Set(error.issues.map((issue) => issue.path.join('.') || '(record)'))].join(', ');
}
