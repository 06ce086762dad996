export { createLogger, silentLogger, type Logger, type LoggerOptions } from './logger';
export { keyedHash } from './keyed-hash';
export {
  PHONE_NUMBER_LOG_FIELDS,
  FREE_TEXT_LOG_FIELDS,
  SENSITIVE_LOG_FIELDS,
  REDACTION_CENSOR,
  redactionPaths,
} from './redaction';
