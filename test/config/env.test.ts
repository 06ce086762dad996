import path from 'node:path';
import { DEV_DEFAULTS, EnvError, findRepoRoot, loadEnv } from '../../src/config/env';

const HEX_KEY = 'a1'.repeat(32);
const BASE64_KEY = Buffer.alloc(32, 7).toString('base64');

const production = {
  NODE_ENV: 'production',
  TWILIO_AUTH_TOKEN: 'prod-twilio-token-0123456789',
  ADVISOR_JWKS_URL: 'https://auth.example.fr/jwks',
  ADVISOR_JWT_ISSUER: 'https://auth.example.fr',
  ADVISOR_JWT_AUDIENCE: 'orientation-360',
  LOG_HASH_KEY: 'prod-log-hash-key-0123456789',
  DATA_KEY: HEX_KEY,
  PUBLIC_BASE_URL: 'https://voice.example.fr/',
  METRICS_TOKEN: 'prod-metrics-token-0123456789',
  OIDC_ISSUER_URL: 'https://auth.agentconnect.gouv.fr/api/v2',
  OIDC_CLIENT_ID: 'o360-client',
  OIDC_CLIENT_SECRET: 'prod-oidc-client-secret-0123456789',
  OIDC_REDIRECT_URL: 'https://voice.example.fr/auth/callback',
  OIDC_POST_LOGOUT_REDIRECT_URL: 'https://voice.example.fr/console',
  SESSION_SECRET: 'prod-session-secret-0123456789-0123456789',
};
const SIGN_IN_REQUIRED = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ISSUER_URL', 'OIDC_POST_LOGOUT_REDIRECT_URL', 'OIDC_REDIRECT_URL', 'SESSION_SECRET'];

function envError(source: NodeJS.ProcessEnv): EnvError {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected loadEnv to throw');
}

