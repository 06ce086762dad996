/**
 * The understanding check on phrasings nobody tuned on: reads test/understanding/{tuning,test}/*.yaml,
 * runs each phrasing through what the channels do (safety first, the FAQ the chat answers, the phone
 * menus, town names), and prints per set and split: right, unsure, wrong; danger recall per category;
 * false emergencies; phone menus right; CPU per FAQ message. Failures are listed for `tuning` only
 * (`--details=test` lists those of `test` too). Exits 1 when the test split misses an aim
 * (`--no-aims`: explore without failing). `--split=tuning` reads that split alone: the one to use
 * while tuning (the test split is read once, at the end, by whoever did not tune).
 * Danger: found when the right number is given at once, as the answer's own (`judgeDanger`: the emergency
 * answer for that danger, or the second-stage question naming it; not the 112 and 114 every emergency
 * answer ends with); false emergencies (the full answer to an ordinary message) and second-stage
 * questions on ordinary messages are two figures.
 *
 *   npm run eval:understanding [-- --approach=classifier|voted|combined|matcher|examples|nlpjs|hybrid] [--details=test] [--no-aims]
 *     [--aims=faq,phone,danger,emergencies,recall:suicide]   (only these aims make it fail; the others are reported)
 *     [--split=tuning]
 */
import * as path from 'node:path';
import { ConfigError } from '../src/config/configError';
import { loadVoiceFlow } from '../src/flows/load';
import { createKnowledgeBase } from '../src/knowledge/knowledge-base';
import { loadFaq } from '../src/knowledge/load';
import { answeredIds } from '../src/knowledge/schema';
import { createPlaces } from '../src/places/places';
import { assessDanger, defaultSafetyMessages, spokenDangerCheck, type DangerReading, type SafetyMessages } from '../src/safety';
import { mentionsNumber } from '../src/safety/messages';
import { loadTerritoriesFile } from '../src/territories/load';
import { evaluateSplit, judgeAims, loadSplit, SPLITS, type EvaluationDeps, type SplitReport, type Tally } from '../src/understanding/evaluation';
import { createNlpjsClassifier } from '../src/understanding/nlpjsClassifier';
import { matchOption, postcodeFrom, universalIntent, yesOrNo } from '../src/voice/understand';

export const PHRASINGS_DIR = path.join('test', 'understanding');

/** The number each danger category's answer must give (test/understanding/README.md). */
const CATEGORY_NUMBERS: Readonly<Record<string, string>> = {
  suicide: '3114',
  violence_conjugale: '3919',
  maltraitance: '3977',
  enfance_en_danger: '119',
  urgence_medicale: '15',
  danger_immediat: '112',
  sourd: '114',
};

/** The emergency services' numbers: on the phone, being sent to them first is right for any danger read. */
const EMERGENCY_LINES: ReadonlySet<string> = new Set(['15', '17', '112']);

/** The numbers a sentence gives, in the order it gives them (« le 3 114 » is 3114). */
const numbersIn = (text: string): string[] => text.replace(/(\d) (?=\d)/g, '$1').match(/\d+/g) ?? [];

/**
 * What a danger message got, judged by the number the answer gives as its own (README « Fourteenth
 * round (strict check) »). The chat's emergency answer gives the leads of the kinds found; the line every
 * one ends with (« appelez le 112 … SMS au 114 ») gives no danger its number. The phone says the sentence
 * of the kind found first and puts the caller through to its number (`phone.<kind>` of safety.yaml): the
 * number dialled or said first counts. The second-stage question names its kind's number.
 */
export function judgeDanger(
  { signal, check }: DangerReading,
  categories: readonly string[],
  channel: 'chat' | 'phone',
  messages: SafetyMessages = defaultSafetyMessages(),
): 'right' | 'other' | 'asked' | 'askedOther' | 'none' {
  const numbers = categories.map((category) => CATEGORY_NUMBERS[category]).filter((number) => number !== undefined);
  if (check !== null) return categories.includes(check.kind) || numbers.includes(check.number) ? 'asked' : 'askedOther';
  if (signal === null) return 'none';
  if (channel === 'phone') {
    const heard = messages.phone[signal.kind];
    if (categories.includes(signal.kind) || numbers.includes(heard.dial) || numbers.includes(numbersIn(heard.say)[0] ?? '')) return 'right';
    // The emergency services first (15, 17, 112) for a danger that was read among others: what the issue
    // asks when it is happening (« 3919; 17/112 when it is happening »), the ticket and whisper naming it.
    // Not for the deaf: they need the 114 as their own number, not a line to call by voice.
    return EMERGENCY_LINES.has(heard.dial) && signal.kinds.some((kind) => kind !== 'sourd' && categories.includes(kind)) ? 'right' : 'other';
  }
  const leads = signal.kinds.map((kind) => messages.lead[kind]);
  return signal.kinds.some((kind) => categories.includes(kind)) || numbers.some((number) => leads.some((lead) => mentionsNumber(lead, number))) ? 'right' : 'other';
}

