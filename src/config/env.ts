/**
 * The process environment, read and validated once at start-up.
 *
 * Outside production, secrets fall back to clearly-named development values (listed in
 * `devDefaultsUsed` so main can warn). In production they are required. Error messages name the
 * variable and what is expected, and never echo a value.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Env {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
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
  /** Absolute directory that holds config/, flows/ and prompts/. */
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
  /** Names of the variables that fell back to development values. */
  readonly devDefaultsUsed: readonly string[];
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
} as const;

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

const PRODUCTION_REQUIRED = [
  'TWILIO_AUTH_TOKEN',
  'ADVISOR_JWKS_URL',
  'ADVISOR_JWT_ISSUER',
  'ADVISOR_JWT_AUDIENCE',
  'LOG_HASH_KEY',
  'DATA_KEY',
  'PUBLIC_BASE_URL',
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
  MicrosoftAppId: optional(z.string().regex(/^[0-9a-fA-F-]{36}$/, { error: 'MicrosoftAppId must be the bot’s application id (a GUID)' })),
  MicrosoftAppPassword: optional(z.string()),
  MicrosoftAppType: optional(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { error: 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI' })),
  MicrosoftAppTenantId: optional(z.string()),
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

  return Object.freeze({
    nodeEnv,
    port,
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
    devDefaultsUsed: Object.freeze(devDefaultsUsed),
  });
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
