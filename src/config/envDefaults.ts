/** Fixed values of the environment: its names and levels, the defaults, and the development values. */

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Development-only values: named so that nobody mistakes them for real secrets. */
export const DEV_DEFAULTS = {
  TWILIO_AUTH_TOKEN: 'dev-twilio-auth-token-not-a-secret',
  /** HS256 key of development advisor tokens (`npm run token:dev`); never used in production. */
  ADVISOR_DEV_SIGNING_KEY: 'dev-advisor-signing-key-not-a-secret-0000',
  LOG_HASH_KEY: 'dev-log-hash-key-not-a-secret',
  /** base64 of the 32 ASCII bytes "dev-data-key-not-a-secret-000000". */
  DATA_KEY: Buffer.from('dev-data-key-not-a-secret-000000', 'ascii').toString('base64'),
  /** Bearer token of /metrics on the public port when METRICS_PORT is not set. */
  METRICS_TOKEN: 'dev-metrics-token-not-a-secret',
  /** Signs the staff session cookie. */
  SESSION_SECRET: 'dev-session-secret-not-a-secret-000000',
} as const;

/** The local development provider's client (scripts/dev-oidc-provider.mjs). */
export const DEV_OIDC_CLIENT = { clientId: 'orientation-360-dev', clientSecret: 'dev-oidc-client-secret-not-a-secret' } as const;
export const DEFAULT_OIDC_SCOPES = 'openid email given_name usual_name siret';
export const DEFAULT_DEV_OIDC_PORT = 3001;
export const DEFAULT_SESSION_IDLE_MINUTES = 30;
export const DEFAULT_SESSION_MAX_HOURS = 12;
/** The local provider's national admin: the bootstrap admin in development (see src/advisors/README.md). */
export const DEV_BOOTSTRAP_ADMIN_EMAIL = 'admin.national@360.test';

/** Issuer and audience of development advisor tokens (and the defaults outside production). */
export const DEV_ADVISOR_JWT_ISSUER = 'orientation-360-dev';
export const DEFAULT_ADVISOR_JWT_AUDIENCE = 'orientation-360';
export const MIN_DEV_SIGNING_KEY_LENGTH = 32;

export const DEFAULT_PORT = 3000;
export const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 300;
export const DEFAULT_CALL_TTL_SECONDS = 4 * 60 * 60;
export const DEFAULT_TICKET_TTL_DAYS = 90;
export const DEFAULT_CHAT_TTL_SECONDS = 24 * 60 * 60;
export const DATA_KEY_BYTES = 32;
export const MIN_PRODUCTION_SECRET_LENGTH = 16;
export const MIN_METRICS_TOKEN_LENGTH = 16;
export const METRICS_REQUIRED = 'METRICS_TOKEN (or METRICS_PORT, a port of its own) is required in production: /metrics is never public';

export const PRODUCTION_REQUIRED = [
  'TWILIO_AUTH_TOKEN',
  'ADVISOR_JWKS_URL',
  'ADVISOR_JWT_ISSUER',
  'ADVISOR_JWT_AUDIENCE',
  'LOG_HASH_KEY',
  'DATA_KEY',
  'PUBLIC_BASE_URL',
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URL',
  'OIDC_POST_LOGOUT_REDIRECT_URL',
  'SESSION_SECRET',
] as const;

