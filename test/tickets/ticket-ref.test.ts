import { crockfordBase32, isTicketRef, ticketRefFor } from '../../src/tickets/ref';

const CALL_SID = 'CA0123456789abcdef0123456789abcdef';

describe('ticketRefFor', () => {
  test('is T-<département>-<6 Crockford base32 characters>', () => {
    const ref = ticketRefFor('44', CALL_SID);
    expect(ref).toMatch(/^T-44-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(isTicketRef(ref)).toBe(true);
  });

  test('is the ref earlier releases gave (stored tickets keep their refs across versions)', () => {
    expect(ticketRefFor('44', CALL_SID)).toBe('T-44-DHN5Q0');
    expect(ticketRefFor(null, 'CAffffffffffffffffffffffffffffffff')).toBe('T-XX-GMNXEX');
    expect(ticketRefFor('2A', 'conversation-é-1')).toBe('T-2A-XE42GS');
  });

  test('is the same for the same conversation (Twilio retries make one ticket)', () => {
    expect(ticketRefFor('44', CALL_SID)).toBe(ticketRefFor('44', CALL_SID));
  });

  test('differs across conversations', () => {
    const refs = new Set(Array.from({ length: 200 }, (_, i) => ticketRefFor('44', `CA${i}`)));
    expect(refs.size).toBe(200);
  });

  test('the suffix depends on the conversation only; XX when the département is unknown', () => {
    const unknown = ticketRefFor(null, CALL_SID);
    expect(unknown).toMatch(/^T-XX-/);
    expect(unknown.slice(-6)).toBe(ticketRefFor('44', CALL_SID).slice(-6));
  });

  test('accepts Corsica and overseas codes, normalises case', () => {
    expect(ticketRefFor('2a', CALL_SID)).toMatch(/^T-2A-/);
    expect(ticketRefFor('2B', CALL_SID)).toMatch(/^T-2B-/);
    expect(ticketRefFor('971', CALL_SID)).toMatch(/^T-971-/);
    expect(ticketRefFor('976', CALL_SID)).toMatch(/^T-976-/);
  });

  test('refuses codes that are not départements, and an empty conversation id', () => {
    for (const code of ['20', '00', '96', '975', '977', '4', 'XX', '']) {
      expect(() => ticketRefFor(code, CALL_SID)).toThrow(RangeError);
    }
    expect(() => ticketRefFor('44', '')).toThrow(RangeError);
  });
});

describe('crockfordBase32', () => {
  test('encodes 5 bits per character with the Crockford alphabet', () => {
    expect(crockfordBase32(Buffer.from([0, 0, 0, 0]), 6)).toBe('000000');
    expect(crockfordBase32(Buffer.from([0xff, 0xff, 0xff, 0xff]), 6)).toBe('ZZZZZZ');
    // 0b00001_00010_00011_00100_00101_00110... = 1 2 3 4 5 6
    expect(crockfordBase32(Buffer.from([0x08, 0x86, 0x42, 0x98, 0xe0]), 6)).toBe('123456');
  });
});

describe('isTicketRef', () => {
  test('rejects what cannot be a ref', () => {
    for (const ref of ['', 'T-44-7K3F9', 'T-44-7K3F9QQ', 'T-20-7K3F9Q', 'T-44-7K3F9I', 't-44-7k3f9q', 'T-44-7K3F9Q ']) {
      expect(isTicketRef(ref)).toBe(false);
    }
    expect(isTicketRef('T-44-7K3F9Q')).toBe(true);
  });
});
