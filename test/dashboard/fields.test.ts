/** The daily figures' pure parts: wait buckets, « at most » quantiles, a callback's target. */
import { callbackDoneFields, callEndedFields, chatContactFields, needFields, ticketFields, waitField } from '../../src/dashboard/fields';
import { waitQuantile } from '../../src/dashboard/figures';

describe('daily figures, pure', () => {
  it('When a wait is on a bucket bound, then it counts in that bucket; past the last, in « inf »; a bad one is not counted', () => {
    expect([0, 15, 16, 60, 61, 3600, 3601].map(waitField)).toEqual(['wait.le15', 'wait.le15', 'wait.le30', 'wait.le60', 'wait.le120', 'wait.le3600', 'wait.inf']);
    expect([undefined, -1, Number.NaN, Number.POSITIVE_INFINITY].map(waitField)).toEqual([null, null, null, null]);
  });

  it('When waits fall in buckets, then p50 and p90 are the bounds of the buckets that hold them', () => {
    // Ten waits: 5 at most 15 s, 4 at most 60 s, 1 at most 600 s (buckets 15, 30, 60, 120, 180, 300, 600, …).
    const counts = [5, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0];
    expect(waitQuantile(counts, 0.5)).toBe(15);
    expect(waitQuantile(counts, 0.9)).toBe(60);
    expect(waitQuantile(counts, 1)).toBe(600);
    expect(waitQuantile([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], 0.5)).toBeNull();
    expect(waitQuantile([], 0.5)).toBeNull();
  });

  it('When a callback is done 48 hours after the request with a target of 48 hours, then it is within target; a second later, or with no request time, it is not; a target of 72 hours takes it', () => {
    const asked = new Date('2026-11-23T20:00:00Z');
    expect(callbackDoneFields(asked, new Date('2026-11-25T20:00:00Z'), 48)).toEqual({ 'callbacks.done': 1, 'callbacks.done_in_target': 1 });
    expect(callbackDoneFields(asked, new Date('2026-11-25T20:00:01Z'), 48)).toEqual({ 'callbacks.done': 1 });
    expect(callbackDoneFields(null, asked, 48)).toEqual({ 'callbacks.done': 1 });
    expect(callbackDoneFields(asked, new Date('2026-11-25T20:00:01Z'), 72)).toEqual({ 'callbacks.done': 1, 'callbacks.done_in_target': 1 });
  });

  it('When a chat or a call hands off, then books a callback, then its tickets count no need: the need is counted once, with the first ticket', () => {
    for (const channel of ['chat', 'voice'] as const) {
      expect(ticketFields(channel, 'routed')).toEqual({ [`handoffs.${channel}`]: 1 });
      expect(ticketFields(channel, 'callback')).toEqual({ [`callbacks.requested.${channel}`]: 1 });
    }
    expect(chatContactFields('logement')).toEqual({ 'contacts.chat': 1, 'needs.logement': 1 });
    expect(needFields('logement')).toEqual({ 'needs.logement': 1 });
  });

  it('When values come from outside the closed lists, then they become the catch-alls, never a field of their own', () => {
    expect(callEndedFields('0612345678')).toEqual({ 'voice.ended': 1, 'voice.other': 1 });
    expect(chatContactFields('Je cherche un logement')).toEqual({ 'contacts.chat': 1, 'needs.none': 1 });
    expect(needFields('0612345678')).toEqual({ 'needs.none': 1 });
  });
});
