/**
 * The process environment, read and validated once at start-up.
 *
 * Outside production, secrets fall back to clearly-named development values (listed in
 * `devDefaultsUsed` so main can warn). In production they are required. Error messages name the
 * variable and what is expected, and never echo a value.
 */
import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Which proxies in front of the service may say who the client is (X-Forwarded-For), as express's
 * `trust proxy`: none (the socket's address is the client's), a number of hops, or a list of
 * addresses / CIDRs (and express's names loopback, linklocal, uniquelocal).
 */
export type TrustProxy = false | number | readonly string[];

export interface Env {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  readonly trustProxy: TrustProxy;
  /** Base URL Twilio calls (used to build action URLs and check signatures); no trailing slash. */
  readonly publicBaseUrl: string;
  readonly twilioAuthToken: string;
  /**
   * Advisor sign-in (bearer JWTs): the identity provider's JWKS (OpenID Connect, e.g. ProConnect)
   * with its issuer and audience; outside production without a JWKS, a local HS256 development key.
   */
  readonly advisorAuth: {
    readonly jwksUrl: string | undefined;
    readonly issuer: string;
    readonly audience: string;
    readonly devSigningKey: string | undefined;
  };
  /** One Redis server. Absent, and no Sentinel or Cluster either: the embedded in-memory store is used. */
  readonly redisUrl: string | undefined;
  /** A Redis Sentinel group (REDIS_SENTINELS, REDIS_SENTINEL_NAME): node-redis follows its primary. */
  readonly redisSentinel:
    | { readonly masterName: string; readonly sentinels: readonly RedisNode[]; readonly sentinelPassword: string | undefined }
    | undefined;
  /** Some nodes of a Redis Cluster (REDIS_CLUSTER_NODES); node-redis discovers the others. */
  readonly redisClusterNodes: readonly RedisNode[] | undefined;
  /** Password of the Sentinel group's primary and replicas, or of the Cluster's nodes (REDIS_PASSWORD). */
  readonly redisPassword: string | undefined;
  readonly redisCommandTimeoutMs: number;
  readonly logLevel: LogLevel;
  /** Key of the keyed hashes that stand for phone numbers in logs. */
  readonly logHashKey: string;
  /** 32-byte key that seals callback numbers (AES-256-GCM). */
  readonly dataKey: Buffer;
  /** Absolute directory of what a coordinator edits: config/, flows/, prompts/ and content/ (nothing else). */
  readonly configDir: string;
  readonly callTtlSeconds: number;
  /** Retention of the personal data in tickets. */
  readonly ticketTtlDays: number;
  /** Life of a chat conversation's state after its last message. */
  readonly chatTtlSeconds: number;
  /** The bot's Bot Framework identity; no app id = local mode (only our own chat channel). */
  readonly bot: {
    readonly microsoftAppId: string | undefined;
    readonly microsoftAppPassword: string | undefined;
    readonly microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly microsoftAppTenantId: string | undefined;
  };
  /**
   * Where /metrics is served (never public): on a port of its own (`port`), or on PORT behind the
   * bearer `token`; with both, on its own port behind the token.
   */
  readonly metrics: { readonly port: number | undefined; readonly token: string | undefined };
  /** Staff sign-in (OpenID Connect, e.g. ProConnect) and server-side sessions. */
  readonly signIn: SignInEnv;
  /** Names of the variables that fell back to development values. */
  readonly devDefaultsUsed: readonly string[];
}

/** The OpenID Connect client of the staff sign-in (authorisation code flow with PKCE). */
export interface OidcEnv {
  /** Issuer URL or its discovery document URL (…/.well-known/openid-configuration). */
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUrl: string;
  readonly postLogoutRedirectUrl: string;
  readonly scopes: string;
  /** e.g. `eidas1` for ProConnect; absent: none asked. */
  readonly acrValues: string | undefined;
  readonly idTokenSignedResponseAlg: string;
  /** ProConnect signs its userinfo (RS256); absent: plain JSON userinfo. */
  readonly userinfoSignedResponseAlg: string | undefined;
}

export interface SignInEnv {
  /** Absent: no provider configured (in development, main starts the local one). */
  readonly oidc: OidcEnv | undefined;
  /** Development without OIDC_ISSUER_URL: main starts scripts/dev-oidc-provider.mjs on this port. */
  readonly devProviderPort: number | undefined;
  readonly sessionSecret: string;
  readonly idleTimeoutSeconds: number;
  readonly absoluteLifetimeSeconds: number;
  /** Who becomes a national admin at their first sign-in (lower-case e-mails). */
  readonly bootstrapAdminEmails: readonly string[];
}

export interface RedisNode {
  readonly host: string;
  readonly port: number;
}

/** `host:port` list (comma or space separated) → nodes; null when an entry is not host:port. */
export function parseRedisNodeList(text: string): RedisNode[] | null {
  const nodes: RedisNode[] = [];
  for (const entry of text.split(/[\s,]+/).filter((item) => item !== '')) {
    const match = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):(\d{1,5})$/.exec(entry);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) return null;
    nodes.push({ host: match[1]!.replace(/^\[|\]$/g, ''), port });
  }
  return nodes.length > 0 ? nodes : null;
}

