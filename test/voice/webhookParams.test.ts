/**
 * The quick checks of the turn webhooks' parameters take exactly what the zod schemas take, and give
 * what they give; anything else is left to the schemas (null).
 */
import { CallParams, GatherParams, quickCallParams, quickGatherParams } from '../../src/voice/webhookParams';

const SID = 'CA0123456789abcdef0123456789ABCDEF';

/** Forms around every bound and pattern of the schemas, Twilio's unknown parameters included. */
function forms(): Array<Record<string, unknown>> {
  const sids: unknown[] = [SID, undefined, '', 'CA0123', `${SID}0`, `${SID}\n`, `ca${SID.slice(2)}`, `CA${'g'.repeat(32)}`, [SID, SID], 42, null];
  const texts = (max: number): unknown[] => [undefined, '', 'x', 'é'.repeat(max), 'a'.repeat(max + 1), '😀'.repeat(max / 2), '😀'.repeat(max / 2 + 1), ['a', 'b'], 7, null];
  const keys: unknown[] = [undefined, '', '1', '44000#', '*#0', '1'.repeat(64), '1'.repeat(65), '12a', ' 1', '1\n', ['1', '2'], 1];
  const out: Array<Record<string, unknown>> = [];
  for (const CallSid of sids) out.push({ CallSid, From: '+33612345678', To: '+33800360360', CallStatus: 'ringing', AccountSid: 'AC0', ApiVersion: '2010-04-01' });
  for (const From of texts(64)) out.push({ CallSid: SID, From });
  for (const To of texts(64)) out.push({ CallSid: SID, To, From: 'anonymous' });
  for (const CallStatus of texts(32)) out.push({ CallSid: SID, CallStatus });
  for (const Digits of keys) out.push({ CallSid: SID, Digits, FinishedOnKey: '' });
  for (const SpeechResult of texts(2000)) out.push({ CallSid: SID, SpeechResult, Confidence: '0.9' });
  out.push({}, { CallSid: SID }, Object.assign(Object.create(null) as Record<string, unknown>, { CallSid: SID, Digits: '2' }));
  // Keys given as undefined (not absent): zod keeps them in its result.
  out.push({ CallSid: SID, From: undefined, Digits: undefined });
  return out;
}

test.each([
  ['CallParams', CallParams, quickCallParams],
  ['GatherParams', GatherParams, quickGatherParams],
] as const)('When %s quickly checks a form, then it takes only what the schema takes and gives the same result', (_name, schema, quick) => {
  let taken = 0;
  for (const form of forms()) {
    const parsed = schema.safeParse(form);
    const fast = quick(form);
    if (fast === null) continue;
    taken++;
    expect(parsed.success).toBe(true);
    expect(fast).toStrictEqual(parsed.data);
    expect(Object.keys(fast)).toEqual(Object.keys(parsed.data ?? {}));
  }
  // The plain forms (valid sid and texts) are all taken quickly: the test compares something.
  expect(taken).toBeGreaterThan(20);
});

test('When a form is refused by the schema, then the quick check leaves it to the schema', () => {
  for (const form of forms()) {
    if (!GatherParams.safeParse(form).success) expect(quickGatherParams(form)).toBeNull();
    if (!CallParams.safeParse(form).success) expect(quickCallParams(form)).toBeNull();
  }
});
