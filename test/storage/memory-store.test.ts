import { StoreUnavailableError } from '../../src/domain/ports';
import { createMemoryStore } from '../../src/storage/memory-store';
import { createFakeClock } from './fake-clock';
import { describeKeyValueStoreContract } from './key-value-store-contract';

describeKeyValueStoreContract('memory (fake clock)', async () => {
  const clock = createFakeClock();
  const store = createMemoryStore(clock);
  return {
    store,
    namespace: 'o360test',
    elapse: async (seconds) => clock.advance(seconds * 1000),
    dispose: () => store.close(),
  };
});

describe('memory store specifics', () => {
  test('a key is there until the last millisecond of its ttl, then gone', async () => {
    const clock = createFakeClock();
    const store = createMemoryStore(clock);
    await store.set('k', 'v', 10);
    clock.advance(9_999);
    await expect(store.get('k')).resolves.toBe('v');
    await expect(store.ttl('k')).resolves.toBe(1);
    clock.advance(1);
    await expect(store.get('k')).resolves.toBeNull();
    await store.close();
  });

  test('the periodic sweep does not keep the process alive and stops on close', async () => {
    const clock = createFakeClock();
    const store = createMemoryStore(clock, { sweepIntervalMs: 5 });
    await store.set('k', 'v', 1);
    clock.advance(2_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(store.ttl('k')).resolves.toBe(-2);
    await store.close();
  });

  test('after close, commands reject with StoreUnavailableError', async () => {
    const store = createMemoryStore();
    await store.close();
    await expect(store.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
