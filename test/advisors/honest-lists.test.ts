/**
 * A ticket list is the whole list or an honest error: when Redis fails to give one of the tickets,
 * the API answers 503 (English JSON), never a 200 that is silently short.
 */
import { openRawRedis, type RawRedis } from '../support/rawRedis';
import { makeTicket, PEOPLE, startAdvisorApp, tokenOf, type AdvisorHarness } from './helpers';

let harness: AdvisorHarness;
/** The suites' Redis behind the store's back (on a Cluster, through the cluster client). */
let raw: RawRedis;

beforeAll(async () => {
  harness = await startAdvisorApp('honest-lists');
  raw = await openRawRedis();
});
afterAll(async () => {
  await raw.close();
  await harness.close();
});

async function listOf44() {
  const response = await fetch(`${harness.app.httpBase}/api/advisor/tickets?territory=44&limit=100`, {
    headers: { authorization: `Bearer ${await tokenOf(PEOPLE.advisor44)}` },
  });
  return { status: response.status, body: (await response.json()) as { tickets?: unknown[]; truncated?: boolean; error?: string } };
}

it('When Redis answers every read, then all 37 tickets are listed; when it fails one read, then the list is a 503, not 36 tickets', async () => {
  const tickets = [];
  for (let i = 0; i < 37; i += 1) tickets.push(await makeTicket(harness, '44'));
  const whole = await listOf44();
  expect(whole.status).toBe(200);
  expect(whole.body.tickets).toHaveLength(37);
  expect(whole.body.truncated).toBe(false);

  // One ticket's key now holds a list: Redis answers its GET with an error (WRONGTYPE), as it would
  // answer a timeout while paused.
  const key = harness.redis.keys.ticket(tickets[20]!.ref);
  await raw.del(key);
  await raw.rPush(key, 'x');
  await raw.expire(key, 60);
  const failed = await listOf44();
  expect(failed.status).toBe(503);
  expect(failed.body).toEqual({ error: 'Les dossiers ne répondent pas. Réessayez dans un instant.' });
});
