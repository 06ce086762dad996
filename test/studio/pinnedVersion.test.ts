/**
 * Every part of a version belongs to the calls and chats that started on it (issue 11): the postcode
 * overrides, the wait music and the advisor's whisper, the chat's apology. A call or a chat started
 * before a publish keeps its version's; a new one gets the version published. One process on a real
 * Redis; calls played as Twilio plays them (signed webhooks), the chat on our Direct Line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStoredChat, serialiseChat } from '../../src/chat/storedChat';
import { findRepoRoot } from '../../src/config/env';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';
import { SimulatedCall, postSigned } from '../support/callHarness';
import { TestClock, testRedis, twilioSide } from '../support/testApp';
import { find, parseTwiml, spokenText } from '../support/twiml';
import { texts, WebChatUser } from '../support/webChatUser';
import { NATIONAL_ADMIN, startStudioProcess, studioClient, within, type StudioProcess } from './helpers';

/** Monday 23 November 2026, 10:00 in Paris: 44 is open. */
const MONDAY_1000_PARIS = '2026-11-23T09:00:00.000Z';
const ADVISOR_LEG = { CallSid: 'CAffffffffffffffffffffffffffffffff', From: '+33240000000', To: '+33800360360' };

jest.setTimeout(120_000);

let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
const clock = new TestClock(MONDAY_1000_PARIS);
let service: StudioProcess;

beforeAll(async () => {
  redis = await testRedis('studio-pinned-version');
  service = await startStudioProcess(redis, clock);
}, 90_000);
afterAll(async () => {
  await service?.close();
  await redis.cleanup();
});
beforeEach(() => clock.set(MONDAY_1000_PARIS));

const shipped = (path: string) => readFileSync(join(findRepoRoot(), path), 'utf8');

/** Replaces one shipped line, and checks it was there. */
function replaced(path: string, from: string, to: string): string {
  const text = shipped(path);
  expect(text).toContain(from);
  return text.replace(from, to);
}

/** Publishes a draft made by `edit`; returns once the process serves it. */
async function publish(edit: (draft: string) => Promise<void>): Promise<void> {
  const admin = studioClient(service, NATIONAL_ADMIN);
  const draft = await admin.newDraft();
  await edit(draft);
  const published = await admin.post(`/drafts/${draft}/publish`, { comment: 'Essai' });
  expect(published.status).toBe(201);
  await within(1000, async () => (await service.configVersion()) === String(published.body.number));
}

async function importFile(draft: string, path: string, text: string): Promise<void> {
  const imported = await studioClient(service, NATIONAL_ADMIN).put(`/drafts/${draft}/files/${path}`, { text });
  expect(imported.status).toBe(200);
}

