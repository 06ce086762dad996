/**
 * The understanding check (npm run eval:understanding) on the tuning split, as a jest test: the same
 * deps as the script. Floors are the figures reached on the tuning split, kept from going back.
 * The test split is never read here: only the script runs it and prints its aggregate figures.
 */
import * as path from 'node:path';
import { aimFilter, channelDeps, judgeDanger } from '../../scripts/eval-understanding';
import { confirmedDanger, type DangerKind, type DangerReading } from '../../src/safety';
import { evaluateSplit, loadSplit, type SplitReport } from '../../src/understanding/evaluation';
import { createNlpjsClassifier } from '../../src/understanding/nlpjsClassifier';
import { loadFaq } from '../../src/knowledge/load';

const ROOT = path.join(__dirname, '..', '..');
let report: SplitReport;

beforeAll(async () => {
  report = await evaluateSplit(loadSplit(path.join(__dirname, 'tuning')), await channelDeps(ROOT));
});

const share = (part: number, total: number) => part / total;

describe('the understanding on the tuning phrasings', () => {
  it('When people ask the chat a question in their own words, then it answers the right entry far more often than a wrong one', () => {
    expect(report.faq.total).toBeGreaterThanOrEqual(100);
    // Since the eleventh round, 48 of its 242 phrasings sit at an entry's edge (an amount, paid holidays,
    // the worker rather than the person helped), most expecting « not sure »: wrong 2 % → 10 % there;
    // the twelfth round's 40 more (282 in all) sit at the same edges: 13.5 % → 6.7 % with the own-job feature.
    expect(share(report.faq.right, report.faq.total)).toBeGreaterThanOrEqual(0.8);
    expect(share(report.faq.wrong, report.faq.total)).toBeLessThanOrEqual(0.11);
  });

  it('When callers speak at the phone menus (profile, needs, place, yes or no), then at least 95 % are understood', () => {
    expect(report.phone.total).toBeGreaterThanOrEqual(50);
    expect(share(report.phone.right, report.phone.total)).toBeGreaterThanOrEqual(0.95);
    for (const menu of ['profile', 'needs', 'place', 'yesno']) expect(report.phoneMenus[menu]?.total).toBeGreaterThan(0);
  });

  it('When the FAQ is not sure or wrong, then each failure is listed with what was expected and what came out', () => {
    for (const failure of report.faq.failures) {
      expect(failure.verdict).not.toBe('right');
      expect(failure.expected).not.toBe('');
      expect(failure.got).not.toBe('');
    }
  });
});

/** The emergency answer of these kinds (the first leads), as the chat and the phone give it. */
const answered = (...kinds: [DangerKind, ...DangerKind[]]): DangerReading => ({
  signal: confirmedDanger(kinds[0], kinds.length > 1 ? confirmedDanger(kinds[1] as DangerKind) : null),
  check: null,
});

