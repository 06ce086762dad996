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

it.each(journeys.map((events, index) => [index, events] as const))(
  'journey %i: a stored state restored (resolved once per state, then only the context changes) transitions as resolveState’s snapshot does',
  (_index, events) => {
    const pure = new PureMachine(machine);
    let [reference] = pure.initial(input);
    let [mine] = pure.initial(input);
    for (const event of events) {
      const resolved = machine.resolveState({ value: reference.value, context: reference.context });
      const restored = pure.restore(String(mine.value), mine.context);
      expect(restored.value).toEqual(resolved.value);
      expect(restored.status).toEqual(resolved.status);
      expect([...restored.tags]).toEqual([...resolved.tags]);
      let referenceEffects;
      let myEffects;
      [reference, referenceEffects] = pure.transition(resolved, event);
      [mine, myEffects] = pure.transition(restored, event);
      expect(mine.value).toEqual(reference.value);
      expect(mine.context).toEqual(reference.context);
      expect(mine.status).toEqual(reference.status);
      expect(plain(myEffects)).toEqual(plain(referenceEffects));
    }
  },
);

it('When one state is restored for two calls, then each snapshot carries its own call and neither transition changes the other', () => {
  const pure = new PureMachine(machine);
  const [first] = pure.initial(input);
  const [second] = pure.initial({ callSid: 'CA' + 'f'.repeat(32), caller: null });
  const a = pure.restore('profile', first.context);
  const b = pure.restore('profile', second.context);
  const [afterA] = pure.transition(a, { type: 'INPUT', at, digits: '2' });
  const [afterB] = pure.transition(b, { type: 'NO_INPUT', at });
  expect(afterA.value).toBe('needGroup');
  expect(afterA.context.callSid).toBe(input.callSid);
  expect(afterB.value).toBe('profile');
  expect(afterB.context.callSid).toBe('CA' + 'f'.repeat(32));
  expect(afterB.context.attempts).toBe(1);
  expect(pure.restore('profile', first.context).context).toBe(first.context);
  expect(a.value).toBe('profile');
});
