import { createRedisStore } from '../../src/storage/redis-store';
import { describeKeyValueStoreContract } from './key-value-store-contract';
import { sleep, TEST_REDIS_URL, uniqueTestNamespace } from './redis-test-env';

describeKeyValueStoreContract(`redis (${TEST_REDIS_URL})`, async () => {
  const store = createRedisStore({ url: TEST_REDIS_URL, commandTimeoutMs: 1000 });
  await store.connect();
  return {
    store,
    namespace: uniqueTestNamespace('kv'),
    elapse: (seconds) => sleep(seconds * 1000),
    dispose: () => store.close(),
  };
});