describe('loadEnv defaults (development)', () => {
  const env = loadEnv({});

  test('numbers and levels have their defaults', () => {
    expect(env.nodeEnv).toBe('development');
    expect(env.port).toBe(3000);
    expect(env.publicBaseUrl).toBe('http://localhost:3000');
    expect(env.logLevel).toBe('info');
    expect(env.redisUrl).toBeUndefined();
    expect(env.redisCommandTimeoutMs).toBe(300);
    expect(env.callTtlSeconds).toBe(4 * 60 * 60);
    expect(env.ticketTtlDays).toBe(90);
  });

  test('secrets fall back to named development values, and the list says which', () => {
    expect(env.twilioAuthToken).toBe(DEV_DEFAULTS.TWILIO_AUTH_TOKEN);
    expect(env.advisorAuth).toEqual({ jwksUrl: undefined, issuer: 'orientation-360-dev', audience: 'orientation-360', devSigningKey: DEV_DEFAULTS.ADVISOR_DEV_SIGNING_KEY });
    expect(env.logHashKey).toBe(DEV_DEFAULTS.LOG_HASH_KEY);
    expect(env.dataKey).toHaveLength(32);
    expect([...env.devDefaultsUsed].sort()).toEqual([
      'ADVISOR_DEV_SIGNING_KEY',
      'DATA_KEY',
      'LOG_HASH_KEY',
      'METRICS_TOKEN',
      'PUBLIC_BASE_URL',
      'SESSION_SECRET',
      'TWILIO_AUTH_TOKEN',
    ]);
  });

  test('CONFIG_DIR defaults to the repository root (where config/, flows/, prompts/ and content/ live)', () => {
    expect(env.configDir).toBe(path.resolve(__dirname, '../..'));
    expect(findRepoRoot(path.join(__dirname, 'deep', 'er'))).toBe(path.resolve(__dirname, '../..'));
  });

  test('the default base URL follows PORT', () => {
    expect(loadEnv({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });

  test('empty strings count as absent', () => {
    const blank = loadEnv({ PORT: '', REDIS_URL: '', LOG_LEVEL: ' ' });
    expect(blank.port).toBe(3000);
    expect(blank.redisUrl).toBeUndefined();
    expect(blank.logLevel).toBe('info');
  });
});

describe('loadEnv parsing', () => {
  test('every variable is read', () => {
    const env = loadEnv({
      NODE_ENV: 'test',
      PORT: '0',
      PUBLIC_BASE_URL: 'https://voice.example.fr/base///',
      TWILIO_AUTH_TOKEN: 'token',
      ADVISOR_JWKS_URL: 'https://auth.example.fr/jwks',
      ADVISOR_JWT_ISSUER: 'https://auth.example.fr',
      ADVISOR_JWT_AUDIENCE: 'o360-api',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      REDIS_COMMAND_TIMEOUT_MS: '150',
      LOG_LEVEL: 'debug',
      LOG_HASH_KEY: 'hash-key',
      DATA_KEY: BASE64_KEY,
      CONFIG_DIR: 'some/dir',
      CALL_TTL_SECONDS: '600',
      TICKET_TTL_DAYS: '30',
      METRICS_PORT: '9464',
      METRICS_TOKEN: 'a-metrics-token-0123456789',
      SESSION_SECRET: 's'.repeat(32),
    });
    expect(env).toMatchObject({
      nodeEnv: 'test',
      port: 0,
      publicBaseUrl: 'https://voice.example.fr/base',
      twilioAuthToken: 'token',
      advisorAuth: { jwksUrl: 'https://auth.example.fr/jwks', issuer: 'https://auth.example.fr', audience: 'o360-api', devSigningKey: undefined },
      redisUrl: 'redis://127.0.0.1:6379/2',
      redisCommandTimeoutMs: 150,
      logLevel: 'debug',
      logHashKey: 'hash-key',
      configDir: path.resolve('some/dir'),
      callTtlSeconds: 600,
      ticketTtlDays: 30,
      metrics: { port: 9464, token: 'a-metrics-token-0123456789' },
      devDefaultsUsed: [],
    });
    expect(env.dataKey.equals(Buffer.alloc(32, 7))).toBe(true);
  });

  test('DATA_KEY may be hex', () => {
    expect(loadEnv({ DATA_KEY: HEX_KEY }).dataKey.equals(Buffer.from(HEX_KEY, 'hex'))).toBe(true);
  });

  test('the result is frozen', () => {
    expect(Object.isFrozen(loadEnv({}))).toBe(true);
  });
});

describe('loadEnv errors', () => {
  test('each bad variable is named with what is expected', () => {
    const error = envError({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      REDIS_URL: 'http://cache',
      DATA_KEY: 'too-short',
      PUBLIC_BASE_URL: 'not a url',
      REDIS_COMMAND_TIMEOUT_MS: '0',
      TICKET_TTL_DAYS: '-3',
      NODE_ENV: 'staging',
    });
    expect([...error.variables].sort()).toEqual(
      ['DATA_KEY', 'LOG_LEVEL', 'NODE_ENV', 'PORT', 'PUBLIC_BASE_URL', 'REDIS_COMMAND_TIMEOUT_MS', 'REDIS_URL', 'TICKET_TTL_DAYS'].sort(),
    );
    expect(error.message).toContain('PORT must be an integer from 0 to 65535');
    expect(error.message).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent');
    expect(error.message).toContain('DATA_KEY must be a 32-byte key');
    expect(error.message).toContain('→ at REDIS_URL');
  });

  test('secret values are never echoed', () => {
    const secretLooking = 'Zm9vYmFyLXNlY3JldC1rZXk=';
    const error = envError({ DATA_KEY: secretLooking, NODE_ENV: 'production', LOG_HASH_KEY: 'short-secret' });
    expect(error.message).not.toContain(secretLooking);
    expect(error.message).not.toContain('short-secret');
    expect(error.message).not.toContain('Zm9v');
  });

  test('production requires the secrets and the public URL', () => {
    const error = envError({ NODE_ENV: 'production' });
    expect([...error.variables].sort()).toEqual([
      'ADVISOR_JWKS_URL',
      'ADVISOR_JWT_AUDIENCE',
      'ADVISOR_JWT_ISSUER',
      'DATA_KEY',
      'LOG_HASH_KEY',
      'METRICS_TOKEN',
      'PUBLIC_BASE_URL',
      'TWILIO_AUTH_TOKEN',
      ...SIGN_IN_REQUIRED,
    ].sort());
    expect(error.message).toContain('TWILIO_AUTH_TOKEN is required in production');
  });

  test('in production, a bad value and the missing variables are reported together', () => {
    const error = envError({ NODE_ENV: 'production', PORT: 'x' });
    expect([...error.variables].sort()).toEqual([
      'ADVISOR_JWKS_URL',
      'ADVISOR_JWT_AUDIENCE',
      'ADVISOR_JWT_ISSUER',
      'DATA_KEY',
      'LOG_HASH_KEY',
      'METRICS_TOKEN',
      'PORT',
      'PUBLIC_BASE_URL',
      'TWILIO_AUTH_TOKEN',
      ...SIGN_IN_REQUIRED,
    ].sort());
  });

  test('production refuses development values, short secrets and plain http', () => {
    const error = envError({
      ...production,
      TWILIO_AUTH_TOKEN: DEV_DEFAULTS.TWILIO_AUTH_TOKEN,
      ADVISOR_DEV_SIGNING_KEY: DEV_DEFAULTS.ADVISOR_DEV_SIGNING_KEY,
      ADVISOR_JWKS_URL: 'http://auth.example.fr/jwks',
      LOG_HASH_KEY: 'short',
      DATA_KEY: DEV_DEFAULTS.DATA_KEY,
      PUBLIC_BASE_URL: 'http://voice.example.fr',
    });
    expect(error.message).toContain('TWILIO_AUTH_TOKEN must not be the development value in production');
    expect(error.message).toContain('ADVISOR_DEV_SIGNING_KEY must not be set in production');
    expect(error.message).toContain('ADVISOR_JWKS_URL must use https in production');
    expect(error.message).not.toContain(DEV_DEFAULTS.ADVISOR_DEV_SIGNING_KEY);
    expect(error.message).toContain('LOG_HASH_KEY must be at least 16 characters in production');
    expect(error.message).toContain('DATA_KEY must not be the development value in production');
    expect(error.message).toContain('PUBLIC_BASE_URL must use https in production');
    expect(error.message).not.toContain(DEV_DEFAULTS.TWILIO_AUTH_TOKEN);
  });

  test('a complete production environment loads with no development value', () => {
    const env = loadEnv(production);
    expect(env.nodeEnv).toBe('production');
    expect(env.publicBaseUrl).toBe('https://voice.example.fr');
    expect(env.devDefaultsUsed).toEqual([]);
  });
});

describe('where /metrics is served (never public)', () => {
  test('When neither METRICS_PORT nor METRICS_TOKEN is set outside production, then /metrics is on PORT behind the named development token', () => {
    const env = loadEnv({});
    expect(env.metrics).toEqual({ port: undefined, token: DEV_DEFAULTS.METRICS_TOKEN });
    expect(env.devDefaultsUsed).toContain('METRICS_TOKEN');
  });

  test('When METRICS_PORT is set, then /metrics has its own port and needs no token unless one is given', () => {
    expect(loadEnv({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, token: undefined });
    expect(loadEnv({ METRICS_PORT: '9464', METRICS_TOKEN: 'a-metrics-token-0123456789' }).metrics).toEqual({ port: 9464, token: 'a-metrics-token-0123456789' });
    expect(loadEnv({ METRICS_PORT: '9464' }).devDefaultsUsed).not.toContain('METRICS_TOKEN');
  });

  test('When production has neither METRICS_PORT nor METRICS_TOKEN, then the start is refused with a message naming them', () => {
    const { METRICS_TOKEN: _token, ...withoutMetrics } = production;
    const error = envError(withoutMetrics);
    expect(error.variables).toEqual(['METRICS_TOKEN']);
    expect(error.message).toContain('METRICS_TOKEN (or METRICS_PORT, a port of its own) is required in production');
    expect(loadEnv({ ...withoutMetrics, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, token: undefined });
  });

  test('When the metrics settings are bad, then the start is refused and the token is never echoed', () => {
    expect(envError({ METRICS_TOKEN: 'short' }).variables).toEqual(['METRICS_TOKEN']);
    expect(envError({ METRICS_TOKEN: 'has spaces in the middle of it' }).message).not.toContain('spaces in the middle');
    expect(envError({ METRICS_PORT: '70000' }).variables).toEqual(['METRICS_PORT']);
    expect(envError({ PORT: '8080', METRICS_PORT: '8080' }).message).toContain('METRICS_PORT must differ from PORT');
    expect(envError({ ...production, METRICS_TOKEN: DEV_DEFAULTS.METRICS_TOKEN }).message).toContain('METRICS_TOKEN must not be the development value in production');
  });
});

describe('loadEnv: staff sign-in (OpenID Connect) and sessions', () => {
  test('When nothing is set in development, then the local provider is to be started and the dev admin is the bootstrap admin', () => {
    const env = loadEnv({});
    expect(env.signIn).toEqual({
      oidc: undefined,
      devProviderPort: 3001,
      sessionSecret: DEV_DEFAULTS.SESSION_SECRET,
      idleTimeoutSeconds: 30 * 60,
      absoluteLifetimeSeconds: 12 * 3600,
      bootstrapAdminEmails: ['admin.national@360.test'],
    });
  });

  test('When tests run without a provider, then no local provider is started and nobody is bootstrapped', () => {
    const env = loadEnv({ NODE_ENV: 'test' });
    expect(env.signIn.oidc).toBeUndefined();
    expect(env.signIn.devProviderPort).toBeUndefined();
    expect(env.signIn.bootstrapAdminEmails).toEqual([]);
  });

  test('When ProConnect is configured, then every setting is read and the redirect URLs default to the public URL', () => {
    const env = loadEnv({
      NODE_ENV: 'test',
      PUBLIC_BASE_URL: 'https://360.example.fr',
      OIDC_ISSUER_URL: 'https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration',
      OIDC_CLIENT_ID: 'id',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_ACR_VALUES: 'eidas1',
      OIDC_USERINFO_SIGNED_RESPONSE_ALG: 'RS256',
      SESSION_IDLE_MINUTES: '15',
      SESSION_MAX_HOURS: '10',
      BOOTSTRAP_ADMIN_EMAILS: ' Chef@Example.gouv.fr , adjoint@example.gouv.fr',
    });
    expect(env.signIn).toMatchObject({
      oidc: {
        issuerUrl: 'https://auth.agentconnect.gouv.fr/api/v2/.well-known/openid-configuration',
        clientId: 'id',
        clientSecret: 'secret',
        redirectUrl: 'https://360.example.fr/auth/callback',
        postLogoutRedirectUrl: 'https://360.example.fr/console',
        scopes: 'openid email given_name usual_name siret',
        acrValues: 'eidas1',
        idTokenSignedResponseAlg: 'RS256',
        userinfoSignedResponseAlg: 'RS256',
      },
      devProviderPort: undefined,
      idleTimeoutSeconds: 15 * 60,
      absoluteLifetimeSeconds: 10 * 3600,
      bootstrapAdminEmails: ['chef@example.gouv.fr', 'adjoint@example.gouv.fr'],
    });
  });

  test('When a provider is named without its client, or a setting is malformed, then the start stops naming the variable', () => {
    expect(envError({ OIDC_ISSUER_URL: 'https://idp.example.fr' }).variables).toEqual(['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']);
    expect(envError({ OIDC_SCOPES: 'email profile' }).message).toContain('OIDC_SCOPES must include openid');
    expect(envError({ BOOTSTRAP_ADMIN_EMAILS: 'not-an-email' }).variables).toEqual(['BOOTSTRAP_ADMIN_EMAILS']);
    expect(envError({ SESSION_SECRET: 'short' }).variables).toEqual(['SESSION_SECRET']);
    const production_ = envError({ ...production, OIDC_ISSUER_URL: 'http://idp.example.fr', SESSION_SECRET: DEV_DEFAULTS.SESSION_SECRET });
    expect(production_.message).toContain('OIDC_ISSUER_URL must use https in production');
    expect(production_.message).toContain('SESSION_SECRET must not be the development value in production');
  });
});
