/**
 * Which log fields are censored, and how: every field that can hold a phone number, free text or
 * typed digits (Twilio webhook parameters and our own names), at the top level and nested up to two
 * levels (req.body.From, call.callbackNumber, params.Digits…).
 */
import { keyedHash } from './keyed-hash';

/** Fields that hold a phone number: replaced by a keyed hash so lines about one caller correlate. */
export const PHONE_NUMBER_LOG_FIELDS = [
  'From',
  'To',
  'Caller',
  'Called',
  'CallerNumber',
  'ForwardedFrom',
  'callbackNumber',
] as const;

/** Fields that hold what a person typed or said: replaced by a fixed marker. */
export const FREE_TEXT_LOG_FIELDS = [
  'Digits',
  'SpeechResult',
  'UnstableSpeechResult',
  'body',
  'text',
  'postcode',
] as const;

export const SENSITIVE_LOG_FIELDS: readonly string[] = [...PHONE_NUMBER_LOG_FIELDS, ...FREE_TEXT_LOG_FIELDS];

export const REDACTION_CENSOR = '[redacted]';

export function redactionPaths(fields: readonly string[] = SENSITIVE_LOG_FIELDS): string[] {
  return fields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);
}

const phoneNumberFields: ReadonlySet<string> = new Set(PHONE_NUMBER_LOG_FIELDS);

/** The pino `censor` function: `[redacted]`, or `[redacted:<keyed hash>]` for a phone number string. */
export function censorWith(hashKey: string): (value: unknown, path: string[]) => string {
  return (value, path) => {
    const field = path[path.length - 1];
    if (field !== undefined && phoneNumberFields.has(field) && typeof value === 'string' && value !== '') {
      return `[redacted:${keyedHash(hashKey, value)}]`;
    }
    return REDACTION_CENSOR;
  };
}
