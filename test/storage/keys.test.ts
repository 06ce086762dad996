import { createStoreKeys, storeKeys } from '../../src/storage/keys';

describe('storeKeys', () => {
  test('every key is namespaced o360:<kind>:<id>', () => {
    expect(storeKeys.call('CA0123456789abcdef0123456789abcdef')).toBe('o360:call:CA0123456789abcdef0123456789abcdef');
    expect(storeKeys.chat('c-1')).toBe('o360:chat:c-1');
    expect(storeKeys.ticket('T-44-7K3F9Q')).toBe('o360:ticket:T-44-7K3F9Q');
    expect(storeKeys.ticketByConversation('CA1')).toBe('o360:ticket-by-conversation:CA1');
    expect(storeKeys.counter('calls', '44', '2025-03-04')).toBe('o360:counter:calls:44:2025-03-04');
    expect(storeKeys.once('ticket', 'CA1')).toBe('o360:once:ticket:CA1');
  });

  test('a test namespace replaces o360', () => {
    expect(createStoreKeys('o360test-x').ticket('T-2A-000000')).toBe('o360test-x:ticket:T-2A-000000');
  });

  test('segments that could escape the namespace or match patterns are refused', () => {
    expect(() => storeKeys.call('')).toThrow(RangeError);
    expect(() => storeKeys.call('a:b')).toThrow(RangeError);
    expect(() => storeKeys.call('*')).toThrow(RangeError);
    expect(() => storeKeys.counter('calls', 'a b')).toThrow(RangeError);
    expect(() => createStoreKeys('')).toThrow(RangeError);
  });
});

describe('storeKeys.queue', () => {
  test('escapes any queue name into one segment', () => {
    expect(storeKeys.queue('cercle-44')).toBe('o360:queue:cercle-44');
    expect(storeKeys.queue('CERCLE 2A: nord*')).toBe('o360:queue:CERCLE%202A%3A%20nord%2A');
    expect(() => storeKeys.queue('')).toThrow(RangeError);
  });
});
