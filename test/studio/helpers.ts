/** Processes of the service with the studio's live configuration on one real Redis (store and pub/sub). */
import type { Principal } from '../../src/advisors/principal';
import { silentLogger } from '../../src/logging';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';
import { openTestLiveConfig } from '../support/liveConfig';
import { advisorToken, startTestApp, type RunningTestApp, type TestClock } from '../support/testApp';

export interface StudioProcess extends RunningTestApp {
  readonly configVersion: () => Promise<string>;
}

/** One process: its own bus connection and live configuration, the shared store. */
export async function startStudioProcess(redis: { store: RedisStore; keys: StoreKeys }, clock: TestClock): Promise<StudioProcess> {
  // A safety-net period of 5 s: switching within a second proves pub/sub.
  const { live, bus, close } = await openTestLiveConfig(redis, 5000);
  const running = await startTestApp({ store: redis.store, keys: redis.keys, clock, live, bus, logger: silentLogger() });
  const configVersion = async () => {
    const response = await fetch(`${running.httpBase}/readyz`);
    return ((await response.json()) as { configVersion: string }).configVersion;
  };
  // Two "processes" of one test share an event loop: one's compile may make the other's first read
  // of the store time out. The periodic check then imports / switches.
  await within(25_000, async () => /^\d+$/.test(await configVersion()));
  return {
    ...running,
    configVersion,
    async close() {
      await running.close();
      await close();
    },
  };
}

/** Polls until `check` holds, at most `ms` (no fixed sleep); returns how long it took. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not true within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

export const NATIONAL_ADMIN: Principal = { subject: 'admin-one', role: 'national_admin', territories: 'all' };
export const SECOND_ADMIN: Principal = { subject: 'admin-two', role: 'national_admin', territories: 'all' };
export const COORDINATOR_44: Principal = { subject: 'coord-44', role: 'coordinator', territories: ['44'] };
export const ADVISOR_44: Principal = { subject: 'advisor-44', role: 'advisor', territories: ['44'] };

/** The studio's API as one principal. */
export function studioClient(process: RunningTestApp, principal: Principal) {
  const call = async (method: string, path: string, body?: unknown) => {
    const token = await advisorToken(principal);
    const response = await fetch(`${process.httpBase}/api/studio${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: (type.includes('json') ? JSON.parse(text) : text) as any };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
    async newDraft(): Promise<string> {
      const created = await call('POST', '/drafts', {});
      if (created.status !== 201) throw new Error(`draft not created: ${created.status} ${JSON.stringify(created.body)}`);
      return created.body.id as string;
    },
  };
}
