/**
 * The real client: botframework-directlinejs (what botframework-webchat 4.18 runs in the browser)
 * against the channel, over WebSocket and over polling. DirectLineJS builds its requests with RxJS
 * ajax (browser XHR), so the test hands it an equivalent built on fetch, and `ws` as its WebSocket.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { WebSocket } from 'ws';
import { createMemoryBus, createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import type { DirectLineActivity } from '../../src/directline/activity';
import { call, offsetClock, startChannel, startFakeBot, userIdOf, waitUntil, type FakeBot, type RunningChannel } from './harness';

// DirectLineJS checks for a global WebSocket before it uses the one it is given.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs') as typeof import('botframework-directlinejs');
const { Observable } = require('rxjs/Observable') as { Observable: { create(subscribe: (subscriber: any) => () => void): any } };

interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** RxJS 5 `Observable.ajax` as DirectLineJS uses it: `{ response }` on success, an error with `status` otherwise. */
function fetchAjax(request: AjaxRequest) {
  return Observable.create((subscriber: any) => {
    const controller = new AbortController();
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, body, signal: controller.signal })
      .then(async (res) => {
        const text = await res.text();
        const response = text ? (JSON.parse(text) as unknown) : null;
        if (res.status >= 400) {
          subscriber.error({ status: res.status, response, xhr: { getResponseHeader: (name: string) => res.headers.get(name) } });
          return;
        }
        subscriber.next({ status: res.status, response });
        subscriber.complete();
      })
      .catch((err: unknown) => subscriber.error({ status: 0, err }));
    return () => controller.abort();
  });
}

describe('botframework-directlinejs against the channel', () => {
  const store = createMemoryStore();
  const bus = createMemoryBus();
  let bot: FakeBot;
  let channel: RunningChannel;

  beforeAll(async () => {
    bot = await startFakeBot();
    channel = await startChannel({ store, bus, keys: createStoreKeys('o360test'), clock: offsetClock(), botEndpoint: () => bot.url });
  });
  afterAll(async () => {
    await channel.close();
    await bot.close();
    await store.close();
    await bus.close();
  });

  test.each([
    ['WebSocket', true],
    ['polling', false],
  ])('%s: connects with a token from /chat/token, posts, gets its echo and the bot reply', async (_mode, webSocket) => {
    const issued = await call('POST', `${channel.httpBase}/chat/token`);
    const directLine = new DirectLine({
      token: issued.body.token,
      domain: `${channel.httpBase}/v3/directline`,
      webSocket,
      pollingInterval: 200,
      ajax: fetchAjax,
      WebSocket,
    } as any);
    const statuses: number[] = [];
    const received: DirectLineActivity[] = [];
    const statusSubscription = directLine.connectionStatus$.subscribe((status) => statuses.push(status));
    const activitySubscription = directLine.activity$.subscribe((activity) => received.push(activity as unknown as DirectLineActivity));
    try {
      await waitUntil(() => statuses.includes(ConnectionStatus.Online), 3000, 'online');
      await waitUntil(() => received.some((a) => a.text === 'Bonjour ! Je suis là pour vous orienter.'), 3000, 'welcome');

      const userId = userIdOf(issued.body.token);
      const id = await new Promise<string>((resolve, reject) => {
        directLine
          .postActivity({ type: 'message', from: { id: userId, role: 'user' }, text: 'Mon fils est autiste', channelData: { clientActivityID: 'dljs-1' } } as any)
          .subscribe(resolve, reject);
      });
      expect(id).toBe(`${issued.body.conversationId}|0000001`);
      await waitUntil(() => received.some((a) => a.text === 'Vous avez dit : Mon fils est autiste'), 3000, 'reply');
      // Web Chat marks the message sent when it sees its echo: same clientActivityID, with an id.
      expect(received.find((a) => a.channelData?.clientActivityID === 'dljs-1')).toMatchObject({ id, from: { id: userId, role: 'user' } });
      expect((directLine as unknown as { conversationId: string }).conversationId).toBe(issued.body.conversationId);
      expect(statuses).not.toContain(ConnectionStatus.FailedToConnect);
      expect(statuses).not.toContain(ConnectionStatus.ExpiredToken);
    } finally {
      activitySubscription.unsubscribe();
      statusSubscription.unsubscribe();
      directLine.end();
    }
  });
});
