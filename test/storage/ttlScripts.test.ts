/**
 * The TTL scripts on a real Redis (or the Cluster of REDIS_CLUSTER_NODES): a script the server does
 * not know yet is sent whole once (NOSCRIPT), then by its SHA1; the key gets its write and its TTL.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRedisHandle, type RedisHandle } from '../../src/storage/redis-target';
import { RPUSH_EXPIRE, runTtlScript, type TtlScript } from '../../src/storage/ttlScripts';
import { uniqueTestNamespace } from './redis-test-env';
import { TEST_REDIS_TARGET } from '../support/redisTarget';

describe('TTL scripts', () => {
  let handle: RedisHandle;
  const namespace = uniqueTestNamespace('ttl-scripts');

  beforeAll(async () => {
    handle = createRedisHandle(TEST_REDIS_TARGET, { connectTimeoutMs: 2000, reconnectDelayMs: () => 100 });
    await handle.connect();
  });

  afterAll(async () => {
    const redis = handle.commands();
    await Promise.all(['fresh', 'list'].map((name) => redis.del(`${namespace}:${name}:{t}`)));
    await handle.close();
  });

  it('sends a script the server does not know once, then runs it by its SHA1', async () => {
    const redis = handle.commands();
    // Unknown to the server: the comment makes its SHA1 new.
    const text = `-- ${randomBytes(8).toString('hex')}\n${RPUSH_EXPIRE.text}`;
    const fresh: TtlScript = { text, sha: createHash('sha1').update(text).digest('hex') };
    const key = `${namespace}:fresh:{t}`;
    await expect(redis.evalSha(fresh.sha, { keys: [key], arguments: ['60', 'x'] })).rejects.toThrow(/^NOSCRIPT/);
    await expect(runTtlScript(redis, fresh, key, ['60', 'un'])).resolves.toBe(1);
    // Now known: EVALSHA alone answers.
    await expect(redis.evalSha(fresh.sha, { keys: [key], arguments: ['60', 'deux', 'trois'] })).resolves.toBe(3);
    await expect(redis.lRange(key, 0, -1)).resolves.toEqual(['un', 'deux', 'trois']);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(50);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('appends several values and renews the TTL', async () => {
    const redis = handle.commands();
    const key = `${namespace}:list:{t}`;
    await expect(runTtlScript(redis, RPUSH_EXPIRE, key, ['30', 'a'])).resolves.toBe(1);
    await expect(runTtlScript(redis, RPUSH_EXPIRE, key, ['600', 'b', 'c'])).resolves.toBe(3);
    await expect(redis.lRange(key, 0, -1)).resolves.toEqual(['a', 'b', 'c']);
    expect(await redis.ttl(key)).toBeGreaterThan(500);
  });

  it('passes on an error of the script (a key of another type)', async () => {
    const redis = handle.commands();
    const key = `${namespace}:list:{t}`;
    await redis.set(key, 'not a list', { expiration: { type: 'EX', value: 60 } });
    await expect(runTtlScript(redis, RPUSH_EXPIRE, key, ['60', 'a'])).rejects.toThrow(/WRONGTYPE/);
  });
});
