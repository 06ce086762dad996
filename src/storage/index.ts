export { createMemoryStore, type MemoryStoreOptions } from './memory-store';
export { createRedisStore, reconnectDelayMs, type RedisStore, type RedisStoreOptions } from './redis-store';
export { createStoreKeys, storeKeys, DEFAULT_KEY_NAMESPACE, type StoreKeys } from './keys';
