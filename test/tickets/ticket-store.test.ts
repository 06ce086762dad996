import { createMemoryStore } from '../../src/storage/memory-store';
import { createRedisStore } from '../../src/storage/redis-store';
import { createStoreKeys } from '../../src/storage/keys';
import { createTicketStore } from '../../src/tickets/ticket-store';
import { uniqueTestNamespace } from '../storage/redis-test-env';
import { TEST_CONNECT_TIMEOUT_MS, TEST_REDIS_LABEL, TEST_REDIS_TARGET } from '../support/redisTarget';
import { describeTicketStoreContract } from './ticket-store-contract';

describeTicketStoreContract('the memory store', async () => {
  const kv = createMemoryStore();
  return { kv, keys: createStoreKeys('o360test'), dispose: () => kv.close() };
});

describeTicketStoreContract(`Redis (${TEST_REDIS_LABEL})`, async () => {
  const kv = createRedisStore({ target: TEST_REDIS_TARGET, commandTimeoutMs: 1000, connectTimeoutMs: TEST_CONNECT_TIMEOUT_MS });
  await kv.connect();
  return { kv, keys: createStoreKeys(uniqueTestNamespace('tickets')), dispose: () => kv.close() };
});

describe('createTicketStore options', () => {
  test('refuses a retention that is not a whole number of days', () => {
    expect(() => createTicketStore(createMemoryStore(), { ttlDays: 0 })).toThrow(RangeError);
    expect(() => createTicketStore(createMemoryStore(), { ttlDays: 1.5 })).toThrow(RangeError);
  });
});