describe('a call keeps its version', () => {
  it('When a version sending 44000 to Ille-et-Vilaine is published, then a new call giving 44000 hears Ille-et-Vilaine while a call started before still hears Loire-Atlantique', async () => {
    const before = await new SimulatedCall(twilioSide(service)).dial();
    await before.press('2');

    await publish(async (draft) => {
      const edited = await studioClient(service, NATIONAL_ADMIN).put(`/drafts/${draft}/national`, {
        postcodeOverrides: { '97133': '971', '97150': '971', '44000': '35' },
      });
      expect(edited.status).toBe(200);
    });

    for (const key of ['1', '3', '44000']) await before.press(key);
    expect(before.spoken()).toContain('Votre département est le 44 : Loire-Atlantique.');

    const after = await new SimulatedCall(twilioSide(service)).dial();
    for (const key of ['2', '1', '3', '44000']) await after.press(key);
    expect(after.spoken()).toContain('Votre département est le 35 : Ille-et-Vilaine.');
  });

  it('When a version changing the wait sentence and the whisper is published, then the caller queued before hears the old wait sentence and their advisor the old whisper; the caller queued after, the new ones', async () => {
    const OLD_WAIT = 'Merci de patienter. Ne raccrochez pas.';
    const NEW_WAIT = 'Merci d’attendre encore un peu. Ne raccrochez pas.';
    const OLD_INTRO = 'Appel du numéro 360.';
    const NEW_INTRO = 'Appel du numéro national 360.';
    const side = twilioSide(service);
    const queued = async (postcode: string) => {
      const call = await new SimulatedCall(side).dial();
      for (const key of ['2', '1', '3', postcode, '1']) await call.press(key);
      expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
      return call;
    };
    const first = await queued('44300');

    await publish((draft) =>
      importFile(
        draft,
        'prompts/fr/voice.yaml',
        replaced('prompts/fr/voice.yaml', `pleaseWait: "${OLD_WAIT}"`, `pleaseWait: "${NEW_WAIT}"`).replace(`intro: "${OLD_INTRO}"`, `intro: "${NEW_INTRO}"`),
      ),
    );
    clock.set('2026-11-23T09:01:00.000Z');
    const second = await queued('44300');

    const waitOf = async (call: SimulatedCall) => spokenText(await call.waitMusic({ QueuePosition: 2, QueueTime: 10, AvgQueueTime: 60 }));
    expect(await waitOf(first)).toContain(OLD_WAIT);
    expect(await waitOf(first)).not.toContain(NEW_WAIT);
    expect(await waitOf(second)).toContain(NEW_WAIT);

    // The advisors dequeue: the first hears the caller who waited longest, on that caller's version.
    const dequeue = 'https://orientation360.example.org/voice/advisor/dequeue?queue=cercle-44';
    const firstLeg = parseTwiml((await postSigned(side, dequeue, ADVISOR_LEG)).body);
    expect(spokenText(firstLeg)).toMatch(new RegExp(`^${OLD_INTRO.replace(/\./g, '\\.')}`));
    const bridging = await postSigned(side, find(firstLeg, 'Queue')!.attrs.url!, { CallSid: first.callSid, QueueSid: 'QU0', DequeingCallSid: ADVISOR_LEG.CallSid, QueueTime: '60' });
    expect(bridging.status).toBe(200);
    const secondLeg = parseTwiml((await postSigned(side, dequeue, { ...ADVISOR_LEG, CallSid: 'CAeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' })).body);
    expect(spokenText(secondLeg)).toMatch(new RegExp(`^${NEW_INTRO.replace(/\./g, '\\.')}`));
  });

  it('When a version renaming the MDPH of 35 in the directory is published, then the advisor of the caller queued before hears the old name in the whisper; the advisor of the caller queued after, the new one', async () => {
    const OLD_NAME = "MDPH de l'Ille-et-Vilaine";
    const NEW_NAME = 'Maison départementale des personnes handicapées d’Ille-et-Vilaine';
    const side = twilioSide(service);
    const queued = async () => {
      const call = await new SimulatedCall(side).dial();
      for (const key of ['2', '1', '3', '35000', '1']) await call.press(key);
      expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-35' });
      return call;
    };
    const first = await queued();

    await publish((draft) => importFile(draft, 'config/directory.yaml', replaced('config/directory.yaml', `name: "${OLD_NAME}"`, `name: "${NEW_NAME}"`)));
    clock.set('2026-11-23T09:01:00.000Z');
    await queued();

    // The first advisor dequeues the caller who waited longest (queued before), the second the other.
    const dequeue = 'https://orientation360.example.org/voice/advisor/dequeue?queue=cercle-35';
    const firstLeg = spokenText(parseTwiml((await postSigned(side, dequeue, ADVISOR_LEG)).body));
    expect(firstLeg).toContain(`Sa maison du handicap : ${OLD_NAME}.`);
    expect(firstLeg).not.toContain(NEW_NAME);
    const bridging = await postSigned(side, 'https://orientation360.example.org/voice/queue/bridging', { CallSid: first.callSid, QueueSid: 'QU0', DequeingCallSid: ADVISOR_LEG.CallSid, QueueTime: '60' });
    expect(bridging.status).toBe(200);
    const secondLeg = spokenText(parseTwiml((await postSigned(side, dequeue, { ...ADVISOR_LEG, CallSid: 'CAeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' })).body));
    expect(secondLeg).toContain(`Sa maison du handicap : ${NEW_NAME}.`);
  });
});

describe('a chat keeps its version', () => {
  it('When a version changing the chat’s apology is published, then a turn that fails in a chat started before gets the old apology, and in a chat started after, the new one', async () => {
    const OLD_ERROR = 'Excusez-nous, un problème technique est arrivé. Vous pouvez réessayer, ou demander un conseiller.';
    const NEW_ERROR = 'Pardon, nous avons un problème technique. Réessayez, ou demandez un conseiller.';
    const before = new WebChatUser(service);
    await before.open();

    await publish((draft) => importFile(draft, 'prompts/fr/chat.yaml', replaced('prompts/fr/chat.yaml', `error: "${OLD_ERROR}"`, `error: "${NEW_ERROR}"`)));
    const after = new WebChatUser(service);
    await after.open();

    // A stored conversation its machine cannot read (a state that does not exist): the turn fails.
    const breakTurn = async (user: WebChatUser) => {
      const key = redis.keys.chat(user.conversationId);
      const stored = parseStoredChat(user.conversationId, (await redis.store.get(key))!);
      await redis.store.set(key, serialiseChat(user.conversationId, { ...stored, value: 'nowhere' }), 600);
      return texts(await user.press('Pour un proche que vous aidez', '2'));
    };
    const oldApology = await breakTurn(before);
    expect(oldApology).toContain(OLD_ERROR);
    expect(oldApology).not.toContain(NEW_ERROR);
    expect(await breakTurn(after)).toContain(NEW_ERROR);
  });
});
