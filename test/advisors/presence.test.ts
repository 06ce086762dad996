/**
 * Presence and capacity over HTTP, on the real app and a real Redis: an advisor sets and reads their
 * own state; a coordinator sees who is available in their territories only; a state without a
 * heartbeat becomes « offline » after its TTL, and the store key has a TTL; bad bodies are refused.
 */
import { PRESENCE_TTL_SECONDS } from '../../src/advisors/presence';
import { NOW, PEOPLE, call, startAdvisorApp, tokenOf, type AdvisorHarness } from './helpers';

let harness: AdvisorHarness;
beforeEach(async () => {
  harness = await startAdvisorApp('presence');
});
afterEach(async () => {
  await harness.close();
});

const later = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();

describe('advisor presence', () => {
  it('When an advisor has never said anything, then they are offline', async () => {
    const answer = await call(harness, 'GET', '/api/advisor/presence', await tokenOf(PEOPLE.advisor44));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ subject: 'alice-44', state: 'offline' });
  });

  it('When an advisor says they are available for 2 chats, then they read it back and it holds for the TTL, with a TTL on the store key', async () => {
    const token = await tokenOf(PEOPLE.advisor44);
    const put = await call(harness, 'PUT', '/api/advisor/presence', token, { state: 'available', capacity: 2 });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ subject: 'alice-44', name: 'Alice', role: 'advisor', state: 'available', capacity: 2, until: later(PRESENCE_TTL_SECONDS), load: 0, room: 2, maxCapacity: 10 });
    expect((await call(harness, 'GET', '/api/advisor/presence', token)).body).toMatchObject({ state: 'available', capacity: 2 });

    const ttl = await harness.redis.store.ttl(harness.redis.keys.advisorPresence('44'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(PRESENCE_TTL_SECONDS);

    // No heartbeat: once the TTL has passed, offline again (for herself and for the coordinator).
    harness.clock.set(later(PRESENCE_TTL_SECONDS + 1));
    expect((await call(harness, 'GET', '/api/advisor/presence', token)).body).toMatchObject({ state: 'offline' });
    const seen = await call(harness, 'GET', '/api/advisor/presence?territory=44', await tokenOf(PEOPLE.coordinator44));
    expect(seen.body).toEqual({ territory: '44', available: 0, withRoom: 0, advisors: [] });
  });

  it('When advisors of 44 and 35 set their presence, then the coordinator of 44 sees only those of 44, available first, and is refused 35', async () => {
    await call(harness, 'PUT', '/api/advisor/presence', await tokenOf(PEOPLE.otherAdvisor44), { state: 'paused', capacity: 1 });
    await call(harness, 'PUT', '/api/advisor/presence', await tokenOf(PEOPLE.advisor44), { state: 'available', capacity: 3 });
    await call(harness, 'PUT', '/api/advisor/presence', await tokenOf(PEOPLE.advisor35), { state: 'available', capacity: 1 });
    const coordinator = await tokenOf(PEOPLE.coordinator44);

    const in44 = await call(harness, 'GET', '/api/advisor/presence?territory=44', coordinator);
    expect(in44.status).toBe(200);
    expect(in44.body.available).toBe(1);
    expect(in44.body.advisors.map((a: { subject: string; state: string }) => [a.subject, a.state])).toEqual([
      ['alice-44', 'available'],
      ['bruno-44', 'paused'],
    ]);
    expect(JSON.stringify(in44.body)).not.toContain('chloe-35');

    expect((await call(harness, 'GET', '/api/advisor/presence?territory=35', coordinator)).status).toBe(403);
    const admin = await call(harness, 'GET', '/api/advisor/presence?territory=35', await tokenOf(PEOPLE.admin));
    expect(admin.body.advisors.map((a: { subject: string }) => a.subject)).toEqual(['chloe-35']);
  });

  it('When an advisor asks who is available in their own territory, then it is refused: that is for coordinators', async () => {
    const answer = await call(harness, 'GET', '/api/advisor/presence?territory=44', await tokenOf(PEOPLE.advisor44));
    expect(answer.status).toBe(403);
  });

  it.each([
    ['an unknown state', { state: 'busy', capacity: 1 }],
    ['no capacity', { state: 'available' }],
    ['a capacity of 0', { state: 'available', capacity: 0 }],
    ['a capacity of 11', { state: 'available', capacity: 11 }],
    ['a fractional capacity', { state: 'available', capacity: 1.5 }],
    ['an extra field', { state: 'available', capacity: 1, subject: 'someone-else' }],
  ])('When the body has %s, then it is refused with 400 and nothing changes', async (_what, body) => {
    const token = await tokenOf(PEOPLE.advisor44);
    const answer = await call(harness, 'PUT', '/api/advisor/presence', token, body);
    expect(answer.status).toBe(400);
    expect(typeof answer.body.error).toBe('string');
    expect((await call(harness, 'GET', '/api/advisor/presence', token)).body).toMatchObject({ state: 'offline' });
  });

  it('When the territory asked for is not a département code, then 400; without a token, 401', async () => {
    expect((await call(harness, 'GET', '/api/advisor/presence?territory=4%204', await tokenOf(PEOPLE.coordinator44))).status).toBe(400);
    expect((await call(harness, 'GET', '/api/advisor/presence', null)).status).toBe(401);
    expect((await call(harness, 'PUT', '/api/advisor/presence', null, { state: 'available', capacity: 1 })).status).toBe(401);
  });
});

describe('the vocabulary', () => {
  it('When the console asks for the vocabulary, then every need, status, level and kind of danger has a French label', async () => {
    const answer = await call(harness, 'GET', '/api/vocabulary', null);
    expect(answer.status).toBe(200);
    expect(answer.body.needs).toHaveLength(14);
    expect(answer.body.needs).toContainEqual({ id: 'sans_solution', label: '« Je n’ai plus de solution »' });
    expect(answer.body.statuses).toContainEqual({ id: 'n2_on_agenda', label: 'N2 : inscrit au staff territorial' });
    expect(answer.body.levels.map((l: { id: string }) => l.id)).toEqual(['1', '2', '3']);
    for (const list of Object.values(answer.body) as Array<Array<{ id: string; label: string }>>) {
      // A French label, never a raw code such as needGroup or n2_on_agenda (« suicide » is both).
      for (const entry of list) expect({ id: entry.id, label: entry.label }).toEqual({ id: entry.id, label: expect.not.stringMatching(/_|^[a-z]+[A-Z]|^$/) });
    }
  });
});

describe('the API document', () => {
  it('When the OpenAPI document is read, then it documents presence (get, put) and the vocabulary', async () => {
    const doc = (await call(harness, 'GET', '/api/openapi.json', null)).body as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(doc.paths['/api/advisor/presence'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(doc.paths['/api/vocabulary']).toHaveProperty('get');
    expect(doc.components.schemas).toHaveProperty('Presence');
    expect(doc.components.schemas).toHaveProperty('TeamPresence');
  });
});
