/** Shared by the tests that need the real Redis (REDIS_URL, else the local default). */
import { randomBytes } from 'node:crypto';

export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A namespace no other test run uses, so runs can share one Redis and clean up after themselves. */
export function uniqueTestNamespace(label: string): string {
  return `o360test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
