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
};

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
    ]);
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
    ]);
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
