/**
 * The one contract every KeyValueStore honours, run against the memory store and the real Redis.
 * Keys live under a namespace unique to the run; every key a test writes is deleted afterwards.
 */
import { StoreUnavailableError } from '../../src/domain/ports';
import type { KeyValueStore as Store } from '../../src/domain/ports';

export interface StoreHarness {
  store: Store;
  /** A namespace unique to this run (keys are `<namespace>:<name>`). */
  namespace: string;
  /** Lets `seconds` pass as far as TTLs are concerned (fake clock, or a real wait). */
  elapse(seconds: number): Promise<void>;
  /** Closes the store (after the keys are deleted). */
  dispose(): Promise<void>;
}

export function describeKeyValueStoreContract(name: string, createHarness: () => Promise<StoreHarness>): void {
  describe(`KeyValueStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    const written = new Set<string>();
    const key = (suffix: string) => {
      const full = `${harness.namespace}:${suffix}`;
      written.add(full);
      return full;
    };

    beforeAll(async () => {
      harness = await createHarness();
      store = harness.store;
    });

    afterEach(async () => {
      for (const k of written) await store.del(k);
      written.clear();
    });

    afterAll(async () => {
      await harness?.dispose();
    });

    test('get of an absent key is null, and its ttl is -2', async () => {
      await expect(store.get(key('absent'))).resolves.toBeNull();
      await expect(store.ttl(key('absent'))).resolves.toBe(-2);
    });

    test('set then get returns the value, with a ttl in (0, ttlSeconds]', async () => {
      await store.set(key('a'), 'première valeur — é', 120);
      await expect(store.get(key('a'))).resolves.toBe('première valeur — é');
      const ttl = await store.ttl(key('a'));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(120);
    });

    test('set overwrites the value and the ttl', async () => {
      await store.set(key('a'), 'one', 1000);
      await store.set(key('a'), 'two', 50);
      await expect(store.get(key('a'))).resolves.toBe('two');
      expect(await store.ttl(key('a'))).toBeLessThanOrEqual(50);
    });

    test('set rejects a ttl that is not a whole number of seconds >= 1', async () => {
      await expect(store.set(key('a'), 'x', 0)).rejects.toThrow(RangeError);
      await expect(store.set(key('a'), 'x', 1.5)).rejects.toThrow(RangeError);
      await expect(store.setIfAbsent(key('a'), 'x', -1)).rejects.toThrow(RangeError);
      await expect(store.get(key('a'))).resolves.toBeNull();
    });

    test('setIfAbsent creates once, then leaves the value alone', async () => {
      await expect(store.setIfAbsent(key('once'), 'first', 60)).resolves.toBe(true);
      await expect(store.setIfAbsent(key('once'), 'second', 60)).resolves.toBe(false);
      await expect(store.get(key('once'))).resolves.toBe('first');
      expect(await store.ttl(key('once'))).toBeGreaterThan(0);
    });

    test('del removes a key; deleting an absent key is fine', async () => {
      await store.set(key('gone'), 'x', 60);
      await store.del(key('gone'));
      await expect(store.get(key('gone'))).resolves.toBeNull();
      await expect(store.del(key('never'))).resolves.toBeUndefined();
    });

    test('incr counts from 1, and a counter has no ttl (-1)', async () => {
      await expect(store.incr(key('n'))).resolves.toBe(1);
      await expect(store.incr(key('n'))).resolves.toBe(2);
      await expect(store.incr(key('n'))).resolves.toBe(3);
      await expect(store.get(key('n'))).resolves.toBe('3');
      await expect(store.ttl(key('n'))).resolves.toBe(-1);
    });

    test('incr keeps the ttl of an existing key', async () => {
      await store.set(key('n'), '41', 100);
      await expect(store.incr(key('n'))).resolves.toBe(42);
      expect(await store.ttl(key('n'))).toBeGreaterThan(0);
    });

    test('incr of a value that is not an integer rejects, but not as unavailability', async () => {
      await store.set(key('text'), 'bonjour', 60);
      const error = await store.incr(key('text')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(StoreUnavailableError);
    });

    test('keys expire after their ttl: get is null, ttl is -2, setIfAbsent works again', async () => {
      await store.set(key('short'), 'x', 1);
      await store.setIfAbsent(key('short-nx'), 'x', 1);
      await harness.elapse(1.2);
      await expect(store.get(key('short'))).resolves.toBeNull();
      await expect(store.ttl(key('short'))).resolves.toBe(-2);
      await expect(store.setIfAbsent(key('short-nx'), 'y', 60)).resolves.toBe(true);
      await expect(store.get(key('short-nx'))).resolves.toBe('y');
    });

    test('sorted sets: first is the lowest score, members move and leave, the set has a TTL', async () => {
      const queue = key('queue');
      await expect(store.sortedFirst(queue)).resolves.toBeNull();
      await store.sortedAdd(queue, 'CA-second', 2000, 60);
      await store.sortedAdd(queue, 'CA-first', 1000, 60);
      await store.sortedAdd(queue, 'CA-third', 3000, 60);
      await expect(store.sortedFirst(queue)).resolves.toBe('CA-first');
      expect(await store.ttl(queue)).toBeGreaterThan(0);

      await store.sortedAdd(queue, 'CA-first', 4000, 60);
      await expect(store.sortedFirst(queue)).resolves.toBe('CA-second');
      await store.sortedRemove(queue, 'CA-second');
      await store.sortedRemove(queue, 'CA-absent');
      await expect(store.sortedFirst(queue)).resolves.toBe('CA-third');
      await store.sortedRemove(queue, 'CA-third');
      await store.sortedRemove(queue, 'CA-first');
      await expect(store.sortedFirst(queue)).resolves.toBeNull();
      await expect(store.ttl(queue)).resolves.toBe(-2);
    });

    test('sorted sets: equal scores are ordered by member; the set expires', async () => {
      const queue = key('queue-ties');
      await store.sortedAdd(queue, 'CA-b', 1000, 1);
      await store.sortedAdd(queue, 'CA-a', 1000, 1);
      await expect(store.sortedFirst(queue)).resolves.toBe('CA-a');
      await harness.elapse(1.2);
      await expect(store.sortedFirst(queue)).resolves.toBeNull();
    });

    test('sorted sets: every member with its score, lowest first; removing tells whether the member was there', async () => {
      const queue = key('queue-members');
      await expect(store.sortedMembers(queue)).resolves.toEqual([]);
      await store.sortedAdd(queue, 'chat-late', 1_700_000_900_000, 60);
      await store.sortedAdd(queue, 'chat-early', 1_700_000_100_000, 60);
      await expect(store.sortedMembers(queue)).resolves.toEqual([
        { member: 'chat-early', score: 1_700_000_100_000 },
        { member: 'chat-late', score: 1_700_000_900_000 },
      ]);
      await expect(store.sortedRemove(queue, 'chat-early')).resolves.toBe(true);
      await expect(store.sortedRemove(queue, 'chat-early')).resolves.toBe(false);
      await expect(store.sortedRemove(key('queue-none'), 'chat-early')).resolves.toBe(false);
      await expect(store.sortedMembers(queue)).resolves.toEqual([{ member: 'chat-late', score: 1_700_000_900_000 }]);
    });

    test('sorted sets: the summary counts the members and gives the lowest score', async () => {
      const queue = key('queue-summary');
      await expect(store.sortedSummary(queue)).resolves.toEqual({ count: 0, lowestScore: null });
      await store.sortedAdd(queue, 'CA-late', 1_700_000_900_000, 60);
      await store.sortedAdd(queue, 'CA-early', 1_700_000_100_000, 60);
      await expect(store.sortedSummary(queue)).resolves.toEqual({ count: 2, lowestScore: 1_700_000_100_000 });
      await store.sortedRemove(queue, 'CA-early');
      await expect(store.sortedSummary(queue)).resolves.toEqual({ count: 1, lowestScore: 1_700_000_900_000 });
    });

    test('hashes: increments add up per field, the hash has the TTL of its last write, and expires', async () => {
      const day = key('day-figures');
      await expect(store.hashGetAll(day)).resolves.toEqual({});
      await store.hashIncrement(day, { 'calls.connected': 1, 'wait.le30': 1 }, 1000);
      await store.hashIncrement(day, { 'calls.connected': 2 }, 1000);
      await store.hashIncrement(day, {}, 1000);
      await expect(store.hashGetAll(day)).resolves.toEqual({ 'calls.connected': '3', 'wait.le30': '1' });
      const ttl = await store.ttl(day);
      expect(ttl).toBeGreaterThan(900);
      expect(ttl).toBeLessThanOrEqual(1000);
      await store.hashIncrement(day, { 'calls.connected': 1 }, 1);
      await harness.elapse(1.2);
      await expect(store.hashGetAll(day)).resolves.toEqual({});
      await expect(store.hashIncrement(day, { x: 1 }, 0)).rejects.toThrow(RangeError);
    });

    test('hashes together: each hash gets its increments and the TTL, a hash without increment is left alone', async () => {
      const territory = key('day-figures-44');
      const country = key('day-figures-all');
      const untouched = key('day-figures-none');
      await store.hashIncrement(country, { 'faq.answered': 2 }, 1000);
      await store.hashIncrementAll(
        [
          { key: territory, increments: { 'faq.answered': 1, 'chats.started': 1 } },
          { key: country, increments: { 'faq.answered': 1 } },
          { key: untouched, increments: {} },
        ],
        500,
      );
      await expect(store.hashGetAll(territory)).resolves.toEqual({ 'faq.answered': '1', 'chats.started': '1' });
      await expect(store.hashGetAll(country)).resolves.toEqual({ 'faq.answered': '3' });
      await expect(store.hashGetAll(untouched)).resolves.toEqual({});
      for (const hash of [territory, country]) {
        const ttl = await store.ttl(hash);
        expect(ttl).toBeGreaterThan(400);
        expect(ttl).toBeLessThanOrEqual(500);
      }
      await expect(store.ttl(untouched)).resolves.toBe(-2);
      await store.hashIncrementAll([], 500);
      await expect(store.hashIncrementAll([{ key: territory, increments: { x: 1 } }], 0)).rejects.toThrow(RangeError);
    });

    test('lists: listAppend returns the new length (the watermark); listRange reads oldest first', async () => {
      const log = key('log');
      await expect(store.listRange(log, 0, -1)).resolves.toEqual([]);
      await expect(store.listAppend(log, '{"text":"Bonjour"}', 60)).resolves.toBe(1);
      await expect(store.listAppend(log, 'deux — é', 60)).resolves.toBe(2);
      await expect(store.listAppend(log, 'trois', 60)).resolves.toBe(3);
      await expect(store.listRange(log, 0, -1)).resolves.toEqual(['{"text":"Bonjour"}', 'deux — é', 'trois']);
      const ttl = await store.ttl(log);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    });

    test('lists: several values are appended in order, together; the length returned is the last one\'s watermark', async () => {
      const log = key('log-many');
      await expect(store.listAppend(log, 'un', 60)).resolves.toBe(1);
      await expect(store.listAppend(log, ['deux', 'trois — é', 'quatre'], 60)).resolves.toBe(4);
      await expect(store.listRange(log, 0, -1)).resolves.toEqual(['un', 'deux', 'trois — é', 'quatre']);
      await expect(store.listAppend(log, [], 60)).rejects.toThrow(RangeError);
      await expect(store.listRange(log, 0, -1)).resolves.toHaveLength(4);
    });

    test('lists: listAppendWithin appends only what fits under the bound, at once, and renews the TTL', async () => {
      const log = key('log-within');
      await expect(store.listAppendWithin(log, 'un', 3, 60)).resolves.toBe(1);
      await expect(store.listAppendWithin(log, ['deux', 'trois — é'], 3, 60)).resolves.toBe(3);
      await expect(store.listAppendWithin(log, 'quatre', 3, 60)).resolves.toBeNull();
      await expect(store.listAppendWithin(log, ['quatre', 'cinq'], 4, 60)).resolves.toBeNull();
      await expect(store.listRange(log, 0, -1)).resolves.toEqual(['un', 'deux', 'trois — é']);
      await expect(store.listAppendWithin(log, 'quatre', 4, 1)).resolves.toBe(4);
      expect(await store.ttl(log)).toBeLessThanOrEqual(1);
      await expect(store.listAppendWithin(log, [], 10, 60)).rejects.toThrow(RangeError);
      await expect(store.listAppendWithin(log, 'x', 10, 0)).rejects.toThrow(RangeError);
    });

    test('lists: listAppendWithinRenewing appends what fits and renews its record (same slot) in the same step, never creating it', async () => {
      const log = key('{renewing}:log');
      const record = key('{renewing}:record');
      await store.set(record, 'r', 5);
      await expect(store.listAppendWithinRenewing(log, 'un', 2, 60, record)).resolves.toBe(1);
      expect(await store.ttl(record)).toBeGreaterThan(50);
      expect(await store.ttl(log)).toBeGreaterThan(50);
      await store.set(record, 'r', 5);
      await expect(store.listAppendWithinRenewing(log, ['deux', 'trois'], 2, 60, record)).resolves.toBeNull();
      expect(await store.ttl(record)).toBeLessThanOrEqual(5);
      await expect(store.listAppendWithinRenewing(log, 'deux — é', 2, 60, record)).resolves.toBe(2);
      await expect(store.listRange(log, 0, -1)).resolves.toEqual(['un', 'deux — é']);
      expect(await store.get(record)).toBe('r');
      const missing = key('{renewing}:missing');
      await expect(store.listAppendWithinRenewing(key('{renewing}:other'), 'x', 5, 60, missing)).resolves.toBe(1);
      await expect(store.get(missing)).resolves.toBeNull();
      await expect(store.listAppendWithinRenewing(log, [], 10, 60, record)).rejects.toThrow(RangeError);
      await expect(store.listAppendWithinRenewing(log, 'x', 10, 0, record)).rejects.toThrow(RangeError);
    });

    test('lists: listAppendCapped appends, keeps the last items only, and renews the TTL (alone when nothing is appended)', async () => {
      const lines = key('lines-capped');
      await store.listAppendCapped(lines, [], 3, 60);
      expect(await store.ttl(lines)).toBe(-2);
      await store.listAppendCapped(lines, ['un', 'deux'], 3, 60);
      await store.listAppendCapped(lines, ['trois — é', 'quatre'], 3, 60);
      await expect(store.listRange(lines, 0, -1)).resolves.toEqual(['deux', 'trois — é', 'quatre']);
      await store.listAppendCapped(lines, [], 3, 1);
      expect(await store.ttl(lines)).toBeLessThanOrEqual(1);
      await expect(store.listRange(lines, 0, -1)).resolves.toHaveLength(3);
      await expect(store.listAppendCapped(lines, ['x'], 0, 60)).rejects.toThrow(RangeError);
      await expect(store.listAppendCapped(lines, ['x'], 3, 0)).rejects.toThrow(RangeError);
    });

    test('setWithCappedList sets the record and appends to its capped list (same slot) in one step, both with the TTL', async () => {
      const record = key('{with-list}:state');
      const lines = key('{with-list}:lines');
      await store.setWithCappedList(record, 'un', lines, [], 3, 60);
      await expect(store.get(record)).resolves.toBe('un');
      expect(await store.ttl(lines)).toBe(-2);
      await store.setWithCappedList(record, 'deux', lines, ['a', 'b'], 3, 60);
      await store.setWithCappedList(record, 'trois — é', lines, ['c — é', 'd'], 3, 60);
      await expect(store.get(record)).resolves.toBe('trois — é');
      await expect(store.listRange(lines, 0, -1)).resolves.toEqual(['b', 'c — é', 'd']);
      expect(await store.ttl(record)).toBeGreaterThan(50);
      expect(await store.ttl(lines)).toBeGreaterThan(50);
      await store.setWithCappedList(record, 'quatre', lines, [], 3, 1);
      expect(await store.ttl(lines)).toBeLessThanOrEqual(1);
      expect(await store.ttl(record)).toBeLessThanOrEqual(1);
      await expect(store.listRange(lines, 0, -1)).resolves.toHaveLength(3);
      // More values than kept: the last ones stay.
      await store.setWithCappedList(record, 'cinq', lines, ['1', '2', '3', '4', '5'], 3, 60);
      await expect(store.listRange(lines, 0, -1)).resolves.toEqual(['3', '4', '5']);
      await expect(store.setWithCappedList(record, 'x', lines, ['x'], 0, 60)).rejects.toThrow(RangeError);
      await expect(store.setWithCappedList(record, 'x', lines, ['x'], 3, 0)).rejects.toThrow(RangeError);
    });

    test('lists: listRange has LRANGE semantics (inclusive, negative from the tail, clamped)', async () => {
      const log = key('log-range');
      for (const item of ['a', 'b', 'c', 'd']) await store.listAppend(log, item, 60);
      await expect(store.listRange(log, 1, 2)).resolves.toEqual(['b', 'c']);
      await expect(store.listRange(log, 2, -1)).resolves.toEqual(['c', 'd']);
      await expect(store.listRange(log, -2, -1)).resolves.toEqual(['c', 'd']);
      await expect(store.listRange(log, -100, 0)).resolves.toEqual(['a']);
      await expect(store.listRange(log, 3, 100)).resolves.toEqual(['d']);
      await expect(store.listRange(log, 4, -1)).resolves.toEqual([]);
      await expect(store.listRange(log, 2, 1)).resolves.toEqual([]);
      await expect(store.listRange(log, 0, 0)).resolves.toEqual(['a']);
    });

    test('lists: every append renews the TTL; the list expires after it', async () => {
      const log = key('log-ttl');
      await store.listAppend(log, 'one', 1000);
      await store.listAppend(log, 'two', 1);
      expect(await store.ttl(log)).toBeLessThanOrEqual(1);
      await harness.elapse(1.2);
      await expect(store.listRange(log, 0, -1)).resolves.toEqual([]);
      await expect(store.ttl(log)).resolves.toBe(-2);
      await expect(store.listAppend(log, 'again', 60)).resolves.toBe(1);
    });

    test('lists: listAppend rejects a bad ttl; list commands on a string key reject, but not as unavailability', async () => {
      await expect(store.listAppend(key('log-bad'), 'x', 0)).rejects.toThrow(RangeError);
      await expect(store.listRange(key('log-bad'), 0, -1)).resolves.toEqual([]);
      await store.set(key('not-a-list'), 'x', 60);
      const appendError = await store.listAppend(key('not-a-list'), 'y', 60).catch((e: unknown) => e);
      expect(appendError).toBeInstanceOf(Error);
      expect(appendError).not.toBeInstanceOf(StoreUnavailableError);
      const rangeError = await store.listRange(key('not-a-list'), 0, -1).catch((e: unknown) => e);
      expect(rangeError).toBeInstanceOf(Error);
      expect(rangeError).not.toBeInstanceOf(StoreUnavailableError);
      await expect(store.get(key('not-a-list'))).resolves.toBe('x');
    });

    test('ping resolves', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
