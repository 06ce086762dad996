/**
 * The Direct Line WebSocket stream: `GET /v3/directline/conversations/:id/stream?t=<token>&watermark=<n>`
 * upgraded on the service's own http server.
 *
 * On connect the client gets the logged activities after its watermark, then each new activity as
 * `{ activities: [a], watermark }` as soon as the bus announces it (whichever process received it),
 * and an empty message every `keepAliveMs` like Direct Line. Announcements are only hints: the log in
 * the store is the truth, so an announcement that skips ahead, or a keep-alive tick, makes the socket
 * read what it missed (a process that lost its bus for a while catches up within one tick). The socket
 * closes when its token expires (DirectLineJS then reconnects with its refreshed token).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Clock, MessageBus } from '../domain/ports';
import type { Logger } from '../logging';
import type { DirectLineActivity } from './activity';
import { decodeAnnouncement, decodeFramed, type ConversationLog } from './conversations';
import type { ChatTokens } from './tokens';

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream\/?$/;

export interface StreamOptions {
  tokens: ChatTokens;
  log: ConversationLog;
  bus: MessageBus;
  clock: Clock;
  logger: Logger;
  keepAliveMs: number;
  /** Most activities in one message (the backlog is sent in batches). */
  maxBatch: number;
  /** Most open streams in this process. */
  maxConnections: number;
}

export interface StreamServer {
  /** Takes the upgrade when the path is a Direct Line stream (returns true); leaves any other path alone. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Listens for upgrades on `server`; returns a function that stops listening. */
  attach(server: Server): () => void;
  readonly connectionCount: number;
  /**
   * Closes every stream with 1012 (service restart: come back), which DirectLineJS answers by
   * fetching a new streamUrl and reconnecting, to another process or this one restarted.
   */
  close(): Promise<void>;
}

/** Parses a Direct Line watermark: absent or empty is 0; anything but digits is null. */
export function parseWatermark(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return 0;
  if (!/^\d{1,9}$/.test(value)) return null;
  return Number(value);
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([^\s]+)$/i.exec(header ?? '');
  return match?.[1];
}

/** WebSocket close code 1012 (IANA registry): the service restarts, the client should reconnect. */
export const SERVICE_RESTART = 1012;

