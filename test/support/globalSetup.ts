/**
 * Jest global setup: makes `npm test` work on a fresh Debian machine by itself.
 * - Redis: REDIS_URL (or 127.0.0.1:6379) when a Redis answers there, else a redis-server of our own
 *   (installed with apt-get when missing and we are root), stopped by globalTeardown.ts. The address
 *   reaches every test through TEST_REDIS_URL_VARIABLE, read in test/storage/redis-test-env.ts only.
 * - Chromium, when the browser tests are part of the run: found, or installed with apt-get when we
 *   are root; otherwise the browser tests fail with how to install it (test/support/browser.ts).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '@jest/types';
import { DEFAULT_TEST_REDIS_URL, TEST_REDIS_URL_VARIABLE } from '../storage/redis-test-env';
import { provideChromium } from './chromium';
import { provideRedis, type ProvidedRedis } from './redisServer';

declare global {
  // Shared with globalTeardown.ts (same process).
  var __o360TestRedis: ProvidedRedis | undefined;
}

/** Our own redis-server takes the port of a local REDIS_URL that does not answer; else a free one. */
function ownPortFor(requested: string | undefined): number | undefined {
  if (!requested) return undefined;
  const url = new URL(requested);
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return local && url.port ? Number(url.port) : undefined;
}

/** Whether a browser test may run: no path pattern, or one that matches a file of test/browser. */
function browserTestsSelected(globalConfig: Config.GlobalConfig): boolean {
  const pattern = globalConfig.testPathPattern;
  if (!pattern) return true;
  const dir = join(globalConfig.rootDir, 'test', 'browser');
  try {
    const regex = new RegExp(pattern, 'i');
    return readdirSync(dir).some((file) => regex.test(join(dir, file)));
  } catch {
    return true;
  }
}

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const requested = process.env.REDIS_URL?.trim() || undefined;
  const redis = await provideRedis({ url: requested ?? DEFAULT_TEST_REDIS_URL, ownPort: ownPortFor(requested) });
  globalThis.__o360TestRedis = redis;
  process.env[TEST_REDIS_URL_VARIABLE] = redis.url;
  const lines = [`Redis: ${redis.started ? 'started for this run at ' : ''}${redis.url}`];

  if (browserTestsSelected(globalConfig)) {
    const chromium = await provideChromium();
    lines.push(`Chromium: ${chromium ?? 'none (the browser tests will fail and say how to install it)'}`);
  }
  process.stderr.write(`\ntest setup: ${lines.join('; ')}\n`);
}
