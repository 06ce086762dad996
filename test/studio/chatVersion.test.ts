/**
 * A chat finishes on the configuration version it started on (issue 11): its sentences and FAQ
 * answers stay those of its version after a publish, a new chat gets the new ones, and the crisis
 * switch (an emergency) still reaches it. A real process on a real Redis, the person on Direct Line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../../src/config/env';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';
import { TestClock, testRedis } from '../support/testApp';
import { WebChatUser, type Activity } from '../support/webChatUser';
import { NATIONAL_ADMIN, startStudioProcess, studioClient, within, type StudioProcess } from './helpers';

/** Monday 23 November 2026, 10:00 in Paris: open. */
const MONDAY_1000_PARIS = '2026-11-23T09:00:00.000Z';
const OLD_THANKS = 'Avec plaisir.';
const NEW_THANKS = 'Avec grand plaisir, vraiment.';
const OLD_ANSWER = "L'appel est gratuit. Vous parlez à un conseiller de votre département.";
const NEW_ANSWER = "L'appel ne coûte rien, depuis un fixe ou un mobile.";
const FAQ_QUESTION = "C'est quoi ce numéro 0 800 360 360 ?";
const CRISIS = 'Une situation exceptionnelle est en cours.';

jest.setTimeout(120_000);

let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
const clock = new TestClock(MONDAY_1000_PARIS);
let service: StudioProcess;

beforeAll(async () => {
  redis = await testRedis('studio-chat-version');
  service = await startStudioProcess(redis, clock);
}, 90_000);
afterAll(async () => {
  await service?.close();
  await redis.cleanup();
});

function texts(activities: Activity[]): string {
  return activities.map((activity) => activity.text ?? '').join('\n');
}

/** A version whose chat says another « thanks » and whose FAQ gives another answer about the number. */
async function publishNewWording(): Promise<string> {
  const admin = studioClient(service, NATIONAL_ADMIN);
  const draft = await admin.newDraft();
  const read = (path: string) => readFileSync(join(findRepoRoot(), path), 'utf8');
  const chat = read('prompts/fr/chat.yaml');
  const faq = read('content/fr/faq.yaml');
  expect(chat).toContain(`thanks: "${OLD_THANKS}"`);
  expect(faq).toContain(OLD_ANSWER);
  for (const [path, text] of [
    ['prompts/fr/chat.yaml', chat.replace(`thanks: "${OLD_THANKS}"`, `thanks: "${NEW_THANKS}"`)],
    ['content/fr/faq.yaml', faq.replace(OLD_ANSWER, NEW_ANSWER)],
  ] as const) {
    const imported = await admin.put(`/drafts/${draft}/files/${path}`, { text });
    expect(imported.status).toBe(200);
  }
  const published = await admin.post(`/drafts/${draft}/publish`, { comment: 'Nouvelles phrases du chat' });
  expect(published.status).toBe(201);
  return String(published.body.number);
}

describe('a chat in progress and a publish', () => {
  it('When a version changing a chat sentence and a FAQ answer is published, then the open chat keeps the old ones, a new chat gets the new ones, and the crisis switch still reaches the open chat', async () => {
    const before = await service.configVersion();
    const open = new WebChatUser(service);
    await open.open();
    expect(texts(await open.write('Merci'))).toContain(OLD_THANKS);

    const number = await publishNewWording();
    await within(1000, async () => (await service.configVersion()) === number);
    expect(number).not.toBe(before);

    // The open chat: its own version's sentence and answer.
    const thanked = texts(await open.write('Merci'));
    expect(thanked).toContain(OLD_THANKS);
    expect(thanked).not.toContain(NEW_THANKS);
    const answered = texts(await open.write(FAQ_QUESTION));
    expect(answered).toContain(OLD_ANSWER);
    expect(answered).not.toContain(NEW_ANSWER);

    // A new chat: the version served now.
    const fresh = new WebChatUser(service);
    await fresh.open();
    const freshThanked = texts(await fresh.write('Merci'));
    expect(freshThanked).toContain(NEW_THANKS);
    expect(freshThanked).not.toContain(OLD_THANKS);
    const freshAnswer = texts(await fresh.write(FAQ_QUESTION));
    expect(freshAnswer).toContain(NEW_ANSWER);
    expect(freshAnswer).not.toContain(OLD_ANSWER);

    // An emergency reaches the open chat, still on its old version: the crisis message at the hand-off.
    const admin = studioClient(service, NATIONAL_ADMIN);
    const on = await admin.post('/crisis', { enabled: true, message: CRISIS, reason: 'Panne régionale', confirm: true });
    expect(on.status).toBe(201);
    await within(1000, async () => (await service.configVersion()) === String(on.body.number));
    const handedOver = await open.write('Je veux parler à un conseiller');
    expect(texts(handedOver)).toContain(CRISIS);
    expect(handedOver.some((activity) => activity.type === 'event' && activity.name === 'handoff.initiate')).toBe(true);
  });
});
