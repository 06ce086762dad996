/**
 * Delivers the user's activities to the bot's endpoint (POST, JSON), as Direct Line does.
 *
 * Deliveries of one conversation are made one after the other, in order (a bot turn finishes before
 * the next starts); different conversations do not wait for each other. A delivery that fails
 * (network, timeout, status >= 300) is reported to `onFailure`, never thrown.
 */
import type { Logger } from '../logging';
import type { DirectLineActivity } from './activity';

export interface BotForwarderOptions {
  /** Where the bot listens (the app's own /api/messages), read at each delivery. */
  botEndpoint(): string;
  /** The connector base URL the bot replies to (the activity's `serviceUrl`), read at each delivery. */
  serviceUrl(): string;
  timeoutMs: number;
  logger: Logger;
  onFailure(activity: DirectLineActivity, reason: string): Promise<void> | void;
}

export interface BotForwarder {
  /** Queues one delivery; returns at once. */
  forward(activity: DirectLineActivity): void;
  /** Resolves when every queued delivery has ended. */
  drain(): Promise<void>;
}

export function createBotForwarder(options: BotForwarderOptions): BotForwarder {
  const { logger, timeoutMs } = options;
  const queues = new Map<string, Promise<void>>();

  async function deliver(activity: DirectLineActivity): Promise<void> {
    let reason: string | null = null;
    try {
      const response = await fetch(options.botEndpoint(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, serviceUrl: options.serviceUrl() }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 300) reason = `the bot answered ${response.status}`;
    } catch (error) {
      const name = (error as Error)?.name;
      reason = name === 'TimeoutError' ? `the bot did not answer within ${timeoutMs} ms` : `the bot is unreachable (${name ?? 'error'})`;
    }
    if (reason === null) return;
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
        if (queues.get(conversationId) === next) queues.delete(conversationId);
      });
    },

    async drain() {
      while (queues.size > 0) await Promise.all([...queues.values()]);
    },
  };
}
