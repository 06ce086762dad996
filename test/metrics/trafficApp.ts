/**
 * The app of a /metrics test played with real traffic: started on the suites' Redis with a fresh
 * metrics registry and a fixed Monday morning, closed after the file's tests; `scrape()` reads
 * /metrics as Prometheus does (the token) and parses it.
 */
import { createMetrics } from '../../src/metrics';
import { TIMES } from '../support/config';
import { startTestApp, TEST_METRICS_TOKEN, TestClock, testRedis, type RunningTestApp } from '../support/testApp';
import { parseExposition, type Sample } from './exposition';

export interface TrafficApp {
  /** The running app (after the file's beforeAll). */
  readonly app: RunningTestApp;
  scrape(): Promise<Sample[]>;
}

/** Registers the file's beforeAll / afterAll; call at the top level of a test file. */
export function appForTraffic(label: string): TrafficApp {
  let redis: Awaited<ReturnType<typeof testRedis>>;
  let running: RunningTestApp | undefined;
  beforeAll(async () => {
    redis = await testRedis(label);
    running = await startTestApp({ store: redis.store, keys: redis.keys, clock: new TestClock(TIMES.mondayMorningParis), metrics: createMetrics() });
  });
  afterAll(async () => {
    await running?.close();
    await redis?.cleanup();
  });
  return {
    get app(): RunningTestApp {
      if (!running) throw new Error('the app starts in beforeAll');
      return running;
    },
    async scrape(): Promise<Sample[]> {
      const response = await fetch(`${this.app.httpBase}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      return parseExposition(await response.text());
    },
  };
}
