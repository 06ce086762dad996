/** What is wrong with an environment, said all at once: production rules, Redis settings, the error. */
import { DEV_DEFAULTS, METRICS_REQUIRED, MIN_PRODUCTION_SECRET_LENGTH, PRODUCTION_REQUIRED } from './envDefaults';
import type { RawEnv } from './envSchema';
import { decodeDataKey } from './envValues';

export type EnvProblem = { variable: string; message: string };

export class EnvError extends Error {
  /** Names of the invalid or missing variables. */
  readonly variables: readonly string[];
  constructor(message: string, variables: readonly string[]) {
    super(message);
    this.name = 'EnvError';
    this.variables = variables;
  }
}


/** Rules that only hold in production: every secret present, long enough, and not a dev value. */
export function productionProblems(raw: RawEnv): Array<{ variable: string; message: string }> {
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
export function redisProblems(raw: RawEnv): Array<{ variable: string; message: string }> {
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


export function formatProblems(problems: ReadonlyArray<{ variable: string; message: string }>): string {
  const lines = problems.map((problem) => `✖ ${problem.message}\n  → at ${problem.variable}`);
  return `Invalid environment:\n${lines.join('\n')}`;
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