function nodeList(name: string) {
  const expected = `${name} must be a comma-separated list of host:port, e.g. 10.0.0.1:26379,10.0.0.2:26379`;
  return z
    .string()
    .refine((text) => parseRedisNodeList(text) !== null, { error: expected })
    .transform((text) => parseRedisNodeList(text)!);
}

export class EnvError extends Error {
  /** Names of the invalid or missing variables. */
  readonly variables: readonly string[];
  constructor(message: string, variables: readonly string[]) {
    super(message);
    this.name = 'EnvError';
    this.variables = variables;
  }
}

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
const DEFAULT_DEV_OIDC_PORT = 3001;
const DEFAULT_SESSION_IDLE_MINUTES = 30;
const DEFAULT_SESSION_MAX_HOURS = 12;
/** The local provider's national admin: the bootstrap admin in development (see src/advisors/README.md). */
export const DEV_BOOTSTRAP_ADMIN_EMAIL = 'admin.national@360.test';

/** Issuer and audience of development advisor tokens (and the defaults outside production). */
export const DEV_ADVISOR_JWT_ISSUER = 'orientation-360-dev';
export const DEFAULT_ADVISOR_JWT_AUDIENCE = 'orientation-360';
const MIN_DEV_SIGNING_KEY_LENGTH = 32;

const DEFAULT_PORT = 3000;
const DEFAULT_REDIS_COMMAND_TIMEOUT_MS = 300;
const DEFAULT_CALL_TTL_SECONDS = 4 * 60 * 60;
const DEFAULT_TICKET_TTL_DAYS = 90;
const DEFAULT_CHAT_TTL_SECONDS = 24 * 60 * 60;
const DATA_KEY_BYTES = 32;
const MIN_PRODUCTION_SECRET_LENGTH = 16;
const MIN_METRICS_TOKEN_LENGTH = 16;
const METRICS_REQUIRED = 'METRICS_TOKEN (or METRICS_PORT, a port of its own) is required in production: /metrics is never public';

