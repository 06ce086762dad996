/** The Redis high-availability settings: a Sentinel group or a Cluster instead of one server. */
import { EnvError, loadEnv } from '../../src/config/env';
import { redisTargetOf } from '../../src/main';

function envError(source: NodeJS.ProcessEnv): EnvError {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected loadEnv to throw');
}

describe('Redis Sentinel and Cluster settings', () => {
  test('When REDIS_SENTINELS and REDIS_SENTINEL_NAME are set, then the service runs on that Sentinel group', () => {
    const env = loadEnv({
      REDIS_SENTINELS: '10.0.0.1:26379, 10.0.0.2:26379,10.0.0.3:26379',
      REDIS_SENTINEL_NAME: 'o360-primary',
      REDIS_SENTINEL_PASSWORD: 'sentinel-secret',
      REDIS_PASSWORD: 'data-secret',
    });
    expect(env.redisSentinel).toEqual({
      masterName: 'o360-primary',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26379 },
        { host: '10.0.0.3', port: 26379 },
      ],
      sentinelPassword: 'sentinel-secret',
    });
    expect(redisTargetOf(env)).toEqual({
      kind: 'sentinel',
      masterName: 'o360-primary',
      sentinels: env.redisSentinel!.sentinels,
      sentinelPassword: 'sentinel-secret',
      password: 'data-secret',
    });
  });

  test('When REDIS_CLUSTER_NODES is set, then the service runs on that Cluster', () => {
    const env = loadEnv({ REDIS_CLUSTER_NODES: 'redis-a.internal:7000,[::1]:7001' });
    expect(redisTargetOf(env)).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-a.internal', port: 7000 },
        { host: '::1', port: 7001 },
      ],
      password: undefined,
    });
  });

  test('When only REDIS_URL is set, then one server; when nothing is, then memory', () => {
    expect(redisTargetOf(loadEnv({ REDIS_URL: 'redis://cache:6379' }))).toEqual({ kind: 'standalone', url: 'redis://cache:6379' });
    expect(redisTargetOf(loadEnv({}))).toBeUndefined();
  });

  test('When two kinds of Redis are set at once, then start-up stops and names them', () => {
    const error = envError({ REDIS_URL: 'redis://cache:6379', REDIS_CLUSTER_NODES: '10.0.0.1:7000' });
    expect([...error.variables].sort()).toEqual(['REDIS_CLUSTER_NODES', 'REDIS_URL']);
    expect(error.message).toContain('set only one of REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES');
  });

  test('When a setting lacks its partner or a list is malformed, then the error says what is expected, never the value', () => {
    expect(envError({ REDIS_SENTINELS: '10.0.0.1:26379' }).variables).toEqual(['REDIS_SENTINEL_NAME']);
    expect(envError({ REDIS_SENTINEL_NAME: 'o360' }).variables).toEqual(['REDIS_SENTINEL_NAME']);
    expect(envError({ REDIS_PASSWORD: 'p', REDIS_URL: 'redis://cache:6379' }).variables).toEqual(['REDIS_PASSWORD']);
    const bad = envError({ REDIS_SENTINELS: '10.0.0.1, secret-host:99999', REDIS_SENTINEL_NAME: 'bad name' });
    expect([...bad.variables].sort()).toEqual(['REDIS_SENTINELS', 'REDIS_SENTINEL_NAME']);
    expect(bad.message).toContain('REDIS_SENTINELS must be a comma-separated list of host:port');
    expect(bad.message).not.toContain('secret-host');
  });
});