describe('the danger check judges by the number the answer gives as its own', () => {
  it('When a deaf person in danger gets the suicide emergency, then the 114 of the line every answer ends with does not count', () => {
    expect(judgeDanger(answered('suicide'), ['sourd'], 'chat')).toBe('other');
    expect(judgeDanger(answered('suicide'), ['danger_immediat'], 'chat')).toBe('other');
    expect(judgeDanger(answered('sourd'), ['sourd'], 'chat')).toBe('right');
  });

  it('When the answer of another danger gives the number in its own lines, then it is found in the chat', () => {
    // « Appelez tout de suite le 15 (SAMU) ou le 112. » and « … appelez le 3977. »
    expect(judgeDanger(answered('urgence_medicale'), ['danger_immediat'], 'chat')).toBe('right');
    expect(judgeDanger(answered('enfance_en_danger'), ['maltraitance'], 'chat')).toBe('right');
    expect(judgeDanger(answered('suicide', 'sourd'), ['sourd'], 'chat')).toBe('right');
  });

  it('When a caller hears the sentence of the first danger found, then only its number counts on the phone', () => {
    expect(judgeDanger(answered('urgence_medicale'), ['danger_immediat'], 'phone')).toBe('other');
    expect(judgeDanger(answered('danger_immediat', 'sourd'), ['sourd'], 'phone')).toBe('other');
    // « Appelez le 112. Si vous ne pouvez pas parler, envoyez un SMS au 114. », put through to the 112
    expect(judgeDanger(answered('sourd'), ['danger_immediat'], 'phone')).toBe('right');
  });

  it('When a caller is sent first to the emergency services for a danger also read, then it is found, unless the caller is deaf', () => {
    expect(judgeDanger(answered('danger_immediat', 'enfance_en_danger'), ['enfance_en_danger'], 'phone')).toBe('right');
    expect(judgeDanger(answered('urgence_medicale', 'suicide'), ['suicide'], 'phone')).toBe('right');
    // Another line first (the 3977 for a child): not the child's number, not the emergency services.
    expect(judgeDanger(answered('maltraitance', 'enfance_en_danger'), ['enfance_en_danger'], 'phone')).toBe('other');
    // The danger was not read at all: the 112 alone is not its answer.
    expect(judgeDanger(answered('danger_immediat'), ['violence_conjugale'], 'phone')).toBe('other');
  });

  it('When the answer is the second-stage question, then its kind decides', () => {
    const asked = (kind: DangerKind): DangerReading => ({ signal: null, check: { kind, number: kind === 'sourd' ? '114' : '3114', cue: `${kind}.check_rules`, confidence: 1 } });
    expect(judgeDanger(asked('sourd'), ['sourd'], 'chat')).toBe('asked');
    expect(judgeDanger(asked('suicide'), ['sourd'], 'phone')).toBe('askedOther');
    expect(judgeDanger({ signal: null, check: null }, ['sourd'], 'chat')).toBe('none');
  });
});

describe('the compared approach: NLP.js trained on the FAQ', () => {
  it('When trained on the questions and keywords, then it classifies a plain question and is not sure of nonsense', async () => {
    // Without the examples: training on them takes several seconds; the eval script measures that one.
    const classifier = await createNlpjsClassifier(loadFaq(ROOT).map(({ examples: _examples, ...entry }) => entry));
    expect(await classifier.classify("c'est quoi l'AAH")).toBe('aah');
    expect(await classifier.classify('zkqx wvpt')).toBeNull();
  }, 30_000);
});

describe('which aims block the check', () => {
  it('When no aims are named, then every aim blocks', () => {
    const blocks = aimFilter(undefined);
    expect(['FAQ right', 'phone right', 'danger recall suicide', 'false emergencies'].every(blocks)).toBe(true);
  });

  it('When --aims=faq,phone, then the FAQ and phone aims block and the danger ones are only reported', () => {
    const blocks = aimFilter('faq,phone');
    expect(blocks('FAQ right')).toBe(true);
    expect(blocks('FAQ wrong')).toBe(true);
    expect(blocks('phone right')).toBe(true);
    expect(blocks('danger recall suicide')).toBe(false);
    expect(blocks('false emergencies')).toBe(false);
  });

  it('When --aims names false emergencies and some categories, then only those danger aims block', () => {
    const blocks = aimFilter('emergencies,recall:suicide');
    expect(blocks('false emergencies')).toBe(true);
    expect(blocks('danger recall suicide')).toBe(true);
    expect(blocks('danger recall maltraitance')).toBe(false);
    expect(blocks('FAQ right')).toBe(false);
    expect(aimFilter('danger')('danger recall maltraitance')).toBe(true);
  });

  it('When an unknown group is named, then it says which exist', () => {
    expect(() => aimFilter('faq,fone')).toThrow(/unknown aims fone: faq, phone, danger, emergencies or recall:<category>/);
  });
});