const PRODUCTION_REQUIRED = [
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

/** Empty or blank strings (common in env files) count as absent. */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

function integer(name: string, min: number, max: number) {
  const expected = `${name} must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\s*\d+\s*$/, { error: expected })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: expected }).max(max, { error: expected }));
}

/** A 32-byte key written as 64 hex characters or as base64. */
export function decodeDataKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === DATA_KEY_BYTES ? bytes : null;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUST_PROXY entry: an IP address, a CIDR (address/prefix) or one of express's names. */
function isTrustedProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

const TRUST_PROXY_EXPECTED =
  'TRUST_PROXY must be a number of proxy hops (0 to 10) or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.0/8, loopback)';

function parseTrustProxy(text: string): TrustProxy | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const hops = Number(trimmed);
    return hops <= 10 ? (hops === 0 ? false : hops) : null;
  }
  const entries = trimmed.split(',').map((entry) => entry.trim());
  return entries.every(isTrustedProxyEntry) ? Object.freeze(entries) : null;
}

const SIGNING_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

function httpUrl(name: string, example: string) {
  return z
    .string()
    .refine((text) => isHttpUrl(text.trim()), { error: `${name} must be an absolute http(s) URL without query or fragment, e.g. ${example}` })
    .transform((text) => text.trim());
}

function isRedisUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'redis:' || url.protocol === 'rediss:';
  } catch {
    return false;
  }
}

const RawEnvSchema = z.object({
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

type RawEnv = z.output<typeof RawEnvSchema>;

/** Rules that only hold in production: every secret present, long enough, and not a dev value. */
function productionProblems(raw: RawEnv): Array<{ variable: string; message: string }> {
  const problems: Array<{ variable: string; message: string }> = [];
  for (const name of PRODUCTION_REQUIRED) {
    if (raw[name] === undefined) problems.push({ variable: name, message: `${name} is required in production` });
  }
  if (raw.ADVISOR_DEV_SIGNING_KEY !== undefined) {
    problems.push({ variable: 'ADVISOR_DEV_SIGNING_KEY', message: 'ADVISOR_DEV_SIGNING_KEY must not be set in production: advisors sign in through ADVISOR_JWKS_URL' });
  }
  if (raw.ADVISOR_JWKS_URL !== undefined && !raw.ADVISOR_JWKS_URL.trim().startsWith('https://')) {
    problems.push({ variable: 'ADVISOR_JWKS_URL', message: 'ADVISOR_JWKS_URL must use https in production' });
  }
  if (raw.METRICS_PORT === undefined && raw.METRICS_TOKEN === undefined) {
    problems.push({ variable: 'METRICS_TOKEN', message: METRICS_REQUIRED });
  }
  if (raw.METRICS_TOKEN === DEV_DEFAULTS.METRICS_TOKEN) {
    problems.push({ variable: 'METRICS_TOKEN', message: 'METRICS_TOKEN must not be the development value in production' });
  }
  for (const name of ['TWILIO_AUTH_TOKEN', 'LOG_HASH_KEY'] as const) {
    const value = raw[name];
    if (value === undefined) continue;
    if (value === DEV_DEFAULTS[name]) {
      problems.push({ variable: name, message: `${name} must not be the development value in production` });
    } else if (value.length < MIN_PRODUCTION_SECRET_LENGTH) {
      problems.push({
        variable: name,
        message: `${name} must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production`,
      });
    }
  }
  if (raw.DATA_KEY !== undefined) {
    const key = decodeDataKey(raw.DATA_KEY);
    const devKey = decodeDataKey(DEV_DEFAULTS.DATA_KEY);
    if (key && devKey && key.equals(devKey)) {
      problems.push({ variable: 'DATA_KEY', message: 'DATA_KEY must not be the development value in production' });
    }
  }
  if (raw.SESSION_SECRET === DEV_DEFAULTS.SESSION_SECRET) {
    problems.push({ variable: 'SESSION_SECRET', message: 'SESSION_SECRET must not be the development value in production' });
  }
  for (const name of ['OIDC_ISSUER_URL', 'OIDC_REDIRECT_URL', 'OIDC_POST_LOGOUT_REDIRECT_URL'] as const) {
    if (raw[name] !== undefined && !raw[name].startsWith('https://')) problems.push({ variable: name, message: `${name} must use https in production` });
  }
  if (raw.PUBLIC_BASE_URL !== undefined && !raw.PUBLIC_BASE_URL.startsWith('https://')) {
    problems.push({ variable: 'PUBLIC_BASE_URL', message: 'PUBLIC_BASE_URL must use https in production' });
  }
  return problems;
}

/** One Redis at most (a server, a Sentinel group or a Cluster), and each setting with its partners. */
function redisProblems(raw: RawEnv): Array<{ variable: string; message: string }> {
  const problems: Array<{ variable: string; message: string }> = [];
  const chosen = (['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'] as const).filter((name) => raw[name] !== undefined);
  if (chosen.length > 1) {
    for (const name of chosen) {
      problems.push({ variable: name, message: `${name}: set only one of REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES` });
    }
  }
  if (raw.REDIS_SENTINELS !== undefined && raw.REDIS_SENTINEL_NAME === undefined) {
    problems.push({ variable: 'REDIS_SENTINEL_NAME', message: 'REDIS_SENTINEL_NAME is required with REDIS_SENTINELS (the master name the sentinels monitor)' });
  }
  for (const name of ['REDIS_SENTINEL_NAME', 'REDIS_SENTINEL_PASSWORD'] as const) {
    if (raw[name] !== undefined && raw.REDIS_SENTINELS === undefined) {
      problems.push({ variable: name, message: `${name} is only used with REDIS_SENTINELS` });
    }
  }
  if (raw.REDIS_PASSWORD !== undefined && raw.REDIS_SENTINELS === undefined && raw.REDIS_CLUSTER_NODES === undefined) {
    problems.push({ variable: 'REDIS_PASSWORD', message: 'REDIS_PASSWORD is only used with REDIS_SENTINELS or REDIS_CLUSTER_NODES (with REDIS_URL, put it in the URL)' });
  }
  return problems;
}

/** The nearest directory above `start` that holds a package.json (works from src/ and dist/src/). */
export function findRepoRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

function formatProblems(problems: ReadonlyArray<{ variable: string; message: string }>): string {
  const lines = problems.map((problem) => `✖ ${problem.message}\n  → at ${problem.variable}`);
  return `Invalid environment:\n${lines.join('\n')}`;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = RawEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? '(environment)'),
      message: issue.message,
    }));
    if (source.NODE_ENV === 'production') {
      // Say everything at once: the missing production variables too.
      for (const name of PRODUCTION_REQUIRED) {
        if (blankToUndefined(source[name]) === undefined) {
          problems.push({ variable: name, message: `${name} is required in production` });
        }
      }
      if (blankToUndefined(source.METRICS_PORT) === undefined && blankToUndefined(source.METRICS_TOKEN) === undefined) {
        problems.push({ variable: 'METRICS_TOKEN', message: METRICS_REQUIRED });
      }
    }
    throw new EnvError(formatProblems(problems), unique(problems.map((p) => p.variable)));
  }
  const raw = parsed.data;
  const nodeEnv: NodeEnv = raw.NODE_ENV ?? 'development';

  if (nodeEnv === 'production') {
    const problems = productionProblems(raw);
    if (problems.length > 0) {
      throw new EnvError(formatProblems(problems), unique(problems.map((p) => p.variable)));
    }
  }

  const redisConflicts = redisProblems(raw);
  if (redisConflicts.length > 0) {
    throw new EnvError(formatProblems(redisConflicts), unique(redisConflicts.map((p) => p.variable)));
  }

  const devDefaultsUsed: string[] = [];
  function orDevDefault<K extends keyof typeof DEV_DEFAULTS>(name: K): string {
    const value = raw[name];
    if (value !== undefined) return value;
    devDefaultsUsed.push(name);
    return DEV_DEFAULTS[name];
  }

  const port = raw.PORT ?? DEFAULT_PORT;
  if (raw.METRICS_PORT !== undefined && raw.METRICS_PORT !== 0 && raw.METRICS_PORT === port) {
    throw new EnvError(formatProblems([{ variable: 'METRICS_PORT', message: 'METRICS_PORT must differ from PORT: /metrics is never on the public port without a token' }]), ['METRICS_PORT']);
  }
  const metricsToken = raw.METRICS_PORT === undefined ? orDevDefault('METRICS_TOKEN') : raw.METRICS_TOKEN;
  const twilioAuthToken = orDevDefault('TWILIO_AUTH_TOKEN');
  const jwksUrl = raw.ADVISOR_JWKS_URL?.trim();
  const devSigningKey = jwksUrl === undefined ? orDevDefault('ADVISOR_DEV_SIGNING_KEY') : undefined;
  const logHashKey = orDevDefault('LOG_HASH_KEY');
  const dataKey = decodeDataKey(orDevDefault('DATA_KEY'));
  if (dataKey === null) throw new EnvError('DATA_KEY could not be decoded', ['DATA_KEY']);
  let publicBaseUrl = raw.PUBLIC_BASE_URL;
  if (publicBaseUrl === undefined) {
    devDefaultsUsed.push('PUBLIC_BASE_URL');
    publicBaseUrl = `http://localhost:${port}`;
  }

  const signIn = signInOf(raw, nodeEnv, publicBaseUrl, orDevDefault('SESSION_SECRET'));

  return Object.freeze({
    nodeEnv,
    port,
    trustProxy: raw.TRUST_PROXY ?? false,
    publicBaseUrl,
    twilioAuthToken,
    advisorAuth: Object.freeze({
      jwksUrl,
      issuer: raw.ADVISOR_JWT_ISSUER ?? DEV_ADVISOR_JWT_ISSUER,
      audience: raw.ADVISOR_JWT_AUDIENCE ?? DEFAULT_ADVISOR_JWT_AUDIENCE,
      devSigningKey,
    }),
    redisUrl: raw.REDIS_URL,
    redisSentinel:
      raw.REDIS_SENTINELS === undefined || raw.REDIS_SENTINEL_NAME === undefined
        ? undefined
        : { masterName: raw.REDIS_SENTINEL_NAME, sentinels: raw.REDIS_SENTINELS, sentinelPassword: raw.REDIS_SENTINEL_PASSWORD },
    redisClusterNodes: raw.REDIS_CLUSTER_NODES,
    redisPassword: raw.REDIS_PASSWORD,
    redisCommandTimeoutMs: raw.REDIS_COMMAND_TIMEOUT_MS ?? DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
    logLevel: raw.LOG_LEVEL ?? 'info',
    logHashKey,
    dataKey,
    configDir: path.resolve(raw.CONFIG_DIR ?? findRepoRoot()),
    callTtlSeconds: raw.CALL_TTL_SECONDS ?? DEFAULT_CALL_TTL_SECONDS,
    ticketTtlDays: raw.TICKET_TTL_DAYS ?? DEFAULT_TICKET_TTL_DAYS,
    chatTtlSeconds: raw.CHAT_TTL_SECONDS ?? DEFAULT_CHAT_TTL_SECONDS,
    bot: {
      microsoftAppId: raw.MicrosoftAppId,
      microsoftAppPassword: raw.MicrosoftAppPassword,
      microsoftAppType: raw.MicrosoftAppType ?? 'MultiTenant',
      microsoftAppTenantId: raw.MicrosoftAppTenantId,
    },
    metrics: Object.freeze({ port: raw.METRICS_PORT, token: metricsToken }),
    signIn,
    devDefaultsUsed: Object.freeze(devDefaultsUsed),
  });
}

