/**
 * The contract every MessageBus honours, run against the in-memory bus and the real Redis.
 * `a` and `b` stand for two processes of the service (the same object for the in-memory bus).
 */
import { StoreUnavailableError, type MessageBus } from '../../src/domain/ports';

export interface BusHarness {
  a: MessageBus;
  b: MessageBus;
  /** A prefix unique to this run, for channel names. */
  namespace: string;
  dispose(): Promise<void>;
}

/** Collects the messages a handler receives; `next(n)` waits until n have arrived. */
export function collector() {
  const messages: string[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const handler = (message: string) => {
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (messages.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  const waitFor = (count: number, timeoutMs = 2000) =>
    new Promise<string[]>((resolve, reject) => {
      if (messages.length >= count) return resolve(messages);
      const timer = setTimeout(() => reject(new Error(`only ${messages.length} of ${count} messages arrived`)), timeoutMs);
      waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(messages);
        },
      });
    });
  return { messages, handler, waitFor };
}

export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeMessageBusContract(name: string, createHarness: () => Promise<BusHarness>): void {
  describe(`MessageBus contract: ${name}`, () => {
    let harness: BusHarness;
    let counter = 0;
    const channel = () => `${harness.namespace}:channel-${++counter}`;

    beforeAll(async () => {
      harness = await createHarness();
    });
    afterAll(async () => {
      await harness?.dispose();
    });

    test('a subscriber receives what is published afterwards, in order, from either process', async () => {
      const ch = channel();
      const got = collector();
      const unsubscribe = await harness.a.subscribe(ch, got.handler);
      await harness.b.publish(ch, 'un');
      await harness.b.publish(ch, '{"text":"deux — é"}');
      await harness.a.publish(ch, 'trois');
      await expect(got.waitFor(3)).resolves.toEqual(['un', '{"text":"deux — é"}', 'trois']);
      await unsubscribe();
    });

    test('every subscriber of a channel gets each message; other channels get nothing', async () => {
      const ch = channel();
      const other = channel();
      const first = collector();
      const second = collector();
      const elsewhere = collector();
      const unsubscribes = [
        await harness.a.subscribe(ch, first.handler),
        await harness.b.subscribe(ch, second.handler),
        await harness.a.subscribe(other, elsewhere.handler),
      ];
      await harness.a.publish(ch, 'pour tous');
      await expect(first.waitFor(1)).resolves.toEqual(['pour tous']);
      await expect(second.waitFor(1)).resolves.toEqual(['pour tous']);
      await settle();
      expect(elsewhere.messages).toEqual([]);
      for (const unsubscribe of unsubscribes) await unsubscribe();
    });

    test('the same handler subscribed twice is two subscriptions; unsubscribing one leaves the other', async () => {
      const ch = channel();
      const got = collector();
      const unsubscribeFirst = await harness.a.subscribe(ch, got.handler);
      const unsubscribeSecond = await harness.a.subscribe(ch, got.handler);
      await harness.b.publish(ch, 'x');
      await got.waitFor(2);
      await unsubscribeFirst();
      await unsubscribeFirst();
      await harness.b.publish(ch, 'y');
      await got.waitFor(3);
      await settle();
      expect(got.messages).toEqual(['x', 'x', 'y']);
      await unsubscribeSecond();
      await harness.b.publish(ch, 'z');
      await settle();
      expect(got.messages).toEqual(['x', 'x', 'y']);
    });

    test('publishing to a channel nobody listens to is fine', async () => {
      await expect(harness.a.publish(channel(), 'personne')).resolves.toBeUndefined();
    });

    test('a handler that throws does not stop the others, nor later messages', async () => {
      const ch = channel();
      const got = collector();
      const unsubscribeBad = await harness.a.subscribe(ch, () => {
        throw new Error('handler bug');
      });
      const unsubscribeGood = await harness.a.subscribe(ch, got.handler);
      await harness.b.publish(ch, '1');
      await harness.b.publish(ch, '2');
      await expect(got.waitFor(2)).resolves.toEqual(['1', '2']);
      await unsubscribeBad();
      await unsubscribeGood();
    });
  });
}

export async function expectClosedBusRejects(bus: MessageBus): Promise<void> {
  await bus.close();
  await expect(bus.publish('any', 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
  await expect(bus.subscribe('any', () => undefined)).rejects.toBeInstanceOf(StoreUnavailableError);
}
