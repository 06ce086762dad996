/**
 * What the Redis store and the Redis bus share about their connections: the options, the reconnection
 * backoff, the wait for a first connection, a polite close, and the dropping of commands still
 * unwritten at their deadline.
 */
import { setMaxListeners } from 'node:events';
import type { Metrics } from '../domain/ports';
import { StoreUnavailableError } from '../domain/ports';
import type { Logger } from '../logging/logger';
import { withDeadline } from './deadline';
import type { RedisCommands, RedisHandle, RedisTarget } from './redis-target';

export interface RedisConnectionOptions {
  /** Longest wait for one command before it rejects with StoreUnavailableError. */
  commandTimeoutMs: number;
  /** Longest wait for `connect()` (and for one socket connection attempt); default max(1000, commandTimeoutMs). */
  connectTimeoutMs?: number;
  /** Cap of the reconnection backoff; default 5000 ms. */
  maxReconnectDelayMs?: number;
  /** Where connection events go; nothing is logged without it. */
  logger?: Logger;
  /** Counts failed commands (timeouts, not connected, errors); nothing is counted without it. */
  metrics?: Pick<Metrics, 'storeFailed'>;
}

const DEFAULT_MIN_CONNECT_TIMEOUT_MS = 1000;
const DEFAULT_MAX_RECONNECT_DELAY_MS = 5000;
const FIRST_RECONNECT_DELAY_MS = 100;

/** Exponential backoff from 100 ms, capped, with up to 20 % jitter so instances do not reconnect in step. */
export function reconnectDelayMs(retries: number, maxDelayMs: number): number {
  const base = Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** Math.min(retries, 20), maxDelayMs);
  return Math.round(base * (0.8 + Math.random() * 0.2));
}

/** The connect timeout and the reconnection backoff the options give (their defaults otherwise). */
export function connectionSettings(options: RedisConnectionOptions): { connectTimeoutMs: number; reconnectDelayMs: (retries: number) => number } {
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.max(DEFAULT_MIN_CONNECT_TIMEOUT_MS, options.commandTimeoutMs);
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS;
  return { connectTimeoutMs, reconnectDelayMs: (retries) => reconnectDelayMs(retries, maxReconnectDelayMs) };
}

export function targetOf(options: { url?: string; target?: RedisTarget }): RedisTarget {
  if (options.target) return options.target;
  if (options.url !== undefined) return { kind: 'standalone', url: options.url };
  throw new TypeError('A Redis store needs a url or a target');
}

/** Resolves once the handle is ready; rejects after `connectTimeoutMs` (connecting goes on). */
export async function waitUntilReady(handle: RedisHandle, connectTimeoutMs: number): Promise<void> {
  if (!(await handle.whenReady(connectTimeoutMs))) {
    throw new StoreUnavailableError(`Redis at ${handle.where} did not answer within ${connectTimeoutMs} ms`);
  }
}

/** Closes politely within the command timeout; otherwise drops the connections. */
export async function closeHandle(handle: RedisHandle, commandTimeoutMs: number): Promise<void> {
  try {
    await withDeadline(handle.close(), commandTimeoutMs, () => new Error('close timed out'));
  } catch {
    await handle.destroy();
  }
}

/**
 * Drops from node-redis' queue a command still unwritten when its deadline has passed (Redis not
 * reading, the socket backed up), as the library's per-command `timeout` option does, at a fraction
 * of its cost: commands sent within one window (a tenth of the timeout) go through one client view
 * sharing one AbortSignal, aborted once the last of them is past its deadline. An unwritten command
 * may thus stay queued up to one window longer; its caller is answered at its deadline either way.
 * Written commands are unaffected (node-redis detaches them from the signal when it writes them).
 */
export function unwrittenCommandDropper(handle: RedisHandle, commandTimeoutMs: number): () => RedisCommands {
  const windowMs = Math.max(1, Math.ceil(commandTimeoutMs / 10));
  let current: RedisCommands | null = null;
  let closesAt = 0;
  return () => {
    const now = Date.now();
    if (current === null || now >= closesAt) {
      const controller = new AbortController();
      // One listener per command of the window not yet written: no "possible leak" warning.
      setMaxListeners(0, controller.signal);
      setTimeout(() => controller.abort(), windowMs + commandTimeoutMs).unref();
      current = handle.commands(controller.signal);
      closesAt = now + windowMs;
    }
    return current;
  };
}

/**
 * Runs one command within the store's deadline (redis-store.ts): `command` names it in errors and
 * metrics; `send` gets the client to send through. Errors other than Redis replies become
 * StoreUnavailableError.
 */
export type RunCommand = <T>(command: string, send: (redis: RedisCommands) => Promise<T>) => Promise<T>;
