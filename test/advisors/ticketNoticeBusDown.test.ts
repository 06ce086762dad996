/**
 * The consoles' notice of a saved ticket when the bus is down (Redis unreachable): the ticket is saved
 * all the same, the process sees no unhandled rejection, and the failure is logged without the
 * ticket's ref, its conversation or any personal data.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { StoreUnavailableError, type MessageBus } from '../../src/domain/ports';
import { createLogger } from '../../src/logging';
import { createMemoryBus, createMemoryStore } from '../../src/storage/memory-store';
import { createStoreKeys } from '../../src/storage/keys';
import { ticketRefFor } from '../../src/tickets/ref';
import { TestClock, startTestApp, type RunningTestApp } from '../support/testApp';

const clock = new TestClock('2026-11-23T09:00:00.000Z');
const lines: Array<Record<string, unknown>> = [];
const logger = createLogger({
  level: 'info',
  hashKey: 'test-hash-key',
  destination: new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  }),
});
const memoryBus = createMemoryBus();
/** Subscribing works (the consoles' streams), publishing fails as a bus on an unreachable Redis does. */
const downBus: MessageBus = {
  publish: () => Promise.reject(new StoreUnavailableError('Redis is not connected (PUBLISH)')),
  subscribe: (channel, handler) => memoryBus.subscribe(channel, handler),
  close: () => memoryBus.close(),
};
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let app: RunningTestApp;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  app = await startTestApp({ store: createMemoryStore(clock), bus: downBus, clock, keys: createStoreKeys('bus-down'), logger });
});

afterAll(async () => {
  await app.close();
  process.off('unhandledRejection', onUnhandled);
});

it('When a ticket is saved while the bus is down, then it is saved, nothing is left unhandled, and the lost notice is logged without ref or conversation', async () => {
  const conversationId = `CA${randomBytes(16).toString('hex')}`;
  const ref = ticketRefFor('44', conversationId);
  const ticket = await app.app.tickets.createOrUpdate({ ref, channel: 'voice', kind: 'routed', profile: 'personne', need: 'scolarite', departement: '44', priority: 'normale', conversationId });
  expect(ticket.ref).toBe(ref);
  // The notice goes out after the save resolves: let it fail, and an unhandled rejection surface.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(unhandled).toEqual([]);
  expect((await app.app.tickets.get(ref))?.ref).toBe(ref);
  const lost = lines.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('advisor events:'));
  // One warning per channel it was for: the territory's consoles and the national ones.
  expect(lost.map((line) => line.level)).toEqual([40, 40]);
  for (const line of lost) {
    const text = JSON.stringify(line);
    expect(text).not.toContain(ref);
    expect(text).not.toContain(conversationId);
  }
});
