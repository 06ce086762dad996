/**
 * The studio's live switch, played as Twilio plays calls against two processes on one real Redis:
 * publish, a call in progress, roll back, the crisis switch and a territory's exceptional closure.
 */
import { SimulatedCall } from '../support/callHarness';
import { TestClock, testRedis, twilioSide } from '../support/testApp';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';
import { NATIONAL_ADMIN, startStudioProcess, studioClient, within, type StudioProcess } from './helpers';

/** Monday 23 November 2026, 08:45 in Paris: the shipped 44 opens at 09:00. */
const MONDAY_0845_PARIS = '2026-11-23T07:45:00.000Z';
/** Monday 23 November 2026, 10:00 in Paris: open. */
const MONDAY_1000_PARIS = '2026-11-23T09:00:00.000Z';

// Calls and publishes on a shared machine: a test takes seconds, never a fixed sleep.
jest.setTimeout(120_000);

let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
const clock = new TestClock(MONDAY_0845_PARIS);
let one: StudioProcess;
let two: StudioProcess;

beforeAll(async () => {
  redis = await testRedis('studio-publish');
  // Started together: the repository's files are imported once, as version 1.
  [one, two] = await Promise.all([startStudioProcess(redis, clock), startStudioProcess(redis, clock)]);
}, 90_000);
afterAll(async () => {
  await Promise.all([one?.close(), two?.close()]);
  await redis.cleanup();
});
beforeEach(() => clock.set(MONDAY_0845_PARIS));

/** Aidant, logement, 44000, confirmed: where the call goes (its webhooks alternate between the processes). */
async function callFrom44(): Promise<SimulatedCall> {
  const call = await new SimulatedCall(twilioSide(one, two)).dial();
  for (const key of ['2', '1', '3', '44000', '1']) await call.press(key);
  return call;
}

async function publishMondayFrom0830(): Promise<string> {
  const admin = studioClient(one, NATIONAL_ADMIN);
  const draft = await admin.newDraft();
  const edited = await admin.put(`/drafts/${draft}/territories/44`, { hours: { mon: ['08:30-18:00'] } });
  expect(edited.body.diff).toEqual(['44 : lundi 09:00–18:00 → 08:30–18:00']);
  const published = await admin.post(`/drafts/${draft}/publish`, { comment: 'Ouverture plus tôt le lundi' });
  expect(published.status).toBe(201);
  return String(published.body.number);
}

describe('versions in the store', () => {
  it('When two processes start together on an empty store, then the repository files are version 1, imported once, and both serve it', async () => {
    const versions = await studioClient(one, NATIONAL_ADMIN).get('/versions');
    expect(versions.body.versions.filter((v: { kind: string }) => v.kind === 'import')).toHaveLength(1);
    expect(versions.body.versions.at(-1)).toMatchObject({ number: 1, kind: 'import', author: { subject: 'system:import' } });
    expect(await one.configVersion()).toBe('1');
    expect(await two.configVersion()).toBe('1');
  });
});

