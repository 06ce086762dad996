/**
 * The understanding check (npm run eval:understanding) on the tuning split, as a jest test: the same
 * deps as the script. Floors are the figures reached on the tuning split, kept from going back.
 * The test split is never read here: only the script runs it and prints its aggregate figures.
 */
import * as path from 'node:path';
import { aimFilter, channelDeps } from '../../scripts/eval-understanding';
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
