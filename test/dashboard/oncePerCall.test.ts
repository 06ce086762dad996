/**
 * A call's ticket is saved more than once when the call goes on after its first hand-off: queued,
 * then a callback asked for from the queue; or queued in 44, the queue full, then queued at the
 * national level. Each call is still one contact with one need, one hand-off, at most one callback
 * request. Calls played as Twilio plays them (signed webhooks); the expected figures are computed
 * from what the test played and from the tickets the advisor API lists.
 */
import type { Principal } from '../../src/advisors/principal';
import { DashboardSchema } from '../../src/dashboard/schemas';
import { SimulatedCall } from '../support/callHarness';
import { TIMES } from '../support/config';
import { advisorToken, TEST_METRICS_TOKEN, twilioSide } from '../support/testApp';
import { parseExposition, valueOf } from '../metrics/exposition';
import { startPeopleApp, TO_44, type PeopleHarness } from '../people/support';

jest.setTimeout(120_000);

const ADMIN: Principal = { subject: 'eve-national', role: 'national_admin', territories: 'all' };

/** What the test played: each call, whether it was put through to advisors, whether it asked for a callback. */
const played: Array<{ callSid: string; putThrough: boolean; callback: boolean }> = [];

let h: PeopleHarness;
const get = async (path: string) => {
  const response = await fetch(`${h.app.httpBase}${path}`, { headers: { authorization: `Bearer ${await advisorToken(ADMIN)}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back
};
const dial = (from: string) => new SimulatedCall(twilioSide(h.app), { from }).dial();

beforeAll(async () => {
  h = await startPeopleApp('dashboard-once-per-call');
  h.clock.set(TIMES.mondayMorningParis);

  // Queued in 44; after two minutes the caller presses the key that asks for a callback, and confirms their number.
  const calledBack = await dial('+33612340001');
  for (const key of TO_44) await calledBack.press(key);
  expect(calledBack.end()).toMatchObject({ kind: 'queue', name: 'cercle-44' });
  await calledBack.queueResult('leave', 120);
  await calledBack.press('1');
  expect(await calledBack.hangUp()).toBe(204);
  played.push({ callSid: calledBack.callSid, putThrough: true, callback: true });

  // Queued in 44, the queue is full: the national level takes the caller, who is answered there.
  const overflow = await dial('+33612340002');
  for (const key of TO_44) await overflow.press(key);
  await overflow.queueResult('queue-full', 5);
  expect(overflow.end()).toMatchObject({ kind: 'queue' });
  expect(overflow.end()).not.toMatchObject({ name: 'cercle-44' });
  await overflow.queueResult('bridged', 40);
  expect(await overflow.hangUp()).toBe(204);
  played.push({ callSid: overflow.callSid, putThrough: true, callback: false });

  // Queued in 44 and answered: one ticket saved once, for comparison.
  const answered = await dial('+33612340003');
  for (const key of TO_44) await answered.press(key);
  await answered.queueResult('bridged', 30);
  expect(await answered.hangUp()).toBe(204);
  played.push({ callSid: answered.callSid, putThrough: true, callback: false });
});
afterAll(async () => {
  await h?.close();
});

describe('a call whose ticket is saved more than once', () => {
  it('When a call is queued then called back, and another queued in 44 then at the national level, then each call counts one contact, one need, one hand-off, and the callback once: the figures equal those computed from the tickets', async () => {
    const tickets = (await get('/api/advisor/tickets?territory=44&limit=500')).tickets.map((v: { ticket: unknown }) => v.ticket) as Array<{ conversationId: string; channel: string; kind: string; need?: string }>;
    // One ticket per call, updated in place: the callback request's kind is `callback`.
    expect(tickets.map((t) => t.conversationId).sort()).toEqual(played.map((p) => p.callSid).sort());
    const needs: Record<string, number> = {};
    for (const t of tickets) needs[t.need ?? 'none'] = (needs[t.need ?? 'none'] ?? 0) + 1;

    const figures = DashboardSchema.parse(await get('/api/dashboard?territory=44')).todayTotals;
    expect(Object.fromEntries(Object.entries(figures.needs).filter(([, n]) => n > 0))).toEqual(needs);
    expect(figures.contacts.voice).toBe(played.length);
    expect(figures.handoffs.voice).toBe(played.filter((p) => p.putThrough).length);
    expect(figures.callbacks.requested).toBe(tickets.filter((t) => t.kind === 'callback').length);
    expect(figures.callbacks.requested).toBe(played.filter((p) => p.callback).length);
    // The national total is the territories' sum: nothing counted a second time at the national level.
    const all = DashboardSchema.parse(await get('/api/dashboard?territory=all')).todayTotals;
    expect(all.needs).toEqual(figures.needs);
    expect(all.handoffs.voice).toBe(figures.handoffs.voice);
  });

  it('When /metrics is read, then the calls put through and their needs count once per call too', async () => {
    const response = await fetch(`${h.app.httpBase}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    const samples = parseExposition(await response.text());
    expect(valueOf(samples, 'o360_calls_routed_total')).toBe(played.filter((p) => p.putThrough).length);
    expect(valueOf(samples, 'o360_handovers_by_need_total', { channel: 'voice' })).toBe(played.filter((p) => p.putThrough).length);
    expect(valueOf(samples, 'o360_callbacks_requested_total', { channel: 'voice' })).toBe(played.filter((p) => p.callback).length);
  });
});
