import { createStoreKeys, storeKeys } from '../../src/storage/keys';

/** The part Redis Cluster hashes: the first `{…}` with something inside, else the whole key. */
function hashTag(key: string): string {
  const open = key.indexOf('{');
  const close = open === -1 ? -1 : key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

describe('storeKeys', () => {
  test('every key is namespaced o360:<kind>:… with its grouping id as a hash tag', () => {
    expect(storeKeys.call('CA0123456789abcdef0123456789abcdef')).toBe('o360:call:{CA0123456789abcdef0123456789abcdef}');
    expect(storeKeys.chat('c-1')).toBe('o360:chat:{c-1}');
    expect(storeKeys.ticket('T-44-7K3F9Q')).toBe('o360:ticket:{T-44-7K3F9Q}');
    expect(storeKeys.ticketByConversation('CA1')).toBe('o360:ticket-by-conversation:{CA1}');
    expect(storeKeys.counter('calls', '44', '2025-03-04')).toBe('o360:counter:{calls}:44:2025-03-04');
    expect(storeKeys.once('ticket', 'CA1')).toBe('o360:once:ticket:{CA1}');
    expect(storeKeys.ticketIndex('44', '2025-03')).toBe('o360:ticket-index:{44}:2025-03');
    expect(storeKeys.lock('ticket', 'T-44-7K3F9Q')).toBe('o360:lock:ticket:{T-44-7K3F9Q}');
  });

  test('a test namespace replaces o360', () => {
    expect(createStoreKeys('o360test-x').ticket('T-2A-000000')).toBe('o360test-x:ticket:{T-2A-000000}');
  });

  test('segments that could escape the namespace, match patterns or forge a hash tag are refused', () => {
    expect(() => storeKeys.call('')).toThrow(RangeError);
    expect(() => storeKeys.call('a:b')).toThrow(RangeError);
    expect(() => storeKeys.call('*')).toThrow(RangeError);
    expect(() => storeKeys.call('{x}')).toThrow(RangeError);
    expect(() => storeKeys.counter('calls', 'a b')).toThrow(RangeError);
    expect(() => storeKeys.counter('calls', '}')).toThrow(RangeError);
    expect(() => createStoreKeys('')).toThrow(RangeError);
  });
});

describe('hash tags (Redis Cluster slots)', () => {
  test('When records belong to one ticket, then their keys share one hash tag (one slot)', () => {
    const ref = 'T-44-7K3F9Q';
    const tags = [storeKeys.ticket(ref), storeKeys.ticketCase(ref), storeKeys.auditOfTicket(ref), storeKeys.lock('ticket', ref)].map(hashTag);
    expect(new Set(tags)).toEqual(new Set([ref]));
  });

  test('When records belong to one conversation, then their keys share one hash tag (one slot)', () => {
    const id = 'CA0123456789abcdef0123456789abcdef';
    const keys = [
      storeKeys.call(id),
      storeKeys.ticketByConversation(id),
      storeKeys.once('ticket', id),
      storeKeys.directLineConversation(id),
      storeKeys.directLineActivities(id),
    ];
    expect(new Set(keys.map(hashTag))).toEqual(new Set([id]));
  });

  test('When a territory’s index spans months, then every month is in the territory’s slot', () => {
    expect(hashTag(storeKeys.ticketIndex('2A', '2025-01'))).toBe(hashTag(storeKeys.ticketIndex('2A', '2025-12')));
    expect(hashTag(storeKeys.ticketIndex('2A', '2025-01'))).not.toBe(hashTag(storeKeys.ticketIndex('2B', '2025-01')));
  });

  test('a test namespace does not change the slot of a record', () => {
    expect(hashTag(createStoreKeys('o360test-x').ticket('T-44-7K3F9Q'))).toBe(hashTag(storeKeys.ticket('T-44-7K3F9Q')));
  });
});

describe('storeKeys.queue', () => {
  test('escapes any queue name into one segment', () => {
    expect(storeKeys.queue('cercle-44')).toBe('o360:queue:{cercle-44}');
    expect(storeKeys.queue('CERCLE 2A: nord*')).toBe('o360:queue:{CERCLE%202A%3A%20nord%2A}');
    expect(() => storeKeys.queue('')).toThrow(RangeError);
  });
});
