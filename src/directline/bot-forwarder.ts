/**
 * Delivers the user's activities to the bot, one conversation's after the other, in order (a bot
 * turn finishes before the next starts); different conversations do not wait for each other. A
 * delivery that fails is reported to `onFailure`, never thrown.
 *
 * How an activity reaches the bot is the `deliver` function: in the same process (the service's own
 * bot, src/chat/botEndpoint.ts), or `httpDelivery` below, a POST of JSON to the bot's endpoint as
 * Direct Line does (a bot elsewhere; the benchmark's old path). node:http with a keep-alive agent
 * rather than fetch: fetch (undici, web streams, AbortSignal.timeout) cost ~0.5 ms of CPU per
 * delivery against ~0.15 ms.
 */
import http from 'node:http';
import https from 'node:https';
import type { Logger } from '../logging';
import type { DirectLineActivity } from './activity';

/** Hands one activity to the bot; resolves once the bot's turn is over, rejects with a DeliveryFailed. */
export type BotDelivery = (activity: DirectLineActivity) => Promise<void>;

export interface BotForwarderOptions {
  deliver: BotDelivery;
  logger: Logger;
  onFailure(activity: DirectLineActivity, reason: string): Promise<void> | void;
  /** Told when a conversation has no delivery left, queued or running. */
  onIdle?(conversationId: string): void;
}

export interface HttpDeliveryOptions {
  /** Where the bot listens (the app's own /api/messages), read at each delivery. */
  botEndpoint(): string;
  /** The connector base URL the bot replies to (the activity's `serviceUrl`), read at each delivery. */
  serviceUrl(): string;
  timeoutMs: number;
  /** Headers every delivery carries (the channel secret). */
  headers?: Readonly<Record<string, string>>;
}

/** Why a delivery failed, in words fit for the log (never the activity's content). */
export class DeliveryFailed extends Error {
  override readonly name = 'DeliveryFailed';
}

export interface BotForwarder {
  /** Queues one delivery; returns at once. */
  forward(activity: DirectLineActivity): void;
  /** Resolves when every queued delivery has ended. */
  drain(): Promise<void>;
}

class DeliveryTimeout extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * POSTs `body` as JSON; resolves with the status once the answer is read (its body is discarded),
 * rejects on a network error or when no status came within `timeoutMs` (a TimeoutError). When the
 * status came but the body did not end in time, the status stands (as with fetch, whose body read
 * was allowed to fail).
 */
function postJson(
  url: URL,
  body: string,
  timeoutMs: number,
  agents: { http: http.Agent; https: https.Agent },
  headers: Readonly<Record<string, string>> = {},
): Promise<number> {
  const payload = Buffer.from(body, 'utf8');
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:') return Promise.reject(new TypeError(`unsupported protocol ${url.protocol}`));
  return new Promise<number>((resolve, reject) => {
    let status: number | undefined;
    const request = (secure ? https : http).request(url, {
      method: 'POST',
      agent: secure ? agents.https : agents.http,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': payload.length },
    });
    const timer = setTimeout(() => request.destroy(new DeliveryTimeout(`no answer within ${timeoutMs} ms`)), timeoutMs);
    const settle = () => {
      clearTimeout(timer);
      if (status !== undefined) resolve(status);
    };
    request.on('response', (response) => {
      status = response.statusCode ?? 0;
      response.on('error', () => undefined);
      response.on('end', settle);
      response.on('close', settle);
      response.resume();
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      if (status === undefined) reject(error);
      else resolve(status);
    });
    request.end(payload);
  });
}

/** Delivery over HTTP: POST of the activity (with `serviceUrl`) to the bot's endpoint. */
export function httpDelivery(options: HttpDeliveryOptions): BotDelivery {
  const { timeoutMs } = options;
  // Idle sockets are closed after 4 s, before a Node server's 5 s keep-alive timeout (or its shorter
  // Keep-Alive hint): a delivery never goes out on a socket the bot's server is closing (as with undici).
  const agents = { http: new http.Agent({ keepAlive: true, timeout: 4000 }), https: new https.Agent({ keepAlive: true, timeout: 4000 }) };
  return async (activity) => {
    let status: number;
    try {
      status = await postJson(new URL(options.botEndpoint()), JSON.stringify({ ...activity, serviceUrl: options.serviceUrl() }), timeoutMs, agents, options.headers);
    } catch (error) {
      const { name, code } = (error ?? {}) as { name?: string; code?: string };
      throw new DeliveryFailed(name === 'TimeoutError' ? `the bot did not answer within ${timeoutMs} ms` : `the bot is unreachable (${code ?? name ?? 'error'})`);
    }
    if (status >= 300) throw new DeliveryFailed(`the bot answered ${status}`);
  };
}

export function createBotForwarder(options: BotForwarderOptions): BotForwarder {
  const { logger } = options;
  const queues = new Map<string, Promise<void>>();

  async function deliver(activity: DirectLineActivity): Promise<void> {
    let reason: string;
    try {
      await options.deliver(activity);
      return;
    } catch (error) {
      reason = error instanceof DeliveryFailed ? error.message : `the bot failed (${(error as Error)?.name ?? 'error'})`;
    }
    logger.error({ conversationId: activity.conversation.id, activityType: activity.type, reason }, 'chat activity not delivered to the bot');
    try {
      await options.onFailure(activity, reason);
    } catch (err) {
      logger.error({ err, conversationId: activity.conversation.id }, 'bot failure handling failed');
    }
  }

  return {
    forward(activity) {
      const conversationId = activity.conversation.id;
      const previous = queues.get(conversationId) ?? Promise.resolve();
      const next = previous.then(() => deliver(activity));
      queues.set(conversationId, next);
      void next.then(() => {
        if (queues.get(conversationId) !== next) return;
        queues.delete(conversationId);
        options.onIdle?.(conversationId);
      });
    },

    async drain() {
      while (queues.size > 0) await Promise.all([...queues.values()]);
    },
  };
}
