/**
 * A real app on a test Redis for phone journeys, started once per test file: calls placed as Twilio
 * places them (signed webhooks), their tickets read as an advisor reads them, the clock set back to
 * `at` before each test.
 */
import { SimulatedCall } from './callHarness';
import { TIMES } from './config';
import { advisorToken, TestClock, startTestApp, testRedis, twilioSide, type RunningTestApp } from './testApp';

export function useVoiceApp(name: string, at: string = TIMES.mondayMorningParis) {
  const clock = new TestClock(at);
  let redis: Awaited<ReturnType<typeof testRedis>>;
  let app: RunningTestApp;

  beforeAll(async () => {
    redis = await testRedis(name);
    app = await startTestApp({ store: redis.store, keys: redis.keys, clock });
  });
  afterAll(async () => {
    await app.close();
    await redis.cleanup();
  });
  beforeEach(() => clock.set(at));

  return {
    clock,
    /** Twilio's side of the running app (to post a webhook of one's own). */
    twilio: () => twilioSide(app),
    newCall: () => new SimulatedCall(twilioSide(app)).dial(),
    /** The call's ticket as the advisors' API gives it, or null when there is none. */
    async ticketOf(call: SimulatedCall): Promise<Record<string, unknown> | null> {
      const response = await fetch(`${app.httpBase}/api/calls/${call.callSid}/ticket`, { headers: { authorization: `Bearer ${await advisorToken()}` } });
      return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : null;
    },
  };
}