/** Slow consumers are dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[status] ?? 'Error';
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.destroy();
}

export function createStreamServer(options: StreamOptions): StreamServer {
  const { tokens, log, bus, clock, logger, keepAliveMs, maxBatch, maxConnections } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, clientTracking: false });
  const sockets = new Set<WebSocket>();
  /** Upgrades being checked (their store read is in flight): counted against the limit too. */
  let opening = 0;

  function stream(ws: WebSocket, conversationId: string, fromWatermark: number, expiresAt: number): void {
    sockets.add(ws);
    let lastSent = fromWatermark;
    let chain: Promise<void> = Promise.resolve();
    let open = true;
    let unsubscribe: (() => Promise<void>) | undefined;

    const enqueue = (work: () => Promise<void>) => {
      chain = chain.then(work).catch((err: unknown) => logger.warn({ err, conversationId }, 'chat stream could not read the log'));
    };

    /** Sends a Direct Line message (`{ activities, watermark }` as JSON). */
    const sendFrame = (frame: string) => {
      if (!open || ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        logger.warn({ conversationId }, 'chat stream dropped: the client does not read');
        ws.terminate();
        return;
      }
      ws.send(frame);
    };
    const send = (activities: DirectLineActivity[], watermark: number) => sendFrame(JSON.stringify({ activities, watermark: String(watermark) }));

    const catchUp = async () => {
      for (;;) {
        if (!open) return;
        const page = await log.read(conversationId, lastSent, maxBatch);
        if (page.activities.length > 0) send(page.activities, page.watermark);
        const full = page.watermark - lastSent >= maxBatch;
        lastSent = page.watermark;
        if (!full) return;
      }
    };

    const onAnnouncement = (message: string) => {
      // Activities logged in a row: the WebSocket message itself, sent as it came when it follows
      // what this socket sent last.
      const framed = decodeFramed(message);
      if (framed) {
        enqueue(async () => {
          if (framed.watermark - framed.count === lastSent) {
            sendFrame(framed.frame);
            lastSent = framed.watermark;
          } else if (framed.watermark > lastSent) await catchUp();
        });
        return;
      }
      const announcement = decodeAnnouncement(message);
      if (!announcement) return;
      enqueue(async () => {
        const { activities, watermark } = announcement;
        if (watermark === undefined) send(activities, lastSent);
        else if (watermark - activities.length === lastSent) {
          send(activities, watermark);
          lastSent = watermark;
        } else if (watermark > lastSent) await catchUp();
      });
    };

    const keepAlive = setInterval(() => {
      if (open && ws.readyState === WebSocket.OPEN) ws.send('');
      enqueue(catchUp);
    }, keepAliveMs);
    keepAlive.unref();
    const expiry = setTimeout(
      () => {
        if (open) ws.close(1008, 'token expired');
      },
      Math.max(0, expiresAt * 1000 - clock.now().getTime()),
    );
    expiry.unref();

    const cleanUp = () => {
      if (!open) return;
      open = false;
      sockets.delete(ws);
      clearInterval(keepAlive);
      clearTimeout(expiry);
      void unsubscribe?.();
    };
    ws.on('close', cleanUp);
    ws.on('error', (err) => {
      logger.debug({ err, conversationId }, 'chat stream error');
      cleanUp();
    });
    // Clients send empty messages to keep the connection alive; nothing a client sends is used.
    ws.on('message', () => undefined);

    bus.subscribe(log.channel(conversationId), onAnnouncement).then(
      (stop) => {
        if (!open) {
          void stop();
          return;
        }
        unsubscribe = stop;
        // Subscribed first, then read the backlog: nothing falls between the two.
        enqueue(catchUp);
      },
      (err: unknown) => {
        logger.warn({ err, conversationId }, 'chat stream cannot subscribe: closing it so that the client reconnects');
        if (open) ws.close(1011, 'temporarily unavailable');
      },
    );
  }

  async function accept(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, watermark: number, expiresAt: number) {
    opening += 1;
    try {
      const record = await log.get(conversationId);
      if (!record) return refuse(socket, 404, 'ConversationNotFound', 'This conversation does not exist or has expired');
    } catch (err) {
      logger.warn({ err, conversationId }, 'chat stream refused: the store does not answer');
      return refuse(socket, 503, 'ServiceError', 'The chat is temporarily unavailable');
    } finally {
      opening -= 1;
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(req, socket, head, (ws) => stream(ws, conversationId, watermark, expiresAt));
  }

  const server: StreamServer = {
    handleUpgrade(req, socket, head) {
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        return false;
      }
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) return false;
      socket.on('error', () => socket.destroy());

      const check = tokens.verify(url.searchParams.get('t') ?? bearerToken(req.headers.authorization));
      if (!check.ok) {
        if (check.reason === 'expired') refuse(socket, 403, 'TokenExpired', 'The token has expired');
        else refuse(socket, 401, 'Unauthorized', 'A valid token is required');
        return true;
      }
      if (match[1] !== check.claims.conversationId) {
        refuse(socket, 403, 'Forbidden', 'This token does not give access to this conversation');
        return true;
      }
      const watermark = parseWatermark(url.searchParams.get('watermark'));
      if (watermark === null) {
        refuse(socket, 400, 'BadArgument', 'watermark must be a number');
        return true;
      }
      if (sockets.size + opening >= maxConnections) {
        refuse(socket, 503, 'ServiceError', 'Too many open chats, try again later');
        return true;
      }
      void accept(req, socket, head, check.claims.conversationId, watermark, check.claims.expiresAt);
      return true;
    },

    attach(httpServer) {
      const listener = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        server.handleUpgrade(req, socket, head);
      };
      httpServer.on('upgrade', listener);
      return () => {
        httpServer.off('upgrade', listener);
      };
    },

    get connectionCount() {
      return sockets.size;
    },

    async close() {
      const closing = [...sockets].map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => {
              ws.terminate();
              resolve();
            }, 1000);
            timer.unref();
            ws.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            ws.close(SERVICE_RESTART, 'service restart');
          }),
      );
      await Promise.all(closing);
      wss.close();
    },
  };
  return server;
}
