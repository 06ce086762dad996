/**
 * The one place tests read the Redis address from. The global setup (test/support/globalSetup.ts)
 * finds or starts a Redis and writes its address to TEST_REDIS_URL_VARIABLE; a file run without it
 * falls back to REDIS_URL, then the local default.
 */
import { randomBytes } from 'node:crypto';

export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';
export const TEST_REDIS_URL_VARIABLE = 'O360_TEST_REDIS_URL';

export const TEST_REDIS_URL = process.env[TEST_REDIS_URL_VARIABLE] || process.env.REDIS_URL || DEFAULT_TEST_REDIS_URL;

/** A namespace no other test run uses, so runs can share one Redis and clean up after themselves. */
export function uniqueTestNamespace(label: string): string {
  return `o360test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
