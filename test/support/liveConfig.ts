/** The studio's live configuration of one test process: its own bus connection on the test Redis, the shared store. */
import { findRepoRoot } from '../../src/config/env';
import { silentLogger } from '../../src/logging';
import { openLiveConfig, type LiveConfig } from '../../src/studio';
import type { StoreKeys } from '../../src/storage/keys';
import { createRedisBus, type RedisStore } from '../../src/storage/redis-store';
import { repoConfig } from './config';
import { TEST_CONNECT_TIMEOUT_MS, TEST_REDIS_TARGET } from './redisTarget';

export interface TestLiveConfig {
  live: LiveConfig;
  bus: ReturnType<typeof createRedisBus>;
  close(): Promise<void>;
}

/** The repository's files become version 1 when the store has none; `checkEveryMs` is the safety-net period. */
export async function openTestLiveConfig(redis: { store: RedisStore; keys: StoreKeys }, checkEveryMs = 5000): Promise<TestLiveConfig> {
  const bus = createRedisBus({ target: TEST_REDIS_TARGET, commandTimeoutMs: 5000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  await bus.connect();
  const live = await openLiveConfig({ store: redis.store, bus, keys: redis.keys, configDir: findRepoRoot(), filesConfig: repoConfig(), logger: silentLogger(), checkEveryMs });
  return {
    live,
    bus,
    async close() {
      await live.close();
      await bus.close();
    },
  };
}
