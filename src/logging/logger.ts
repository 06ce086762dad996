import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/env';
import { censorWith, redactionPaths } from './redaction';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: LogLevel;
  /** Key of the keyed hashes that replace phone numbers (same key as `keyedHash` callers use). */
  hashKey: string;
  /** Where JSON lines go (stdout when absent); tests pass an in-memory Writable. */
  destination?: DestinationStream;
}

/**
 * The JSON logger of the service. Every field that can hold personal data is censored; phone
 * numbers become `[redacted:<keyed hash>]`. Use `logger.child({ callSid, caller: keyedHash(key, From) })`
 * to correlate the lines of one call.
 */
export function createLogger(options: LoggerOptions): Logger {
  const pinoOptions: pino.LoggerOptions = {
    level: options.level,
    redact: { paths: redactionPaths(), censor: censorWith(options.hashKey) },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(pinoOptions, options.destination) : pino(pinoOptions);
}

/** A logger that writes nothing (for tests, and modules used without a logger). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
