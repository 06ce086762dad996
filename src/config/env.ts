/**
 * The process environment, read and validated once at start-up.
 *
 * Outside production, secrets fall back to clearly-named development values (listed in
 * `devDefaultsUsed` so main can warn). In production they are required. Error messages name the
 * variable and what is expected, and never echo a value.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_ADVISOR_JWT_AUDIENCE,
  DEFAULT_CALL_TTL_SECONDS,
  DEFAULT_CHAT_TTL_SECONDS,
  DEFAULT_DEV_OIDC_PORT,
  DEFAULT_OIDC_SCOPES,
  DEFAULT_PORT,
  DEFAULT_REDIS_COMMAND_TIMEOUT_MS,
  DEFAULT_SESSION_IDLE_MINUTES,
  DEFAULT_SESSION_MAX_HOURS,
  DEFAULT_TICKET_TTL_DAYS,
  DEV_ADVISOR_JWT_ISSUER,
  DEV_BOOTSTRAP_ADMIN_EMAIL,
  DEV_DEFAULTS,
  METRICS_REQUIRED,
  PRODUCTION_REQUIRED,
  type LogLevel,
  type NodeEnv,
} from './envDefaults';
import { EnvError, formatProblems, productionProblems, redisProblems, unique } from './envProblems';
import { RawEnvSchema, type RawEnv } from './envSchema';
import { blankToUndefined, decodeDataKey, type RedisNode, type TrustProxy } from './envValues';

export * from './envDefaults';
export { EnvError } from './envProblems';
export { decodeDataKey, parseRedisNodeList, type RedisNode, type TrustProxy } from './envValues';

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

