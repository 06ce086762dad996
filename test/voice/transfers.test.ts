/**
 * Where a call ends: the territory's queue with a whisper for the advisor, a TaskRouter workflow,
 * a dialled number, a callback when closed, the crisis target. Played as Twilio plays them.
 */
import { SimulatedCall, postSigned } from '../support/callHarness';
import { find, parseTwiml, spokenText } from '../support/twiml';
import { TIMES, repoConfig, withCrisis, withTarget } from '../support/config';
import { advisorToken, TestClock, startTestApp, testRedis, twilioSide, type RunningTestApp } from '../support/testApp';
import type { AppConfig } from '../../src/config/appConfig';
import type { StoreKeys } from '../../src/storage/keys';
import type { RedisStore } from '../../src/storage/redis-store';

let redis: { store: RedisStore; keys: StoreKeys; cleanup(): Promise<void> };
const clock = new TestClock(TIMES.mondayMorningParis);
const running: RunningTestApp[] = [];

beforeAll(async () => {
  redis = await testRedis('transfers');
});
afterAll(async () => {
  await Promise.all(running.map((a) => a.close()));
  await redis.cleanup();
});
beforeEach(() => clock.set(TIMES.mondayMorningParis));

async function start(config: AppConfig = repoConfig()) {
  const started = await startTestApp({ store: redis.store, keys: redis.keys, clock, config });
  running.push(started);
  return started;
}

/** Aidant, logement, 44000, confirmed. */
async function aidantInLoireAtlantique(target: RunningTestApp, from?: string) {
  const call = await new SimulatedCall(twilioSide(target), { from }).dial();
  for (const key of ['2', '1', '3', '44000', '1']) await call.press(key);
  return call;
}

