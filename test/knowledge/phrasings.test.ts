import * as path from 'node:path';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base';
import { evaluatePhrasings, FAQ_TARGET, loadPhrasingTable } from '../../src/knowledge/evaluation';
import { loadFaq } from '../../src/knowledge/load';
import { answeredIds } from '../../src/knowledge/schema';
import { DANGER_KINDS, DANGER_NUMBERS, detectDanger } from '../../src/safety/detect';
import { emergencyMessage, mentionsNumber } from '../../src/safety/messages';
import { ROOT } from './helpers';

describe('the phrasing table (same run as npm run eval:faq)', () => {
  const entries = loadFaq(ROOT);
  const knowledgeBase = createKnowledgeBase(entries);
  const table = loadPhrasingTable(path.join(__dirname, 'phrasings.yaml'));
  const report = evaluatePhrasings(table, {
    match: knowledgeBase.match,
    detectDanger,
    emergencyMessage: (signal) => emergencyMessage(signal),
    numbersFor: (kind) => DANGER_NUMBERS[kind],
    mentionsNumber,
    entryIds: new Set(entries.flatMap(answeredIds)),
  });

  it('is big enough to mean something: 60 FAQ phrasings, 10 of danger, some not-sure ones', () => {
    expect(table.faq.length).toBeGreaterThanOrEqual(60);
    expect(table.faq.filter(({ expect: expected }) => expected === 'notSure').length).toBeGreaterThanOrEqual(10);
    expect(table.danger.length).toBeGreaterThanOrEqual(10);
    expect(new Set(table.danger.map(({ danger }) => danger))).toEqual(new Set(DANGER_KINDS));
    expect(report.unknownIds).toEqual([]);
  });

  it(`answers at least ${FAQ_TARGET * 100} % of the FAQ phrasings right`, () => {
    expect(report.faq.share).toBeGreaterThanOrEqual(FAQ_TARGET);
  });

  it('gives the emergency answer to every danger phrasing', () => {
    expect(report.danger.misses).toEqual([]);
  });

  it('takes no ordinary phrasing for danger', () => {
    expect(report.notDanger.misses).toEqual([]);
  });
});
