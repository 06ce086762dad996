/** Every state the caller can reach renders valid TwiML with sentences that exist, and ends well. */
import { getShortestPaths } from '@xstate/graph';
import type { CallEvent } from '../../src/voice/callMachine';
import { turnFor } from '../../src/voice/turn';
import { TwimlRenderer } from '../../src/voice/twiml';
import { voiceUrls } from '../../src/voice/urls';
import { createPlaces } from '../../src/places/places';
import { TIMES, repoConfig } from '../support/config';
import { testCallMachine } from '../support/callMachineDeps';
import { VOICE_VERBS, find, parseTwiml } from '../support/twiml';

const config = repoConfig();
const machine = testCallMachine(config);
const places = createPlaces();
const renderer = new TwimlRenderer(config.prompts, config.flow, voiceUrls('https://orientation360.example.org'));

it('every reachable situation renders well-formed TwiML (the same from the caches as built afresh) whose last verb lets the caller answer, reach a human, or hear goodbye', () => {
  const at = TIMES.mondayMorningParis;
  const evening = TIMES.mondayEveningParis;
  const events: CallEvent[] = [
    ...['1', '2', '3', '4', '5', '0', '*', '9', '7', '44000', '05110', '0612345678'].map((digits) => ({ type: 'INPUT' as const, at, digits })),
    { type: 'INPUT', at: evening, digits: '1' },
    { type: 'INPUT', at, speech: 'je vais me tuer' },
    { type: 'NO_INPUT', at },
    { type: 'QUEUE_RESULT', at, result: 'leave' },
    { type: 'QUEUE_RESULT', at, result: 'bridged' },
    { type: 'QUEUE_RESULT', at, result: 'error' },
    { type: 'DIAL_RESULT', at, status: 'busy' },
  ];
  const paths = getShortestPaths(machine, {
    input: { callSid: 'CA0123456789abcdef0123456789abcdef', caller: { sealed: 'x', lastDigits: '78' } },
    events,
    serializeState: (s) => JSON.stringify([s.value, s.context.attempts, s.context.lastProblem, s.context.notice, s.context.slow, s.context.route?.kind ?? null, s.context.needGroup, s.context.danger ?? null]),
    limit: 50000,
  });
  expect(paths.length).toBeGreaterThan(50);
  const endings = new Set<string>();
  for (const path of paths) {
    const turn = turnFor(String(path.state.value), path.state.context, { flow: config.flow, departement: (code) => places.get(code) });
    const xml = renderer.render(turn, path.state.context.callSid);
    // The shared renderer answers many situations from its caches: each answer is the one a renderer
    // that never saw another situation builds.
    expect(xml).toBe(new TwimlRenderer(config.prompts, config.flow, voiceUrls('https://orientation360.example.org')).render(turn, path.state.context.callSid));
    const twiml = parseTwiml(xml);
    for (const verb of twiml.children) expect(VOICE_VERBS.has(verb.name)).toBe(true);
    const last = twiml.children[twiml.children.length - 1]?.name ?? 'none';
    if (path.state.status === 'done') continue;
    expect(['Redirect', 'Enqueue', 'Dial', 'Hangup']).toContain(last);
    if (last === 'Redirect') expect(find(twiml, 'Gather')).toBeDefined();
    if (last === 'Hangup') expect(twiml.children.find((v) => v.name === 'Say')?.text).toMatch(/Au revoir\.$/);
    endings.add(last);
  }
  expect([...endings].sort()).toEqual(['Dial', 'Enqueue', 'Hangup', 'Redirect']);
});