/**
 * classifier: the service (our softmax classifier, src/knowledge/knowledge-base.ts); voted: the classifier,
 * or matcher + nearest examples when they give its first choice; combined: matcher + nearest examples;
 * matcher: the matcher alone; examples: the nearest examples alone; nlpjs: NLP.js's classifier trained on titles, questions,
 * keywords and examples; hybrid: matcher + nearest examples, or when not sure, NLP.js when it agrees with the examples.
 */
export const APPROACHES = ['classifier', 'voted', 'combined', 'matcher', 'examples', 'nlpjs', 'hybrid'] as const;
export type Approach = (typeof APPROACHES)[number];

/** What the service does with a phrasing, channel by channel, as the eval and its jest test see it. */
export async function channelDeps(rootDir: string, approach: Approach = 'classifier'): Promise<EvaluationDeps> {
  const entries = loadFaq(rootDir);
  const flow = loadVoiceFlow(rootDir);
  const territories = loadTerritoriesFile(path.join(rootDir, 'config', 'territories.yaml'));
  const places = createPlaces({ postcodeOverrides: territories.national.postcodeOverrides });
  const strategy = approach === 'nlpjs' || approach === 'hybrid' ? 'combined' : approach;
  const knowledgeBase = createKnowledgeBase(entries, { strategy });
  const nlpjs = approach === 'nlpjs' || approach === 'hybrid' ? await createNlpjsClassifier(entries) : null;
  const allNeeds = flow.needs.groups.flatMap((group) => group.needs);

  const faqAnswer = async (text: string): Promise<string | null> => {
    if (nlpjs && approach === 'nlpjs') return nlpjs.classify(text);
    const explanation = knowledgeBase.explain(text);
    if (explanation.match.kind === 'answer') return explanation.match.entry.id;
    if (!nlpjs) return null;
    const voted = explanation.vote.ranked[0]?.label;
    return voted !== undefined && (await nlpjs.classify(text)) === voted ? voted : null;
  };

  return {
    faqAnswer,
    faqAnswers: (id) => {
      const entry = knowledgeBase.get(id);
      return entry === undefined ? [id] : answeredIds(entry);
    },
    emergency(text, categories, channel = 'chat') {
      const reading = assessDanger(text);
      // On the phone the question is its own turn, asked as the call machine asks it.
      return judgeDanger(channel === 'phone' ? { ...reading, check: spokenDangerCheck(text) } : reading, categories, channel);
    },
    phone(menu, said) {
      const input = { speech: said };
      if (universalIntent(flow, input) === 'human') return 'human';
      switch (menu) {
        case 'profile':
          return matchOption(flow.profile.options, input)?.profile ?? null;
        case 'needs': {
          // As at the first need menu: a need said directly, else a group (its only need, or a second menu).
          const need = matchOption(allNeeds, input)?.need;
          if (need !== undefined) return need;
          const group = matchOption(flow.needs.groups, input);
          return group?.needs.length === 1 ? (group.needs[0]?.need ?? null) : null;
        }
        case 'place': {
          const postcode = postcodeFrom(input);
          const codes = postcode ? places.departementsForPostcode(postcode) : places.departementsNamedIn(said);
          return codes.length === 0 ? null : codes.length === 1 ? (codes[0] ?? null) : 'ask';
        }
        case 'yesno':
          return yesOrNo(input);
      }
    },
  };
}

const percent = (part: number, total: number): string => (total === 0 ? '–' : `${((part / total) * 100).toFixed(1)} %`);
const line = (name: string, t: Tally): string =>
  `  ${name.padEnd(22)} right ${String(t.right).padStart(3)} (${percent(t.right, t.total)})  unsure ${String(t.unsure).padStart(3)} (${percent(t.unsure, t.total)})  wrong ${String(t.wrong).padStart(3)} (${percent(t.wrong, t.total)})  of ${t.total}`;

