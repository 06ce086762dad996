/** PureMachine must be exactly xstate's transition(), only cheaper: same snapshots, same effects. */
import { initialTransition, transition } from 'xstate';
import type { CallEvent } from '../../src/voice/callMachine';
import { PureMachine } from '../../src/voice/pureMachine';
import { TIMES } from '../support/config';
import { testCallMachine } from '../support/callMachineDeps';

const machine = testCallMachine();
const input = { callSid: 'CA0123456789abcdef0123456789abcdef', caller: { sealed: 'x', lastDigits: '78' } };
const at = TIMES.mondayMorningParis;
const journeys: CallEvent[][] = [
  ['2', '1', '3', '44000', '1'].map((digits) => ({ type: 'INPUT', at, digits })),
  [{ type: 'NO_INPUT', at }, { type: 'NO_INPUT', at }, { type: 'NO_INPUT', at }, { type: 'CALL_ENDED', at }],
  [{ type: 'INPUT', at, speech: 'je cherche un logement' }, { type: 'URGENT', at }, { type: 'QUEUE_RESULT', at, result: 'leave' }],
];

const plain = (effects: ReadonlyArray<{ type: string; params?: unknown }>) => effects.map((e) => ({ type: e.type, params: e.params }));

it.each(journeys.map((events, index) => [index, events] as const))('journey %i: same snapshots and effects as xstate transition()', (_index, events) => {
  const pure = new PureMachine(machine);
  let [reference, referenceEffects] = initialTransition(machine, input);
  let [mine, myEffects] = pure.initial(input);
  expect(mine.value).toEqual(reference.value);
  expect(mine.context).toEqual(reference.context);
  expect(plain(myEffects)).toEqual(plain(referenceEffects));
  for (const event of events) {
    [reference, referenceEffects] = transition(machine, reference, event);
    [mine, myEffects] = pure.transition(machine.resolveState({ value: mine.value, context: mine.context }), event);
    expect(mine.value).toEqual(reference.value);
    expect(mine.context).toEqual(reference.context);
    expect(mine.status).toEqual(reference.status);
    expect(plain(myEffects)).toEqual(plain(referenceEffects));
  }
});
