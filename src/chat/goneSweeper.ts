/**
 * Chats whose person is gone are swept on a timer too, not only when the dashboard is read: a chat
 * waiting list lives twice the conversation's TTL after its last arrival, so a hand-off nobody took
 * and nobody read the figures of would otherwise be lost instead of counted as abandoned.
 *
 * The timer belongs to the app (started by createApp, stopped by its close) and never keeps the
 * process alive. Several instances may sweep at once: a chat is counted by whoever takes it out of
 * its waiting list (ChatTurns.sweepGone), so never twice.
 */
import type { Logger } from '../logging';

/** How often the chats of people gone are swept by default: well within a conversation's TTL. */
export const DEFAULT_GONE_CHATS_SWEEP_MS = 5 * 60 * 1000;

export interface GoneChatsSweeperDeps {
  /** One sweep of every chat queue (ChatTurns.sweepGone). */
  sweep(): Promise<unknown>;
  everyMs: number;
  logger: Logger;
}

export interface GoneChatsSweeper {
  /** No sweep starts any more; resolves once the one running, if any, is over. */
  stop(): Promise<void>;
}

export function startGoneChatsSweeper(deps: GoneChatsSweeperDeps): GoneChatsSweeper {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return; // a slow store: the next tick sweeps again
    running = deps
      .sweep()
      .then(
        () => undefined,
        (error: unknown) => deps.logger.warn({ err: error }, 'chat: chats of people gone not swept'),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, deps.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