async function readTicket(target: RunningTestApp, path: string, token?: string) {
  const bearer = token ?? (await advisorToken({ subject: 'advisor-44', role: 'advisor', territories: ['44'] }));
  const response = await fetch(`${target.httpBase}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('warm transfer to a queue', () => {
  it('When an advisor dequeues the territory queue, then they hear the whisper of the caller who waited longest, then are bridged to them', async () => {
    const target = await start();
    const first = await aidantInLoireAtlantique(target);
    clock.set('2026-11-23T09:01:00.000Z');
    const second = await new SimulatedCall(twilioSide(target)).dial();
    for (const key of ['1', '5', '44300', '1']) await second.press(key);
    expect(second.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });

    const advisorLeg = await postSigned(twilioSide(target), 'https://orientation360.example.org/voice/advisor/dequeue?queue=cercle-44', {
      CallSid: 'CAffffffffffffffffffffffffffffffff',
      From: '+33240000000',
      To: '+33800360360',
    });
    const advisorTwiml = parseTwiml(advisorLeg.body);
    const whisper = spokenText(advisorTwiml);
    const { body: ticket } = await readTicket(target, `/api/calls/${first.callSid}/ticket`);
    expect(whisper).toContain('Profil : aidant familial.');
    expect(whisper).toContain('Besoin : se loger.');
    expect(whisper).toContain('Département 44, Loire-Atlantique.');
    expect(whisper).toContain(`Dossier ${String(ticket.ref).replace(/-/g, '').split('').join(' ')}.`);
    // Last, the caller's MDPH, from the directory.
    expect(whisper).toMatch(/\. Sa maison du handicap : MDPH de la Loire-Atlantique\.$/);
    const queue = find(advisorTwiml, 'Queue')!;
    expect(queue.text).toBe('cercle-44');

    // Twilio runs <Queue url> on the dequeued caller's leg just before bridging.
    const bridging = await postSigned(twilioSide(target), queue.attrs.url!, { CallSid: first.callSid, QueueSid: 'QU0', DequeingCallSid: 'CAffffffffffffffffffffffffffffffff', QueueTime: '60' });
    expect(spokenText(parseTwiml(bridging.body))).toContain('Un conseiller va vous répondre');

    // The next advisor gets the next caller (a priority one), with its own whisper.
    const nextLeg = await postSigned(twilioSide(target), 'https://orientation360.example.org/voice/advisor/dequeue?queue=cercle-44', { CallSid: 'CAeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee' });
    expect(spokenText(parseTwiml(nextLeg.body))).toContain('Appel prioritaire.');
    expect(spokenText(parseTwiml(nextLeg.body))).toContain('plus de solution');

    // After the conversation, Twilio calls the <Enqueue action> with « bridged »; the call ends kindly.
    await first.queueResult('bridged');
    expect(first.end()).toEqual({ kind: 'hangup' });
    expect(await first.hangUp()).toBe(204);
  });

  it('When nobody waits, then the advisor is told so', async () => {
    const target = await start();
    const leg = await postSigned(twilioSide(target), 'https://orientation360.example.org/voice/advisor/dequeue?queue=cercle-2A', { CallSid: 'CAdddddddddddddddddddddddddddddddd' });
    expect(spokenText(parseTwiml(leg.body))).toContain("Aucun appel n'attend");
  });

  it('When the caller has waited longer than the configured time, then the wait music offers a callback; pressing 1 leaves the queue for a callback ticket', async () => {
    const target = await start();
    const call = await aidantInLoireAtlantique(target);
    const early = await call.waitMusic({ QueuePosition: 3, QueueTime: 30, AvgQueueTime: 240 });
    expect(spokenText(early)).toContain('Il y a 2 personnes avant vous.');
    expect(spokenText(early)).toContain("L'attente est d'environ 4 minutes.");
    expect(find(early, 'Gather')).toBeUndefined();
    const late = await call.waitMusic({ QueuePosition: 2, QueueTime: 150, AvgQueueTime: 240 });
    const offer = find(late, 'Gather')!;
    expect(spokenText(offer)).toContain('tapez 1');
    const choice = await postSigned(twilioSide(target), offer.attrs.action!, { CallSid: call.callSid, Digits: '1' });
    expect(find(parseTwiml(choice.body), 'Leave')).toBeDefined();
    await call.queueResult('leave', 150);
    expect(call.spoken()).toContain('qui finit par 7 8');
    await call.press('1');
    expect(call.end()).toEqual({ kind: 'hangup' });
    const { body } = await readTicket(target, `/api/calls/${call.callSid}/ticket`);
    expect(body).toMatchObject({ kind: 'callback', callback: { lastDigits: '78' } });
    expect(JSON.stringify(body)).not.toContain('612345678');
  });

  it.each([
    [2, 60, 'Il y a 1 personne avant vous.', "L'attente est d'environ 1 minute."],
    [3, 20, 'Il y a 2 personnes avant vous.', "L'attente est d'environ 1 minute."],
    [2, 150, 'Il y a 1 personne avant vous.', "L'attente est d'environ 3 minutes."],
    [12, 600, 'Il y a 11 personnes avant vous.', "L'attente est d'environ 10 minutes."],
  ])('When the caller is number %i in the queue with an average wait of %i s, then the wait music says « %s » and « %s »', async (position, average, ahead, wait) => {
    const call = await aidantInLoireAtlantique(await start());
    const spoken = spokenText(await call.waitMusic({ QueuePosition: position, QueueTime: 10, AvgQueueTime: average }));
    expect(spoken).toContain(ahead);
    expect(spoken).toContain(wait);
  });

  it('When the territory queue is full, then the caller goes to the national fallback', async () => {
    const target = await start();
    const call = await aidantInLoireAtlantique(target);
    await call.queueResult('queue-full');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cercle-national' });
  });
});

describe('warm transfer to a number or a SIP address', () => {
  it('When the territory target is a number, then it is dialled with a whisper URL for the exact caller, and the ticket is readable then', async () => {
    const target = await start(withTarget(repoConfig(), '44', { type: 'dial', number: '+33240123456' }));
    const call = await aidantInLoireAtlantique(target);
    const end = call.end();
    expect(end).toMatchObject({ kind: 'dial', number: '+33240123456' });
    if (end.kind !== 'dial') throw new Error('not dialled');
    const whisper = await postSigned(twilioSide(target), end.whisperUrl!, { CallSid: 'CAcccccccccccccccccccccccccccccccc', ParentCallSid: call.callSid });
    expect(spokenText(parseTwiml(whisper.body))).toMatch(/Profil : aidant familial\. Besoin : se loger\. Département 44, Loire-Atlantique\. Dossier T 4 4/);
    const { status, body } = await readTicket(target, `/api/calls/${call.callSid}/ticket`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ profile: 'aidant', need: 'logement', departement: '44', territoryName: expect.stringContaining('Loire-Atlantique'), priority: 'normale' });
  });

  it('When nobody answers the SIP address, then the caller is offered a callback', async () => {
    const target = await start(withTarget(repoConfig(), '44', { type: 'dial', sip: 'sip:cercle44@pbx.example.org' }));
    const call = await aidantInLoireAtlantique(target);
    expect(call.end()).toMatchObject({ kind: 'dial', sip: 'sip:cercle44@pbx.example.org', whisperUrl: expect.stringContaining('/voice/whisper') });
    await call.dialResult('no-answer');
    expect(call.spoken()).toContain("Aucun conseiller n'a pu répondre.");
    expect(call.spoken()).toContain('qui finit par 7 8');
  });
});

describe('TaskRouter', () => {
  const WORKFLOW = 'WW0123456789abcdef0123456789abcdef';
  const RESERVATION = 'WR0123456789abcdef0123456789abcdef';

  it('When the territory uses a workflow, then the caller’s answers become task attributes, and the worker is called with a whisper before the reserved caller', async () => {
    const target = await start(withTarget(repoConfig(), '44', { type: 'workflow', workflowSid: WORKFLOW }));
    const call = await new SimulatedCall(twilioSide(target)).dial();
    for (const key of ['3', '5', '44000', '1']) await call.press(key);
    const end = call.end();
    expect(end).toMatchObject({ kind: 'workflow', workflowSid: WORKFLOW });
    if (end.kind !== 'workflow') throw new Error('no workflow');
    expect(end.task).toMatchObject({ type: 'orientation-360', profile: 'professionnel', need: 'sans_solution', departement: '44', priority: 'prioritaire' });
    const taskPriority = find(call.current!, 'Task')!.attrs.priority;
    expect(Number(taskPriority)).toBeGreaterThan(0);

    // TaskRouter's assignment callback: answer with the documented « call » instruction.
    const assignment = await postSigned(twilioSide(target), 'https://orientation360.example.org/voice/taskrouter/assignment', {
      AccountSid: 'AC00000000000000000000000000000000',
      ReservationSid: RESERVATION,
      TaskSid: 'WT0123456789abcdef0123456789abcdef',
      TaskAttributes: JSON.stringify({ ...end.task, call_sid: call.callSid, called: '+33800360360', from: '+33612345678' }),
      WorkerAttributes: JSON.stringify({ contact_uri: '+33240999999' }),
    });
    expect(assignment.status).toBe(200);
    const instruction = JSON.parse(assignment.body) as Record<string, string>;
    expect(instruction).toMatchObject({ instruction: 'call', to: '+33240999999', from: '+33800360360' });

    // The worker answers: whisper, then the reserved caller is bridged.
    const agentLeg = parseTwiml((await postSigned(twilioSide(target), instruction.url!, { CallSid: 'CAbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' })).body);
    expect(spokenText(agentLeg)).toContain('Appel prioritaire. Profil : professionnel. Besoin : plus de solution.');
    expect(find(agentLeg, 'Queue')?.attrs.reservationSid).toBe(RESERVATION);
  });
});

describe('closed, holidays and the crisis switch', () => {
  it('When a caller calls out of hours, then they hear the hours in words, accept a callback, and a callback ticket waits for the advisors', async () => {
    clock.set(TIMES.mondayEveningParis);
    const target = await start();
    const call = await aidantInLoireAtlantique(target, '+33698765432');
    expect(call.spoken()).toContain('Ils répondent du lundi au vendredi, de 9 heures à 18 heures.');
    await call.press('1');
    expect(call.spoken()).toContain('qui finit par 3 2');
    await call.press('2');
    expect(call.spoken()).toContain('Tapez votre numéro de téléphone');
    await call.press('0240112233');
    expect(call.end()).toEqual({ kind: 'hangup' });
    const { body } = await readTicket(target, `/api/calls/${call.callSid}/ticket`);
    expect(call.spoken()).toContain(`Votre numéro de dossier est : ${String(body.ref).replace(/-/g, '').split('').join(' ')}.`);
    expect(body).toMatchObject({ kind: 'callback', departement: '44', need: 'logement', callback: { lastDigits: '33' } });
    // The number itself stays sealed in the store, out of the API.
    const stored = await redis.store.get(redis.keys.ticket(String(body.ref)));
    expect(stored).not.toContain('240112233');
    expect(stored).toMatch(/"numberSealed":"v1:/);
  });

  it('When it is Christmas, then the caller is told it is a public holiday, and may decline the callback', async () => {
    clock.set(TIMES.christmasMorningParis);
    const target = await start();
    const call = await aidantInLoireAtlantique(target);
    expect(call.spoken()).toContain("Aujourd'hui est un jour férié.");
    await call.press('2');
    expect(call.spoken()).toContain('Vous pouvez rappeler du lundi au vendredi');
    expect(call.end()).toEqual({ kind: 'hangup' });
  });

  it('When it is 10:00 in Paris but 05:00 in Guadeloupe, then a Guadeloupe caller is told the hours of their own territory', async () => {
    const target = await start();
    const call = await new SimulatedCall(twilioSide(target)).dial();
    for (const key of ['1', '1', '1', '97110', '1']) await call.press(key);
    expect(call.spoken()).toContain('ne répondent pas en ce moment');
  });

  it('When the crisis switch is on, then every caller hears the crisis message and goes to the crisis target', async () => {
    const target = await start(withCrisis(repoConfig(), { type: 'queue', name: 'cellule-crise' }, 'Une situation exceptionnelle est en cours.'));
    const call = await aidantInLoireAtlantique(target);
    expect(call.spoken()).toContain('Une situation exceptionnelle est en cours.');
    expect(call.end()).toMatchObject({ kind: 'queue', name: 'cellule-crise' });
    const early = await new SimulatedCall(twilioSide(target)).dial();
    await early.press('0');
    expect(early.end()).toMatchObject({ kind: 'queue', name: 'cellule-crise' });
  });
});