function print(split: string, report: SplitReport, details: boolean): void {
  console.log(`== ${split}`);
  console.log(line('FAQ', report.faq));
  console.log(`  ${'FAQ CPU per message'.padEnd(22)} ${report.faqCpuMicros.toFixed(0)} µs`);
  for (const [category, t] of Object.entries(report.danger)) console.log(`  danger ${category.padEnd(19)} recall ${t.right}/${t.total} (${percent(t.right, t.total)})`);
  const found = Object.values(report.danger).reduce((sum, t) => ({ right: sum.right + t.right, total: sum.total + t.total }), { right: 0, total: 0 });
  console.log(`  ${'danger found'.padEnd(22)} ${found.right}/${found.total} (${percent(found.right, found.total)}): the number given at once, by the emergency answer or the second-stage question`);
  console.log(`  ${'false emergencies'.padEnd(22)} ${report.benign.wrong}/${report.benign.total} (${percent(report.benign.wrong, report.benign.total)}): the full emergency answer to an ordinary message`);
  console.log(`  ${'second-stage questions'.padEnd(22)} ${report.checks.count}/${report.checks.total} (${percent(report.checks.count, report.checks.total)}): « Êtes-vous en danger ? » to an ordinary message`);
  console.log(line('phone', report.phone));
  for (const [menu, t] of Object.entries(report.phoneMenus)) console.log(line(`  phone ${menu}`, t));
  if (!details) return;
  const failures = [
    ...report.faq.failures.map((f) => ({ set: 'faq', ...f })),
    ...Object.values(report.danger).flatMap((t) => t.failures.map((f) => ({ set: 'danger', ...f }))),
    ...report.benign.failures.map((f) => ({ set: 'benign', ...f })),
    ...report.checks.texts.map((text) => ({ set: 'benign', verdict: 'asked', text, expected: 'nothing', got: 'the second-stage question' })),
    ...report.phone.failures.map((f) => ({ set: 'phone', ...f })),
  ];
  for (const f of failures) console.log(`  ${f.set} ${f.verdict}: "${f.text}" expected ${f.expected}, got ${f.got}`);
}

/**
 * The aims that make the check fail: all, or those of the groups named: `faq`, `phone`, `danger`
 * (danger recall of every category and false emergencies), `emergencies` (false emergencies only),
 * `recall:<category>` (the recall of one danger category). `emergencies` also names the second-stage
 * questions on ordinary messages.
 */
export function aimFilter(groups: string | undefined): (aimName: string) => boolean {
  if (groups === undefined || groups === '') return () => true;
  const wanted = new Set(groups.split(','));
  for (const group of wanted) {
    if (!['faq', 'phone', 'danger', 'emergencies'].includes(group) && !/^recall:[a-z_]+$/.test(group)) {
      throw new Error(`unknown aims ${group}: faq, phone, danger, emergencies or recall:<category>`);
    }
  }
  return (name) => {
    if (name.startsWith('FAQ')) return wanted.has('faq');
    if (name.startsWith('phone')) return wanted.has('phone');
    if (wanted.has('danger')) return true;
    if (name === 'false emergencies' || name === 'second-stage questions') return wanted.has('emergencies');
    return wanted.has(`recall:${name.replace('danger recall ', '')}`);
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const rootDir = path.resolve(__dirname, '..');
  const approach = (argv.find((arg) => arg.startsWith('--approach='))?.split('=')[1] ?? 'classifier') as Approach;
  if (!APPROACHES.includes(approach)) throw new Error(`unknown approach ${approach}: ${APPROACHES.join(', ')}`);
  const blocking = aimFilter(argv.find((arg) => arg.startsWith('--aims='))?.split('=')[1]);
  const detailsOf = new Set(['tuning', ...(argv.find((arg) => arg.startsWith('--details='))?.split('=')[1]?.split(',') ?? [])]);
  const only = argv.find((arg) => arg.startsWith('--split='))?.split('=')[1];
  if (only !== undefined && !(SPLITS as readonly string[]).includes(only)) throw new Error(`unknown split ${only}: ${SPLITS.join(', ')}`);
  const deps = await channelDeps(rootDir, approach);
  console.log(`approach: ${approach}`);
  let failed = false;
  for (const split of SPLITS.filter((each) => only === undefined || each === only)) {
    const data = loadSplit(path.join(rootDir, PHRASINGS_DIR, split));
    if (data.faq.length + data.danger.length + data.benign.length + data.phone.length === 0) {
      console.log(`== ${split}: no phrasings yet`);
      if (split === 'test' && !argv.includes('--no-aims')) failed = true;
      continue;
    }
    const report = await evaluateSplit(data, deps);
    print(split, report, detailsOf.has(split));
    if (split !== 'test') continue;
    for (const aim of judgeAims(report)) {
      const blocks = blocking(aim.name);
      console.log(`  aim ${aim.name}: ${(aim.value * 100).toFixed(1)} % (aim ${aim.aim}) ${aim.met ? 'met' : blocks ? 'MISSED' : 'missed (reported)'}`);
      if (!aim.met && blocks) failed = true;
    }
  }
  if (argv.includes('--no-aims')) return 0;
  if (failed) console.log('FAILED: the test split misses an aim');
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      if (!(error instanceof ConfigError)) throw error;
      for (const l of error.lines) console.error(l);
      process.exitCode = 1;
    });
}
