/** A call's stored state: compact, read back exactly, and the previous format still read. */
import { initialTransition, transition } from 'xstate';
import type { CallEvent } from '../../src/voice/callMachine';
import { parseStoredCall, serialiseCall } from '../../src/voice/storedCall';
import { TIMES } from '../support/config';
import { testCallMachine } from '../support/callMachineDeps';

const machine = testCallMachine();
const callSid = 'CA0123456789abcdef0123456789abcdef';
const at = TIMES.mondayMorningParis;

/** The snapshots of a caller who goes through the menus and is put through to cercle-44. */
function journey(): Array<{ value: string; context: ReturnType<typeof initialTransition<typeof machine>>[0]['context'] }> {
  let [snapshot] = initialTransition(machine, { callSid, caller: { sealed: 'v1:sealed-number', lastDigits: '78' } });
  const snapshots = [{ value: String(snapshot.value), context: snapshot.context }];
  const events: CallEvent[] = ['2', '1', '3', '44000', '1'].map((digits) => ({ type: 'INPUT', at, digits }));
  for (const event of events) {
    [snapshot] = transition(machine, snapshot, event);
    snapshots.push({ value: String(snapshot.value), context: snapshot.context });
  }
  return snapshots;
}

test('When a call is stored at each turn, then it is read back with the same state, context and last request', () => {
  for (const [index, { value, context }] of journey().entries()) {
    const raw = serialiseCall({ value, context, lastRequestId: `token-${index}` });
    expect(parseStoredCall(callSid, raw)).toEqual({ value, context, lastRequestId: `token-${index}` });
  }
});

test('When a call is routed to a human, then its stored state stays well under 1 KB and leaves out the CallSid', () => {
  const routed = journey().at(-1)!;
  expect(routed.value).toBe('connecting');
  const raw = serialiseCall({ value: routed.value, context: routed.context, lastRequestId: 'token' });
  expect(raw.length).toBeLessThan(800);
  expect(raw).not.toContain(callSid);
  expect(JSON.stringify(routed.context).length).toBeGreaterThan(raw.length);
});

test('When a call was stored by the previous release (v1, with its last TwiML), then it is still read', () => {
  const { value, context } = journey()[2]!;
  const raw = JSON.stringify({ v: 1, value, context, lastRequestId: 'old-token', lastTwiml: '<Response/>' });
  expect(parseStoredCall(callSid, raw)).toEqual({ value, context, lastRequestId: 'old-token' });
});

test('When the record is not a call, then reading it fails without quoting it', () => {
  expect(() => parseStoredCall(callSid, JSON.stringify({ v: 3, secret: '+33612345678' }))).toThrow(`Stored state of call ${callSid} is unusable`);
  expect(() => parseStoredCall(callSid, JSON.stringify({ v: 3, secret: '+33612345678' }))).not.toThrow(/33612345678/);
});
