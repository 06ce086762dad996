/** The pure parts of the channel: tokens, input cleaning, watermarks, rate limits, the internal address. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityRejected, cleanText, parseOutgoingActivity, parseUserActivity, outgoingContent, activityId } from '../../src/directline/activity';
import { createInternalAddress } from '../../src/directline/internal-address';
import { decodeAnnouncement, decodeFramed, framedAnnouncement } from '../../src/directline/conversations';
import { parseWatermark } from '../../src/directline/stream';
import { createChatTokens, deriveTokenKey, newConversationId, newUserId, CONVERSATION_ID_PATTERN, USER_ID_PATTERN } from '../../src/directline/tokens';
import { createFakeClock } from '../storage/fake-clock';

describe('chat tokens', () => {
  const key = new Uint8Array(32).fill(3);

  test('a token is a JWT (HS256) with the conversation and the user, valid until exp', () => {
    const clock = createFakeClock();
    const tokens = createChatTokens({ key, clock, ttlSeconds: 60 });
    const conversationId = newConversationId();
    const userId = newUserId();
    const issued = tokens.issue(conversationId, userId);
    expect(issued.expiresIn).toBe(60);
    const [header, payload] = issued.token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ conv: conversationId, user: userId, iss: 'orientation-360', aud: 'directline', exp: payload.iat + 60 });
    expect(tokens.verify(issued.token)).toEqual({ ok: true, claims: { conversationId, userId, expiresAt: payload.exp } });
    clock.advance(59_999);
    expect(tokens.verify(issued.token).ok).toBe(true);
    clock.advance(1);
    expect(tokens.verify(issued.token)).toEqual({ ok: false, reason: 'expired' });
  });

  test('another key, a changed payload, no token, or garbage: invalid', () => {
    const clock = createFakeClock();
    const tokens = createChatTokens({ key, clock });
    const other = createChatTokens({ key: new Uint8Array(32).fill(4), clock });
    const issued = other.issue(newConversationId(), newUserId());
    for (const token of [issued.token, undefined, '', 'a.b.c', 'x'.repeat(5000), `${issued.token}.extra`]) {
      expect(tokens.verify(token)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  test('a token verified before (its claims kept) does not make a changed copy of it valid', () => {
    const tokens = createChatTokens({ key, clock: createFakeClock() });
    const issued = tokens.issue(newConversationId(), newUserId());
    expect(tokens.verify(issued.token).ok).toBe(true);
    // A character in the middle of the signature (the last one also holds padding bits).
    const at = issued.token.length - 10;
    const changed = `${issued.token.slice(0, at)}${issued.token[at] === 'A' ? 'B' : 'A'}${issued.token.slice(at + 1)}`;
    expect(tokens.verify(changed)).toEqual({ ok: false, reason: 'invalid' });
    expect(tokens.verify(issued.token).ok).toBe(true);
  });

  test('keys shorter than 32 bytes are refused; derived keys are stable and 32 bytes', () => {
    expect(() => createChatTokens({ key: new Uint8Array(16), clock: createFakeClock() })).toThrow(RangeError);
    const derived = deriveTokenKey(Buffer.alloc(32, 7));
    expect(derived).toHaveLength(32);
    expect(Buffer.from(derived).equals(Buffer.from(deriveTokenKey(Buffer.alloc(32, 7))))).toBe(true);
    expect(Buffer.from(derived).equals(Buffer.alloc(32, 7))).toBe(false);
  });

  test('conversation ids carry 144 random bits, URL-safe; user ids start with dl_', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newConversationId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(CONVERSATION_ID_PATTERN);
    expect(newUserId()).toMatch(USER_ID_PATTERN);
  });
});

describe('user activities', () => {
  test('cleanText removes control characters and bidi overrides, keeps tabs, new lines and HTML as text', () => {
    expect(cleanText('\u0000a\tb\r\nc\u001b[31m\u007f\u009b\u202Ed\u2066e\uFEFF')).toBe('a\tb\nc[31mde');
    expect(cleanText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(cleanText('e\u0301')).toBe('é');
    expect(cleanText('\uDC00x\uD83D')).toBe('\uFFFDx\uFFFD');
    expect(cleanText('😀 ok')).toBe('😀 ok');
  });

  test('10,000 characters counted as characters (emoji count once), after cleaning', () => {
    expect(parseUserActivity({ type: 'message', text: '😀'.repeat(10_000) }).text).toHaveLength(20_000);
    expect(() => parseUserActivity({ type: 'message', text: '😀'.repeat(10_001) })).toThrow(ActivityRejected);
    expect(parseUserActivity({ type: 'message', text: `${'a'.repeat(10_000)}\u0000\u0000` }).text).toHaveLength(10_000);
  });

  test('only known fields are kept; locale and time zone that do not look right are dropped, not fatal', () => {
    const fields = parseUserActivity({
      type: 'message',
      text: 'ok',
      locale: 'fr-FR"><script>',
      localTimezone: 'Europe/Paris',
      serviceUrl: 'http://evil',
      from: { id: 'dl_forged', name: 'Marie\u0000' },
      channelData: { clientActivityID: 'abc', other: 'x', postBack: true },
      recipient: { id: 'someone' },
    });
    expect(fields).toEqual({
      type: 'message',
      text: 'ok',
      textFormat: 'plain',
      localTimezone: 'Europe/Paris',
      fromName: 'Marie',
      channelData: { clientActivityID: 'abc', postBack: true },
    });
  });

  test('errors name the field and never quote the input', () => {
    const error = (() => {
      try {
        parseUserActivity({ type: 'message', text: 'x', channelData: { clientActivityID: '<script>' } });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ActivityRejected);
    expect(error?.message).toBe('channelData.clientActivityID: has unexpected characters');
  });
});

describe('outgoing activities', () => {
  test('the channel owns addressing: sender values for from, recipient, serviceUrl… are dropped', () => {
    const input = parseOutgoingActivity({
      type: 'message',
      text: 'Bonjour',
      suggestedActions: { actions: [{ type: 'imBack', title: 'Logement', value: 'logement' }] },
      from: { id: 'bot', name: 'Bot' },
      recipient: { id: 'u' },
      serviceUrl: 'http://x',
      id: 'forged',
      conversation: { id: 'other' },
    });
    expect(outgoingContent(input)).toEqual({ type: 'message', text: 'Bonjour', suggestedActions: { actions: [{ type: 'imBack', title: 'Logement', value: 'logement' }] } });
    expect(() => parseOutgoingActivity({ text: 'no type' })).toThrow(ActivityRejected);
    expect(() => parseOutgoingActivity({ type: 'a b' })).toThrow(ActivityRejected);
  });

  test('activity ids: conversation|position on 7 digits', () => {
    expect(activityId('abc', 0)).toBe('abc|0000000');
    expect(activityId('abc', 1234567)).toBe('abc|1234567');
  });
});

describe('watermarks', () => {
  test('absent or empty is 0; digits are a number; anything else is refused', () => {
    expect(parseWatermark(undefined)).toBe(0);
    expect(parseWatermark('')).toBe(0);
    expect(parseWatermark('12')).toBe(12);
    for (const bad of ['-1', '1.5', 'abc', '1e3', '9999999999']) expect(parseWatermark(bad)).toBeNull();
  });
});

describe('announcements on the bus', () => {
  const a = { id: 'c|0000003', type: 'message' };
  const b = { id: 'c|0000004', type: 'message' };

  test('activities logged in a row come with the watermark after the last; an ephemeral one without', () => {
    expect(decodeAnnouncement(JSON.stringify({ activities: [a, b], watermark: 5 }))).toEqual({ activities: [a, b], watermark: 5 });
    expect(decodeAnnouncement(JSON.stringify({ activities: [a] }))).toEqual({ activities: [a] });
  });

  test('the one-activity form of the previous version is still read', () => {
    expect(decodeAnnouncement(JSON.stringify({ activity: a, watermark: 4 }))).toEqual({ activities: [a], watermark: 4 });
    expect(decodeAnnouncement(JSON.stringify({ activity: a }))).toEqual({ activities: [a] });
  });

  test('activities logged in a row go as the WebSocket message itself, with their count and watermark ahead', () => {
    const message = framedAnnouncement([JSON.stringify(a), JSON.stringify(b)], 5);
    const framed = decodeFramed(message);
    expect(framed).toEqual({ count: 2, watermark: 5, frame: expect.any(String) });
    // The bytes a stream sends: what JSON.stringify gives for Direct Line's message.
    expect(framed?.frame).toBe(JSON.stringify({ activities: [a, b], watermark: '5' }));
    // Not JSON: a process of the previous version drops it (its keep-alive tick reads the log).
    expect(decodeAnnouncement(message)).toBeNull();
  });

  test('a framed announcement with a bad header is dropped', () => {
    for (const bad of ['dl1 2 1 {}', 'dl1 0 3 {}', 'dl1 x 3 {}', 'dl1 2 3', 'dl2 1 3 {}', '{"activities":[]}']) expect(decodeFramed(bad)).toBeNull();
  });

  test('anything else is dropped', () => {
    for (const bad of ['nope', 'null', '{}', '{"activities":[]}', '{"activities":[null]}', JSON.stringify({ activities: [a, b], watermark: 1 }), JSON.stringify({ activity: a, watermark: 0 })]) {
      expect(decodeAnnouncement(bad)).toBeNull();
    }
  });
});

describe('internal address', () => {
  test('is unknown until set, then gives the bot endpoint and the connector on loopback', async () => {
    const address = createInternalAddress();
    expect(() => address.botEndpoint()).toThrow(/not known yet/);
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    try {
      address.setFromServer(server);
      const { port } = server.address() as AddressInfo;
      expect(address.botEndpoint()).toBe(`http://127.0.0.1:${port}/api/messages`);
      expect(address.connectorBaseUrl()).toBe(`http://127.0.0.1:${port}/directline/connector`);
    } finally {
      server.close();
    }
    address.set('http://127.0.0.1:3000/');
    expect(address.baseUrl()).toBe('http://127.0.0.1:3000');
    expect(() => address.set('ftp://x')).toThrow(RangeError);
  });
});

describe('store keys of the channel', () => {
  test('are namespaced like every other key', () => {
    const { storeKeys, createStoreKeys } = jest.requireActual<typeof import('../../src/storage/keys')>('../../src/storage/keys');
    expect(storeKeys.directLineConversation('abc')).toBe('o360:dl-conversation:{abc}');
    expect(storeKeys.directLineActivities('abc')).toBe('o360:dl-activities:{abc}');
    expect(storeKeys.directLineChannel('abc')).toBe('o360:dl-channel:{abc}');
    expect(createStoreKeys('o360test-x').directLineActivities('abc')).toBe('o360test-x:dl-activities:{abc}');
    expect(() => storeKeys.directLineActivities('a:b')).toThrow(RangeError);
  });
});
