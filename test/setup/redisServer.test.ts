/**
 * The Redis provisioning of `npm test` (test/support/redisServer.ts), on its own: it never touches
 * the Redis other runs share; it starts and stops servers of its own on ports where nothing listens.
 */
import { createClient } from 'redis';
import { freePort, provideRedis, redisAnswers, type ProvidedRedis } from '../support/redisServer';
import { TEST_REDIS_URL } from '../storage/redis-test-env';

async function ping(url: string): Promise<string> {
  const client = createClient({ url, socket: { reconnectStrategy: false } });
  await client.connect();
  try {
    return await client.ping();
  } finally {
    client.destroy();
  }
}

let provided: ProvidedRedis | undefined;
afterEach(async () => {
  await provided?.stop();
  provided = undefined;
});

describe('provideRedis', () => {
  test('When nothing answers at the address, then it starts a redis-server there that answers PING, and stop() ends it', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    expect(await redisAnswers(url)).toBe(false);

    provided = await provideRedis({ url, ownPort: port });

    expect(provided).toMatchObject({ url, started: true });
    expect(await ping(url)).toBe('PONG');
    await provided.stop();
    expect(await redisAnswers(url)).toBe(false);
  });

  test('When nothing answers and no port is given, then its own server answers on a free port', async () => {
    const nowhere = `redis://127.0.0.1:${await freePort()}`;

    provided = await provideRedis({ url: nowhere });

    expect(provided.started).toBe(true);
    expect(provided.url).not.toBe(nowhere);
    expect(await ping(provided.url)).toBe('PONG');
  });

  test('When a Redis answers at the address, then it is used as it is and stop() leaves it running', async () => {
    provided = await provideRedis({ url: TEST_REDIS_URL });

    expect(provided).toMatchObject({ url: TEST_REDIS_URL, started: false });
    await provided.stop();
    expect(await ping(TEST_REDIS_URL)).toBe('PONG');
  });

  test('When no Redis answers, redis-server is missing and it may not install it, then it fails and says how to install it', async () => {
    const nowhere = `redis://127.0.0.1:${await freePort()}`;

    await expect(provideRedis({ url: nowhere, searchPath: '/nonexistent', mayInstall: false })).rejects.toThrow(
      /redis-server is not installed.*apt-get install -y redis-server.*REDIS_URL/,
    );
  });
});
