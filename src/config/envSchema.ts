/** The environment's variables, each with the reader that checks it (one zod schema). */
import { z } from 'zod';
import { LOG_LEVELS, MIN_DEV_SIGNING_KEY_LENGTH, MIN_METRICS_TOKEN_LENGTH, NODE_ENVS } from './envDefaults';
import {
  DATA_KEY_BYTES,
  decodeDataKey,
  httpUrl,
  integer,
  isHttpUrl,
  isRedisUrl,
  nodeList,
  optional,
  parseTrustProxy,
  TRUST_PROXY_EXPECTED,
  type TrustProxy,
} from './envValues';

const SIGNING_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

export const RawEnvSchema = z.object({
  NODE_ENV: optional(z.enum(NODE_ENVS, { error: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}` })),
  PORT: optional(integer('PORT', 0, 65535)),
  TRUST_PROXY: optional(
    z
      .string()
      .refine((text) => parseTrustProxy(text) !== null, { error: TRUST_PROXY_EXPECTED })
      .transform((text) => parseTrustProxy(text) as TrustProxy),
  ),
  PUBLIC_BASE_URL: optional(
    z
      .string()
      .refine(isHttpUrl, {
        error: 'PUBLIC_BASE_URL must be an absolute http(s) URL without query or fragment, e.g. https://voice.example.fr',
      })
      .transform((url) => url.trim().replace(/\/+$/, '')),
  ),
  TWILIO_AUTH_TOKEN: optional(z.string()),
  ADVISOR_JWKS_URL: optional(
    z.string().refine((text) => isHttpUrl(text.trim()), { error: 'ADVISOR_JWKS_URL must be an absolute http(s) URL, e.g. https://auth.example.fr/jwks' }),
  ),
  ADVISOR_JWT_ISSUER: optional(z.string().max(500)),
  ADVISOR_JWT_AUDIENCE: optional(z.string().max(500)),
  ADVISOR_DEV_SIGNING_KEY: optional(
    z.string().min(MIN_DEV_SIGNING_KEY_LENGTH, { error: `ADVISOR_DEV_SIGNING_KEY must be at least ${MIN_DEV_SIGNING_KEY_LENGTH} characters` }),
  ),
  REDIS_URL: optional(
    z.string().refine(isRedisUrl, { error: 'REDIS_URL must be a redis:// or rediss:// URL' }),
  ),
  REDIS_COMMAND_TIMEOUT_MS: optional(integer('REDIS_COMMAND_TIMEOUT_MS', 1, 60_000)),
  REDIS_SENTINELS: optional(nodeList('REDIS_SENTINELS')),
  REDIS_SENTINEL_NAME: optional(
    z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, { error: 'REDIS_SENTINEL_NAME must be the master name the sentinels monitor (letters, digits, . _ -)' }),
  ),
  REDIS_SENTINEL_PASSWORD: optional(z.string()),
  REDIS_CLUSTER_NODES: optional(nodeList('REDIS_CLUSTER_NODES')),
  REDIS_PASSWORD: optional(z.string()),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })),
  LOG_HASH_KEY: optional(z.string()),
  DATA_KEY: optional(
    z.string().refine((text) => decodeDataKey(text) !== null, {
      error: `DATA_KEY must be a ${DATA_KEY_BYTES}-byte key written as 64 hex characters or as base64`,
    }),
  ),
  CONFIG_DIR: optional(z.string()),
  CALL_TTL_SECONDS: optional(integer('CALL_TTL_SECONDS', 60, 7 * 24 * 60 * 60)),
  TICKET_TTL_DAYS: optional(integer('TICKET_TTL_DAYS', 1, 3650)),
  CHAT_TTL_SECONDS: optional(integer('CHAT_TTL_SECONDS', 60, 7 * 24 * 60 * 60)),
  METRICS_PORT: optional(integer('METRICS_PORT', 0, 65535)),
  METRICS_TOKEN: optional(
    z
      .string()
      .regex(/^[\x21-\x7e]{16,512}$/, { error: `METRICS_TOKEN must be ${MIN_METRICS_TOKEN_LENGTH} to 512 printable characters without spaces` }),
  ),
  MicrosoftAppId: optional(z.string().regex(/^[0-9a-fA-F-]{36}$/, { error: 'MicrosoftAppId must be the bot’s application id (a GUID)' })),
  MicrosoftAppPassword: optional(z.string()),
  MicrosoftAppType: optional(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { error: 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI' })),
  MicrosoftAppTenantId: optional(z.string()),
  OIDC_ISSUER_URL: optional(httpUrl('OIDC_ISSUER_URL', 'https://auth.agentconnect.gouv.fr/api/v2')),
  OIDC_CLIENT_ID: optional(z.string().max(500)),
  OIDC_CLIENT_SECRET: optional(z.string().max(1000)),
  OIDC_REDIRECT_URL: optional(httpUrl('OIDC_REDIRECT_URL', 'https://360.example.fr/auth/callback')),
  OIDC_POST_LOGOUT_REDIRECT_URL: optional(httpUrl('OIDC_POST_LOGOUT_REDIRECT_URL', 'https://360.example.fr/console')),
  OIDC_SCOPES: optional(
    z.string().regex(/^[\w.:-]+( [\w.:-]+)*$/, { error: 'OIDC_SCOPES must be scopes separated by single spaces' }).refine((s) => s.split(' ').includes('openid'), {
      error: 'OIDC_SCOPES must include openid',
    }),
  ),
  OIDC_ACR_VALUES: optional(z.string().regex(/^[\w.:-]+( [\w.:-]+)*$/, { error: 'OIDC_ACR_VALUES must be acr values separated by single spaces, e.g. eidas1' })),
  OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG: optional(z.enum(SIGNING_ALGORITHMS, { error: `OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG must be one of ${SIGNING_ALGORITHMS.join(', ')}` })),
  OIDC_USERINFO_SIGNED_RESPONSE_ALG: optional(z.enum(SIGNING_ALGORITHMS, { error: `OIDC_USERINFO_SIGNED_RESPONSE_ALG must be one of ${SIGNING_ALGORITHMS.join(', ')}` })),
  DEV_OIDC_PORT: optional(integer('DEV_OIDC_PORT', 0, 65535)),
  SESSION_SECRET: optional(z.string().min(32, { error: 'SESSION_SECRET must be at least 32 characters' })),
  SESSION_IDLE_MINUTES: optional(integer('SESSION_IDLE_MINUTES', 1, 24 * 60)),
  SESSION_MAX_HOURS: optional(integer('SESSION_MAX_HOURS', 1, 7 * 24)),
  BOOTSTRAP_ADMIN_EMAILS: optional(
    z
      .string()
      .transform((text) => text.split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== ''))
      .pipe(z.array(z.email({ error: 'BOOTSTRAP_ADMIN_EMAILS must be e-mail addresses separated by commas' })).max(20)),
  ),
});

export type RawEnv = z.output<typeof RawEnvSchema>;
