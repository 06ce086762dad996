/**
 * Two channels on one store, one bus and one token key, for tests that send the same requests both
 * ways: one behind its lean lane, one on express alone. The fake bot stays silent (the answers of the
 * channel are the point, not the bot's).
 */
import type { DirectLineOptions } from '../../src/directline';
import { createStoreKeys } from '../../src/storage/keys';
import { createMemoryBus, createMemoryStore } from '../../src/storage/memory-store';
import { offsetClock, startChannel, startFakeBot, type FakeBot, type RunningChannel } from './harness';

export interface LaneAndExpress {
  bot: FakeBot;
  withLane: RunningChannel;
  expressOnly: RunningChannel;
  close(): Promise<void>;
}

export async function startLaneAndExpress(label: string, options: DirectLineOptions, trustProxy?: unknown): Promise<LaneAndExpress> {
  const shared = { store: createMemoryStore(), bus: createMemoryBus(), keys: createStoreKeys(label), clock: offsetClock() };
  const bot = await startFakeBot();
  bot.mode = 'silent';
  const channel = { ...shared, botEndpoint: () => bot.url, options, ...(trustProxy === undefined ? {} : { trustProxy }) };
  const withLane = await startChannel(channel);
  const expressOnly = await startChannel({ ...channel, lane: false });
  return {
    bot,
    withLane,
    expressOnly,
    async close() {
      await Promise.all([withLane.close(), expressOnly.close()]);
      await bot.close();
    },
  };
}

/** The headers compared between the two ways (the rest, such as Date or ETag, may differ). */
const COMPARED_HEADERS = ['content-type', 'cache-control', 'x-content-type-options', 'retry-after', 'access-control-allow-origin', 'vary'];

export function comparedHeaders(response: Response): Record<string, string | null> {
  return Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)]));
}
