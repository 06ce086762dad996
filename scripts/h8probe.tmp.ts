import { createMemoryStore } from '../src/storage/memory-store';
import { createStoreKeys } from '../src/storage/keys';
import { TIMES } from '../test/support/config';
import { TestClock } from '../test/support/testApp';
import { buttonsOf, chatTestBot, textsOf } from '../test/support/chatBot';
const clock = new TestClock(TIMES.mondayMorningParis);
async function run(steps: Array<[string, string?]>) {
  const bot = chatTestBot({ store: createMemoryStore(clock), keys: createStoreKeys('p'), clock });
  await bot.join();
  for (const [text, choice] of steps) {
    const r = choice ? await bot.press(text, choice) : await bot.write(text);
    console.log('>>', text.slice(0, 100), '\n   ', textsOf(r).replace(/\n/g, ' ⏎ ').slice(0, 400), '| buttons:', buttonsOf(r).map(b => b.title).join(' / '));
  }
  console.log('---');
}
(async () => {
  const lines = process.argv.slice(2);
  for (const l of lines) await run(l.split(' || ').map((s) => s.startsWith('#') ? [s.slice(1).split('=')[0], s.split('=')[1]] as [string, string] : [s]));
})();
