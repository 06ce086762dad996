export { createMemoryBus, createMemoryStore, type MemoryStoreOptions } from './memory-store';
export { createRedisBus, createRedisStore, reconnectDelayMs, type RedisBus, type RedisStore, type RedisStoreOptions } from './redis-store';
export { describeRedisTarget, type RedisNodeAddress, type RedisTarget } from './redis-target';
export { createStoreKeys, storeKeys, DEFAULT_KEY_NAMESPACE, type StoreKeys } from './keys';
