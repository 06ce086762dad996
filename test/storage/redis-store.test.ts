import { createRedisStore } from '../../src/storage/redis-store';
import { describeKeyValueStoreContract } from './key-value-store-contract';
import { sleep, uniqueTestNamespace } from './redis-test-env';
import { TEST_CONNECT_TIMEOUT_MS, TEST_REDIS_LABEL, TEST_REDIS_TARGET } from '../support/redisTarget';

describeKeyValueStoreContract(`redis (${TEST_REDIS_LABEL})`, async () => {
  const store = createRedisStore({ target: TEST_REDIS_TARGET, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  await store.connect();
  return {
    store,
    namespace: uniqueTestNamespace('kv'),
    elapse: (seconds) => sleep(seconds * 1000),
    dispose: () => store.close(),
  };
});
