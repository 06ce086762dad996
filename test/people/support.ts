/**
 * A person's contacts against the real app on a real Redis: calls as Twilio places them (the call
 * harness), chats as Web Chat drives our Direct Line, the advisor API with real tokens, and a raw
 * look at every key of the test's namespace.
 */
import type { AppConfig } from '../../src/config/appConfig';
import type { Principal } from '../../src/advisors/principal';
import { SimulatedCall } from '../support/callHarness';
import { TIMES } from '../support/config';
import { advisorToken, startTestApp, testRedis, TestClock, twilioSide, type RunningTestApp } from '../support/testApp';
import { openRawRedis, type RawRedis } from '../support/rawRedis';
import { WebChatUser, texts as textsOf } from '../support/webChatUser';
import type { StoreKeys } from '../../src/storage/keys';
import { createMemoryBus } from '../../src/storage/memory-store';

export { TIMES };

export const STAFF = {
  alice44: { subject: 'alice-44', name: 'Alice', role: 'advisor', territories: ['44'] },
  chloe35: { subject: 'chloe-35', role: 'advisor', territories: ['35'] },
  coordinator44: { subject: 'dora-44', role: 'coordinator', territories: ['44', '85'] },
  admin: { subject: 'eve-national', role: 'national_admin', territories: 'all' },
} satisfies Record<string, Principal>;

export interface PeopleHarness {
  app: RunningTestApp;
  clock: TestClock;
  keys: StoreKeys;
  /** The suites' Redis behind the store's back (every master of a Cluster for a scan). */
  raw: RawRedis;
  close(): Promise<void>;
}

export async function startPeopleApp(label: string, options: { config?: AppConfig; chatTtlSeconds?: number; goneChatsSweepMs?: number } = {}): Promise<PeopleHarness> {
  const redis = await testRedis(label);
  const clock = new TestClock(TIMES.mondayMorningParis);
  const app = await startTestApp({ store: redis.store, keys: redis.keys, clock, bus: createMemoryBus(), ...options });
  const raw = await openRawRedis();
  return {
    app,
    clock,
    keys: redis.keys,
    raw,
    async close() {
      await raw.deleteKeys(await raw.keysMatching(`${redis.keys.namespace}:*`));
      await raw.close();
      await app.close();
      await redis.cleanup();
    },
  };
}

/** Menu keys to each territory's queue in opening hours: aidant → a need (logement) → postcode → yes. */
export const TO_44 = ['2', '1', '3', '44000', '1'];
export const TO_35 = ['2', '1', '3', '35000', '1'];

/** A call from `from` pressing `keys`; the ref of its ticket, read as an admin reads it. */
export async function callFrom(h: Pick<PeopleHarness, 'app'>, from: string, keys: string[], options: { hangUp?: boolean } = {}): Promise<{ call: SimulatedCall; ref: string }> {
  const call = await new SimulatedCall(twilioSide(h.app), { from }).dial();
  for (const key of keys) await call.press(key);
  const answer = await api(h, 'GET', `/api/calls/${call.callSid}/ticket`, STAFF.admin);
  expect(answer.status).toBe(200);
  if (options.hangUp ?? true) await call.hangUp();
  return { call, ref: answer.body.ref as string };
}

/**
 * A chat out of hours in `postcode`'s territory: orientation by buttons, a callback contact written,
 * then the answer to the consent question. Returns the ticket ref the person reads, and every reply.
 */
export async function chatWithCallback(
  h: PeopleHarness,
  options: { postcode: string; contact: string; consent: 'Oui' | 'Non' | null; firstWords?: string },
): Promise<{ ref: string; texts: string[]; user: WebChatUser }> {
  const user = new WebChatUser(h.app);
  const texts: string[] = [textsOf(await user.open())];
  if (options.firstWords) texts.push(textsOf(await user.write(options.firstWords)));
  for (const [title, choice] of [['Pour vous-même', '1'], ['Les démarches', '4'], ['MDPH', '1']] as const) texts.push(textsOf(await user.press(title, choice)));
  texts.push(textsOf(await user.write(options.postcode)));
  texts.push(textsOf(await user.press('Oui', '1'))); // the département read back
  texts.push(textsOf(await user.press('Oui', '1'))); // a callback, please
  const booked = textsOf(await user.write(options.contact));
  texts.push(booked);
  const ref = /numéro de dossier est :\s+(T-[0-9A-Z]{2,3}-[0-9A-Z]{6})/.exec(booked)?.[1];
  if (!ref) throw new Error(`no ticket ref in: ${booked}`);
  if (options.consent !== null) texts.push(textsOf(await user.press(options.consent, options.consent === 'Oui' ? 'lien:oui' : 'lien:non')));
  return { ref, texts, user };
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back by the test
}

export async function api(h: Pick<PeopleHarness, 'app'>, method: string, path: string, who: Principal, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${await advisorToken(who)}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${h.app.httpBase}${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/** Every key of the namespace with everything it holds (strings, lists, sorted sets, hashes, sets), as text. */
export async function everythingStored(h: PeopleHarness): Promise<string> {
  const parts: string[] = [];
  for (const key of await h.raw.keysMatching(`${h.keys.namespace}:*`)) {
    const type = await h.raw.type(key);
    let value: unknown;
    if (type === 'string') value = await h.raw.get(key);
    else if (type === 'list') value = await h.raw.lRange(key, 0, -1);
    else if (type === 'zset') value = await h.raw.zRange(key, 0, -1);
    else if (type === 'hash') value = await h.raw.hGetAll(key);
    else if (type === 'set') value = await h.raw.sMembers(key);
    else value = `<${type}>`;
    parts.push(`${key} => ${JSON.stringify(value)}`);
  }
  return parts.join('\n');
}
