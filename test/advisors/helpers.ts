/** The real app on a real Redis, tickets of chosen territories, and advisors' tokens. */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../../src/advisors/principal';
import { sealText } from '../../src/security/seal';
import { ticketRefFor } from '../../src/tickets/ref';
import type { Ticket } from '../../src/tickets/ticket';
import { openTestLiveConfig } from '../support/liveConfig';
import { TEST_DATA_KEY, TestClock, advisorToken, startTestApp, testRedis, type RunningTestApp } from '../support/testApp';

export const NOW = '2026-11-23T09:00:00.000Z';

export interface AdvisorHarness {
  app: RunningTestApp;
  clock: TestClock;
  redis: Awaited<ReturnType<typeof testRedis>>;
  close(): Promise<void>;
}

/** `live`: the studio's live configuration on the store (the repository's files are version 1), for what writes versions (the directory). */
export async function startAdvisorApp(label: string, options: { live?: boolean } = {}): Promise<AdvisorHarness> {
  const redis = await testRedis(label);
  const clock = new TestClock(NOW);
  const live = options.live ? await openTestLiveConfig(redis) : undefined;
  const app = await startTestApp({ store: redis.store, keys: redis.keys, clock, ...(live ? { live: live.live, bus: live.bus } : {}) });
  return {
    app,
    clock,
    redis,
    async close() {
      await app.close();
      await live?.close();
      await redis.cleanup();
    },
  };
}

export const PEOPLE = {
  advisor44: { subject: 'alice-44', name: 'Alice', role: 'advisor', territories: ['44'] },
  otherAdvisor44: { subject: 'bruno-44', role: 'advisor', territories: ['44'] },
  advisor35: { subject: 'chloe-35', role: 'advisor', territories: ['35'] },
  coordinator44: { subject: 'dora-44', role: 'coordinator', territories: ['44', '85'] },
  admin: { subject: 'eve-national', role: 'national_admin', territories: 'all' },
} satisfies Record<string, Principal>;

export const tokenOf = (principal: Principal) => advisorToken(principal);

/** A ticket of the département (null: national, XX), created through the app's own ticket store. */
export async function makeTicket(
  harness: AdvisorHarness,
  departement: string | null,
  options: { callback?: string; priority?: 'normale' | 'prioritaire'; channel?: 'voice' | 'chat' } = {},
): Promise<Ticket> {
  const conversationId = `CA${randomBytes(16).toString('hex')}`;
  return harness.app.app.tickets.createOrUpdate({
    ref: ticketRefFor(departement, conversationId),
    channel: options.channel ?? 'voice',
    kind: options.callback ? 'callback' : 'routed',
    profile: 'aidant',
    need: 'logement',
    departement,
    priority: options.priority ?? 'normale',
    choices: [{ step: 'profile', value: 'aidant', via: 'dtmf' }],
    conversationId,
    ...(options.callback
      ? {
          callback: {
            contact: 'phone' as const,
            numberSealed: sealText(TEST_DATA_KEY, options.callback),
            lastDigits: options.callback.slice(-2),
            consent: true as const,
            requestedAt: NOW,
          },
        }
      : {}),
  });
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back by the test
}

export async function call(harness: AdvisorHarness, method: string, path: string, token: string | null, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${harness.app.httpBase}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}