describe('publish, a call in progress, roll back', () => {
  it('When a draft opening 44 at 08:30 is published on one process, then within a second both serve it and the next call at 08:45 reaches cercle-44; a call in progress keeps its version; roll back restores the old hours', async () => {
    const before = await callFrom44();
    expect(before.end()).not.toMatchObject({ kind: 'queue' });
    expect(before.spoken()).toContain('ne répondent pas en ce moment');

    // A call that started on the old version, still in the menus when the new one is published.
    const inProgress = await new SimulatedCall(twilioSide(one, two)).dial();
    await inProgress.press('2');

    const number = await publishMondayFrom0830();
    expect(await one.configVersion()).toBe(number);
    await within(1000, async () => (await two.configVersion()) === number);

    const after = await callFrom44();
    expect(after.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });

    for (const key of ['1', '3', '44000', '1']) await inProgress.press(key);
    expect(inProgress.spoken()).toContain('ne répondent pas en ce moment');

    const admin = studioClient(two, NATIONAL_ADMIN);
    const rolledBack = await admin.post('/rollback', { to: Number(number) - 1, comment: 'erreur', confirm: true });
    expect(rolledBack.status).toBe(201);
    expect(rolledBack.body).toMatchObject({ kind: 'rollback', diff: ['44 : lundi 08:30–18:00 → 09:00–18:00'] });
    await within(1000, async () => (await one.configVersion()) === String(rolledBack.body.number));
    const afterRollback = await callFrom44();
    expect(afterRollback.end()).not.toMatchObject({ kind: 'queue' });
  });

  it('When a roll back is sent without its confirmation, then it is refused and nothing is published', async () => {
    const served = await one.configVersion();
    const refused = await studioClient(one, NATIONAL_ADMIN).post('/rollback', { to: 1 });
    expect(refused.status).toBe(400);
    expect(await one.configVersion()).toBe(served);
  });
});

describe('emergencies without a draft', () => {
  it('When the crisis switch is turned on from the API, then the next webhook on the other process goes to the crisis target, even for a call already in the menus; off again, calls go to 44', async () => {
    clock.set(MONDAY_1000_PARIS);
    const admin = studioClient(one, NATIONAL_ADMIN);
    const early = await new SimulatedCall(twilioSide(two)).dial();
    await early.press('2');

    const on = await admin.post('/crisis', { enabled: true, message: 'Une situation exceptionnelle est en cours.', reason: 'Panne régionale', confirm: true });
    expect(on.status).toBe(201);
    expect(on.body.diff).toContain('Bascule de crise : désactivée → activée');
    await within(1000, async () => (await two.configVersion()) === String(on.body.number));

    const call = await new SimulatedCall(twilioSide(two)).dial();
    await call.press('0');
    expect(call.spoken()).toContain('Une situation exceptionnelle est en cours.');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });
    for (const key of ['1', '3', '44000', '1']) await early.press(key);
    expect(early.spoken()).toContain('Une situation exceptionnelle est en cours.');

    const off = await admin.post('/crisis', { enabled: false, reason: 'Fin de la panne', confirm: true });
    expect(off.status).toBe(201);
    await within(1000, async () => (await two.configVersion()) === String(off.body.number));
    expect((await callFrom44()).end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });

    const day = clock.now().toISOString().slice(0, 10);
    const audit = (await redis.store.listRange(redis.keys.auditOfDay(day), 0, -1)).map((line) => JSON.parse(line) as { action: string; detail?: Record<string, unknown> });
    expect(audit.filter((entry) => entry.action === 'studio.crisis_switch').map((entry) => entry.detail)).toEqual(
      expect.arrayContaining([expect.objectContaining({ enabled: true, reason: 'Panne régionale' }), expect.objectContaining({ enabled: false, reason: 'Fin de la panne' })]),
    );
  });

  it('When a territory is closed exceptionally, then its callers hear the message and are not put through; lifted, they are', async () => {
    clock.set(MONDAY_1000_PARIS);
    const admin = studioClient(two, NATIONAL_ADMIN);
    const closed = await admin.post('/territories/44/closure', { closed: true, message: 'L’équipe est en formation aujourd’hui.', reason: 'Formation', confirm: true });
    expect(closed.status).toBe(201);
    await within(1000, async () => (await one.configVersion()) === String(closed.body.number));
    const call = await callFrom44();
    expect(call.spoken()).toContain('L’équipe est en formation aujourd’hui.');
    expect(call.end()).not.toMatchObject({ kind: 'queue', name: 'cercle-44' });

    const lifted = await admin.post('/territories/44/closure', { closed: false, reason: 'Formation finie', confirm: true });
    expect(lifted.body.diff).toEqual(['44 : fermeture exceptionnelle levée']);
    await within(1000, async () => (await one.configVersion()) === String(lifted.body.number));
    expect((await callFrom44()).end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
  });
});
