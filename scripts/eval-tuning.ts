/**
 * The understanding on the tuning split only (test/understanding/tuning/): the FAQ and the phone menus
 * as the channels run them, right / unsure / wrong, and each failure. For whoever tunes: the test
 * split is never read here (`npm run eval:understanding` reads both).
 *
 *   npm run eval:tuning
 */
import * as path from 'node:path';
import { ConfigError } from '../src/config/configError';
import { evaluateSplit, loadSplit, type Tally } from '../src/understanding/evaluation';
import { channelDeps, PHRASINGS_DIR } from './eval-understanding';

const percent = (part: number, total: number): string => (total === 0 ? '–' : `${((part / total) * 100).toFixed(1)} %`);
const line = (name: string, t: Tally): string => `${name.padEnd(14)} right ${t.right} (${percent(t.right, t.total)}) / unsure ${t.unsure} / wrong ${t.wrong} (${percent(t.wrong, t.total)}) of ${t.total}`;

async function main(): Promise<void> {
  const rootDir = path.resolve(__dirname, '..');
  const { faq, phone } = loadSplit(path.join(rootDir, PHRASINGS_DIR, 'tuning'));
  const report = await evaluateSplit({ faq, danger: [], benign: [], phone }, await channelDeps(rootDir));
  console.log(line('tuning FAQ', report.faq));
  console.log(line('tuning phone', report.phone));
  for (const [menu, t] of Object.entries(report.phoneMenus)) console.log(line(`  ${menu}`, t));
  for (const f of [...report.faq.failures, ...report.phone.failures]) console.log(`  ${f.verdict}: "${f.text}" expected ${f.expected}, got ${f.got}`);
}

main().catch((error: unknown) => {
  if (!(error instanceof ConfigError)) throw error;
  for (const l of error.lines) console.error(l);
  process.exitCode = 1;
});
