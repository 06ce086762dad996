/**
 * Test harness of the Direct Line channel: the channel in a real express server on a free port, a
 * fake bot (a plain http server that sends what a botbuilder bot sends: it takes the forwarded
 * activity and replies through the connector at the activity's serviceUrl), and small clients for
 * the REST API and the WebSocket stream.
 */
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { WebSocket } from 'ws';
import type { Clock, KeyValueStore, MessageBus } from '../../src/domain/ports';
import { CHANNEL_SECRET_HEADER, createDirectLine, createInternalAddress, type DirectLine, type DirectLineOptions, type TrustProxy } from '../../src/directline';
import type { DirectLineActivity } from '../../src/directline/activity';
import type { ScriptRunner } from '../../src/directline/log-script';
import { silentLogger, type Logger } from '../../src/logging';
import type { StoreKeys } from '../../src/storage/keys';

export const TEST_TOKEN_KEY = new Uint8Array(32).fill(9);

/** Real time, plus an offset a test can move forward (token expiry). */
export function offsetClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}

export type BotMode = 'echo' | 'fail' | 'silent';

export interface FakeBot {
  url: string;
  received: DirectLineActivity[];
  mode: BotMode;
  /** Replies the connector refused (status and body), for assertions. */
  replyFailures: Array<{ status: number; body: string }>;
  waitForReceived(count: number, timeoutMs?: number): Promise<DirectLineActivity[]>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** What a botbuilder bot does with an activity: answer "Vous avez dit : …", welcome a new member. */
export async function startFakeBot(): Promise<FakeBot> {
  const received: DirectLineActivity[] = [];
  const replyFailures: Array<{ status: number; body: string }> = [];
  const waiters: Array<() => void> = [];

  /** Replies as the service's own bot does: with the channel secret the delivery carried. */
  async function reply(incoming: DirectLineActivity, text: string, asReply: boolean, secret: string): Promise<void> {
    const serviceUrl = String(incoming.serviceUrl).replace(/\/+$/, '');
    const conversationId = encodeURIComponent(incoming.conversation.id);
    const path = asReply
      ? `/v3/conversations/${conversationId}/activities/${encodeURIComponent(incoming.id)}`
      : `/v3/conversations/${conversationId}/activities`;
    const response = await fetch(`${serviceUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', [CHANNEL_SECRET_HEADER]: secret },
      body: JSON.stringify({
        type: 'message',
        text,
        inputHint: 'acceptingInput',
        channelId: incoming.channelId,
        serviceUrl: incoming.serviceUrl,
        conversation: incoming.conversation,
        from: incoming.recipient,
        recipient: incoming.from,
        locale: incoming.locale,
        ...(asReply ? { replyToId: incoming.id } : {}),
      }),
    });
    const body = await response.text();
    if (!response.ok) replyFailures.push({ status: response.status, body });
  }

  const bot: FakeBot = {
    url: '',
    received,
    mode: 'echo',
    replyFailures,
    waitForReceived(count, timeoutMs = 3000) {
      return waitUntil(() => received.length >= count, timeoutMs, `the bot received ${received.length} of ${count}`).then(() => received);
    },
    close: () => closeServer(server),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as DirectLineActivity;
        const secret = String(req.headers[CHANNEL_SECRET_HEADER] ?? '');
        received.push(activity);
        for (const wake of waiters.splice(0)) wake();
        if (bot.mode === 'fail') {
          res.writeHead(500).end();
          return;
        }
        if (bot.mode === 'echo') {
          // Like CloudAdapter.process: the turn (and its replies) completes before the HTTP answer.
          if (activity.type === 'message') await reply(activity, `Vous avez dit : ${activity.text ?? ''}`, true, secret);
          if (activity.type === 'conversationUpdate') {
            const added = (activity.membersAdded as Array<{ id: string }> | undefined) ?? [];
            if (added.some((member) => member.id !== activity.recipient?.id)) await reply(activity, 'Bonjour ! Je suis là pour vous orienter.', false, secret);
          }
        }
        res.writeHead(200).end();
      })();
    });
  });
  bot.url = `http://127.0.0.1:${await listen(server)}/api/messages`;
  return bot;
}

export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface RunningChannel {
  directLine: DirectLine;
  server: Server;
  httpBase: string;
  connectorBaseUrl: string;
  /** The headers the service's own bot sends to the connector (the channel secret). */
  asBot: Record<string, string>;
  close(): Promise<void>;
}

/** The channel mounted at '/' of a real express app behind its lean lane, its WebSocket attached, its internal address set after listen. */
export async function startChannel(deps: {
  store: KeyValueStore;
  bus: MessageBus;
  keys: StoreKeys;
  clock: Clock;
  botEndpoint: () => string;
  logger?: Logger;
  options?: DirectLineOptions;
  /** false: express alone, without the lean lane (to compare the two). */
  lane?: boolean;
  /** express's `trust proxy` setting (default true). */
  trustProxy?: unknown;
  /** The store's script runner when the bus is on the store's own Redis (as main.ts wires it): a turn's log append and announcement in one script. */
  runScript?: ScriptRunner;
}): Promise<RunningChannel> {
  const internal = createInternalAddress();
  const directLine = createDirectLine({
    store: deps.store,
    bus: deps.bus,
    keys: deps.keys,
    clock: deps.clock,
    logger: deps.logger ?? silentLogger(),
    tokenKey: TEST_TOKEN_KEY,
    botEndpoint: deps.botEndpoint,
    connectorBaseUrl: () => internal.connectorBaseUrl(),
    channelSecret: internal.channelSecret,
    isChannelSecret: internal.isChannelSecret,
    options: { conversationTtlSeconds: 600, keepAliveMs: 300, ...deps.options },
    ...(deps.runScript ? { runScript: deps.runScript } : {}),
  });
  const app = express();
  app.set('trust proxy', deps.trustProxy ?? true);
  app.use('/', directLine.router);
  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  // As createApp: the lean lane of POST …/activities ahead of express.
  const server = http.createServer(deps.lane === false ? app : directLine.lane({ securityHeaders: [], trustProxy: app.get('trust proxy fn') as TrustProxy, next: app }));
  const detach = directLine.attachWebSocket(server);
  const port = await listen(server);
  internal.setFromServer(server);
  return {
    directLine,
    server,
    httpBase: `http://127.0.0.1:${port}`,
    connectorBaseUrl: internal.connectorBaseUrl(),
    asBot: { [CHANNEL_SECRET_HEADER]: internal.channelSecret },
    async close() {
      detach();
      await directLine.close();
      await closeServer(server);
    },
  };
}

// ---- Direct Line client (what DirectLineJS sends) ---------------------------------------------------

/** Direct Line's error body, present on 4xx and 5xx. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export interface JsonResponse<T = any> {
  status: number;
  body: T & ErrorBody;
  text: string;
  headers: Headers;
}

export async function call<T = any>(method: string, url: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', 'x-ms-bot-agent': 'DirectLine/3.0 (directlinejs 0.15.5)', ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed as T & ErrorBody, text, headers: response.headers };
}

export interface StartedConversation {
  conversationId: string;
  token: string;
  streamUrl: string;
  userId: string;
}

export function userIdOf(token: string): string {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { user: string };
  return payload.user;
}

/** The page gets a token, then Web Chat starts the conversation with it. */
export async function startConversation(httpBase: string): Promise<StartedConversation> {
  const issued = await call('POST', `${httpBase}/chat/token`);
  if (issued.status !== 200) throw new Error(`token: ${issued.status} ${issued.text}`);
  const started = await call('POST', `${httpBase}/v3/directline/conversations`, { token: issued.body.token, body: { user: {}, locale: 'fr-FR' } });
  if (started.status !== 201) throw new Error(`start: ${started.status} ${started.text}`);
  return { conversationId: started.body.conversationId, token: started.body.token, streamUrl: started.body.streamUrl, userId: userIdOf(started.body.token) };
}

/** Web Chat's outgoing message. */
export function webChatMessage(text: string, clientActivityID = `c-${Math.random().toString(36).slice(2)}`) {
  return {
    type: 'message',
    text,
    channelId: 'webchat',
    from: { id: 'ignored-by-the-server', name: '', role: 'user' },
    locale: 'fr-FR',
    localTimestamp: '2025-03-04T11:00:00.000+01:00',
    localTimezone: 'Europe/Paris',
    attachments: [],
    entities: [{ type: 'ClientCapabilities', requiresBotState: true, supportsListening: true, supportsTts: true }],
    channelData: { clientActivityID, 'webchat:send-status': 'sending' },
  };
}

export function postActivity(httpBase: string, conversation: StartedConversation, activity: unknown, token = conversation.token) {
  return call<{ id: string }>('POST', `${httpBase}/v3/directline/conversations/${conversation.conversationId}/activities`, { token, body: activity });
}

export function getActivities(httpBase: string, conversation: StartedConversation, watermark?: string, token = conversation.token) {
  const query = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
  return call<{ activities: DirectLineActivity[]; watermark: string }>(
    'GET',
    `${httpBase}/v3/directline/conversations/${conversation.conversationId}/activities${query}`,
    { token },
  );
}

/** Polls GET activities until `condition` holds on everything read so far. */
export async function pollActivities(
  httpBase: string,
  conversation: StartedConversation,
  condition: (activities: DirectLineActivity[]) => boolean,
  timeoutMs = 3000,
): Promise<{ activities: DirectLineActivity[]; watermark: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await getActivities(httpBase, conversation);
    if (page.status === 200 && condition(page.body.activities)) return page.body;
    if (Date.now() > deadline) throw new Error(`timed out polling: ${page.status} ${JSON.stringify(page.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---- WebSocket client -------------------------------------------------------------------------------

export interface StreamClient {
  socket: WebSocket;
  /** Every activity received, in order. */
  activities: DirectLineActivity[];
  /** Every raw message (including the empty keep-alives). */
  raw: string[];
  watermarks: string[];
  closed: Promise<{ code: number; reason: string }>;
  waitFor(condition: (activities: DirectLineActivity[]) => boolean, timeoutMs?: number): Promise<DirectLineActivity[]>;
  close(): Promise<void>;
}

export function openStream(url: string): Promise<StreamClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const client: StreamClient = {
      socket,
      activities: [],
      raw: [],
      watermarks: [],
      closed: new Promise((resolveClose) => socket.on('close', (code, reason) => resolveClose({ code, reason: reason.toString() }))),
      async waitFor(condition, timeoutMs = 3000) {
        await waitUntil(() => condition(client.activities), timeoutMs, `stream: ${JSON.stringify(client.activities.map((a) => [a.type, a.text]))}`);
        return client.activities;
      },
      async close() {
        if (socket.readyState === WebSocket.CLOSED) return;
        socket.close();
        await client.closed;
      },
    };
    socket.on('message', (data) => {
      const text = data.toString();
      client.raw.push(text);
      if (!text) return;
      const set = JSON.parse(text) as { activities: DirectLineActivity[]; watermark?: string };
      client.activities.push(...set.activities);
      if (set.watermark !== undefined) client.watermarks.push(set.watermark);
    });
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
    socket.once('error', reject);
  });
}
