/**
 * The phone need menu on what it never read, without the test split (the tuning split's phone items:
 * `npm run eval:tuning`):
 *
 *   npm run eval:phone -- --cv=5       k-fold cross-validation over the need examples of
 *                                      content/fr/phone-examples.yaml: each example held out once, the
 *                                      need menu built from the others, as at the first need menu (a
 *                                      need said directly, else a group with one need); per need and
 *                                      the needs taken one for the other
 *   npm run eval:phone -- --cv=5 --misses    and each held-out example not right
 */
import * as path from 'node:path';
import { ConfigError } from '../src/config/configError';
import { loadVoiceFlow } from '../src/flows/load';
import { frenchAnalyser } from '../src/understanding/analyse';
import { createMenuMatcher } from '../src/understanding/menu';
import { shippedPhoneExamples } from '../src/understanding/phoneExamples';

const percent = (part: number, total: number): string => (total === 0 ? '–' : `${((part / total) * 100).toFixed(1)} %`);

function crossValidate(rootDir: string, folds: number, misses: boolean): void {
  const flow = loadVoiceFlow(rootDir);
  const { needs, human } = shippedPhoneExamples();
  const allNeeds = flow.needs.groups.flatMap((group) => group.needs);
  const byNeed = new Map<string, { right: number; unsure: number; wrong: number }>();
  const confusion = new Map<string, number>();
  for (let fold = 0; fold < folds; fold++) {
    const training = (need: string): string[] => (needs[need as keyof typeof needs] ?? []).filter((_, i) => i % folds !== fold);
    const settings = { freeSpeech: true, elsewhere: human };
    const needMenu = createMenuMatcher(allNeeds, frenchAnalyser(), { ...settings, examplesOf: (option) => training(option.need) });
    const groupMenu = createMenuMatcher(flow.needs.groups, frenchAnalyser(), { ...settings, examplesOf: (group) => group.needs.flatMap(({ need }) => training(need)) });
    for (const need of allNeeds.map((option) => option.need)) {
      const tally = byNeed.get(need) ?? { right: 0, unsure: 0, wrong: 0 };
      byNeed.set(need, tally);
      for (const said of (needs[need as keyof typeof needs] ?? []).filter((_, i) => i % folds === fold)) {
        const direct = needMenu.choose(said);
        const group = direct === null ? groupMenu.choose(said) : null;
        const got = direct?.need ?? (group?.needs.length === 1 ? group.needs[0]?.need : undefined) ?? null;
        if (misses && got !== need) console.log(`  ${need} → ${got ?? 'not understood'}: "${said}"`);
        if (got === null) tally.unsure++;
        else if (got === need) tally.right++;
        else {
          tally.wrong++;
          confusion.set(`${need} → ${got}`, (confusion.get(`${need} → ${got}`) ?? 0) + 1);
        }
      }
    }
  }
  const sum = [...byNeed.values()].reduce((a, t) => ({ right: a.right + t.right, unsure: a.unsure + t.unsure, wrong: a.wrong + t.wrong }), { right: 0, unsure: 0, wrong: 0 });
  const total = sum.right + sum.unsure + sum.wrong;
  console.log(`${folds}-fold cross-validation over the need examples: right ${sum.right} (${percent(sum.right, total)}) / unsure ${sum.unsure} / wrong ${sum.wrong} of ${total}`);
  for (const [need, t] of [...byNeed].sort(([, a], [, b]) => a.right / (a.right + a.unsure + a.wrong) - b.right / (b.right + b.unsure + b.wrong))) {
    console.log(`  ${need.padEnd(22)} ${t.right} / ${t.unsure} / ${t.wrong} (${percent(t.right, t.right + t.unsure + t.wrong)} right)`);
  }
  console.log('needs taken one for another:');
  for (const [pair, count] of [...confusion].sort(([, a], [, b]) => b - a).slice(0, 12)) console.log(`  ${String(count).padStart(3)}  ${pair}`);
}

try {
  const folds = Number(process.argv.find((arg) => arg.startsWith('--cv='))?.split('=')[1] ?? 5);
  crossValidate(path.resolve(__dirname, '..'), folds, process.argv.includes('--misses'));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const l of error.lines) console.error(l);
  process.exitCode = 1;
}
