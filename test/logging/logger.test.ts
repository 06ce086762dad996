import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging/logger';
import { keyedHash } from '../../src/logging/keyed-hash';
import { SENSITIVE_LOG_FIELDS } from '../../src/logging/redaction';

const HASH_KEY = 'test-log-hash-key';
const PHONE = '+33612345678';
const PHONE_NATIONAL = '0612345678';
const SPEECH = 'mon fils autiste n a plus de place en IME';
const DIGITS = '44000';

/** A logger whose JSON lines are collected in memory. */
function collect(level: 'info' | 'debug' = 'debug'): { logger: Logger; output: () => string; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level, hashKey: HASH_KEY, destination });
  const output = () => chunks.join('');
  const lines = () =>
    output()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, output, lines };
}

function expectNothingInClear(output: string): void {
  for (const secret of [PHONE, PHONE_NATIONAL, '612345678', SPEECH, 'autiste', DIGITS]) {
    expect(output).not.toContain(secret);
  }
}

/** A Twilio webhook body as express would parse it. */
const twilioBody = {
  CallSid: 'CA0123456789abcdef0123456789abcdef',
  From: PHONE,
  To: '+33800360360',
  Caller: PHONE,
  Called: '+33800360360',
  Digits: DIGITS,
  SpeechResult: SPEECH,
  UnstableSpeechResult: SPEECH,
};

describe('createLogger redaction', () => {
  test('top-level fields are censored', () => {
    const { logger, output, lines } = collect();
    logger.info({ ...twilioBody, callbackNumber: PHONE_NATIONAL, text: SPEECH, body: SPEECH, postcode: DIGITS, CallerNumber: PHONE }, 'webhook');
    expectNothingInClear(output());
    const [line] = lines();
    expect(line).toMatchObject({ msg: 'webhook', CallSid: twilioBody.CallSid, SpeechResult: '[redacted]', Digits: '[redacted]' });
  });

  test.each(['req', 'body', 'params', 'call'])('fields under %s are censored', (parent) => {
    const { logger, output } = collect();
    logger.info({ [parent]: { ...twilioBody, callbackNumber: PHONE, text: SPEECH, postcode: DIGITS } }, 'nested');
    expectNothingInClear(output());
  });

  test('a request body nested under req (req.body.From) is censored', () => {
    const { logger, output, lines } = collect();
    logger.info({ req: { method: 'POST', url: '/voice/gather', body: twilioBody, params: { Digits: DIGITS } } }, 'request');
    expectNothingInClear(output());
    const line = lines()[0] as { req: { url: string; body: unknown } };
    expect(line.req.url).toBe('/voice/gather');
    expect(line.req.body).toBe('[redacted]');
  });

  test('a whole body field is censored, whatever it holds', () => {
    const { logger, output } = collect();
    logger.info({ body: { anything: SPEECH, From: PHONE } }, 'chat message');
    expectNothingInClear(output());
  });

  test('child bindings are censored too', () => {
    const { logger, output } = collect();
    logger.child({ From: PHONE, call: { Caller: PHONE } }).warn({ Digits: DIGITS }, 'child');
    expectNothingInClear(output());
  });

  test('phone numbers become a keyed hash so lines of one caller correlate', () => {
    const { logger, lines } = collect();
    logger.info({ From: PHONE }, 'first');
    logger.info({ call: { From: PHONE } }, 'second');
    const [first, second] = lines() as Array<{ From?: string; call?: { From: string } }>;
    const expected = `[redacted:${keyedHash(HASH_KEY, PHONE)}]`;
    expect(first?.From).toBe(expected);
    expect(second?.call?.From).toBe(expected);
  });

  test('the recommended call context carries a hash, never the number', () => {
    const { logger, output, lines } = collect();
    const callLogger = logger.child({ callSid: twilioBody.CallSid, caller: keyedHash(HASH_KEY, PHONE) });
    callLogger.info({ step: 'profile' }, 'step');
    expectNothingInClear(output());
    expect(lines()[0]).toMatchObject({ callSid: twilioBody.CallSid, caller: keyedHash(HASH_KEY, PHONE) });
  });

  test('every sensitive field is covered', () => {
    const { logger, output } = collect();
    const marker = 'SENSITIVE-VALUE-0612345678';
    const fields = Object.fromEntries(SENSITIVE_LOG_FIELDS.map((field) => [field, marker]));
    logger.info({ ...fields, req: fields, body: fields, params: fields, call: fields }, 'all');
    expect(output()).not.toContain(marker);
  });

  test('the level is honoured', () => {
    const { logger, lines } = collect('info');
    logger.debug('hidden');
    logger.info('shown');
    expect(lines().map((line) => line.msg)).toEqual(['shown']);
  });
});

describe('keyedHash', () => {
  test('is 16 hex characters, stable for one key', () => {
    const hash = keyedHash(HASH_KEY, PHONE);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(keyedHash(HASH_KEY, PHONE)).toBe(hash);
  });

  test('differs across keys and across values', () => {
    expect(keyedHash('another-key', PHONE)).not.toBe(keyedHash(HASH_KEY, PHONE));
    expect(keyedHash(HASH_KEY, '+33612345679')).not.toBe(keyedHash(HASH_KEY, PHONE));
  });

  test('does not contain the value', () => {
    expect(keyedHash(HASH_KEY, PHONE)).not.toContain('612345678');
  });
});