/**
 * The staff sign-in. With OIDC_ISSUER_URL: that provider (client id and secret required). Without it,
 * in development only, the local provider main starts (its client, its port); in test, none.
 */
function signInOf(raw: RawEnv, nodeEnv: NodeEnv, publicBaseUrl: string, sessionSecret: string): SignInEnv {
  const redirectUrl = raw.OIDC_REDIRECT_URL ?? `${publicBaseUrl}/auth/callback`;
  const postLogoutRedirectUrl = raw.OIDC_POST_LOGOUT_REDIRECT_URL ?? `${publicBaseUrl}/console`;
  let oidc: OidcEnv | undefined;
  if (raw.OIDC_ISSUER_URL !== undefined) {
    const missing = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const).filter((name) => raw[name] === undefined);
    if (missing.length > 0) {
      throw new EnvError(formatProblems(missing.map((name) => ({ variable: name, message: `${name} is required with OIDC_ISSUER_URL` }))), missing);
    }
    oidc = {
      issuerUrl: raw.OIDC_ISSUER_URL,
      clientId: raw.OIDC_CLIENT_ID as string,
      clientSecret: raw.OIDC_CLIENT_SECRET as string,
      redirectUrl,
      postLogoutRedirectUrl,
      scopes: raw.OIDC_SCOPES ?? DEFAULT_OIDC_SCOPES,
      acrValues: raw.OIDC_ACR_VALUES,
      idTokenSignedResponseAlg: raw.OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG ?? 'RS256',
      userinfoSignedResponseAlg: raw.OIDC_USERINFO_SIGNED_RESPONSE_ALG,
    };
  }
  const useDevProvider = oidc === undefined && nodeEnv === 'development';
  return Object.freeze({
    oidc,
    devProviderPort: useDevProvider ? (raw.DEV_OIDC_PORT ?? DEFAULT_DEV_OIDC_PORT) : undefined,
    sessionSecret,
    idleTimeoutSeconds: (raw.SESSION_IDLE_MINUTES ?? DEFAULT_SESSION_IDLE_MINUTES) * 60,
    absoluteLifetimeSeconds: (raw.SESSION_MAX_HOURS ?? DEFAULT_SESSION_MAX_HOURS) * 3600,
    bootstrapAdminEmails: Object.freeze(raw.BOOTSTRAP_ADMIN_EMAILS ?? (useDevProvider ? [DEV_BOOTSTRAP_ADMIN_EMAIL] : [])),
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
