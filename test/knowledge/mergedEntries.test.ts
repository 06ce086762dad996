/**
 * Entries that people's questions cannot tell apart: merged into one whose answer answers them all
 * (the old ids are its `aliases`), or cross-linked (`seeAlso`: offered as buttons after the answer).
 */
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base';
import { evaluatePhrasings } from '../../src/knowledge/evaluation';
import { parseFaqExamples, withExamples } from '../../src/knowledge/examples';
import { loadFaq, parseFaq } from '../../src/knowledge/load';
import { answeredIds } from '../../src/knowledge/schema';
import { evaluateSplit } from '../../src/understanding/evaluation';
import { configErrorOf, entry, ROOT } from './helpers';

const FILE = 'content/fr/faq.yaml';

describe('the shipped merged entries', () => {
  const knowledgeBase = createKnowledgeBase(loadFaq(ROOT));

  it.each([
    ['ajpa', 'conge_proche_aidant', /AJPA \(allocation journalière du proche aidant\)/],
    ['ajpp', 'conge_proche_aidant', /AJPP \(allocation journalière de présence parentale\)/],
    ['plateformes_repit', 'aidant_droits', /plateforme de répit/],
    ['aeeh_complements', 'aeeh', /complément/],
  ])('When an old id (%s) is asked for, then the merged entry answers it, and its answer says what the old one did', (old, merged, says) => {
    const entry = knowledgeBase.get(old);
    expect(entry?.id).toBe(merged);
    expect(answeredIds(entry!)).toContain(old);
    expect(entry?.answer).toMatch(says);
  });

  it('When a question of a merged-in entry is asked, then the merged entry answers, and the phrasing check counts it right for the old id', () => {
    const table = { faq: [{ text: "C'est quoi l'AJPP ?", expect: 'ajpp' }, { text: "C'est quoi l'AJPA ?", expect: 'ajpa' }, { text: "C'est quoi l'AJPA ?", expect: 'aidant_droits' }], danger: [{ text: 'x', danger: 'suicide' as const }], notDanger: [] };
    const report = evaluatePhrasings(table, {
      match: knowledgeBase.match,
      detectDanger: () => null,
      emergencyMessage: () => '',
      numbersFor: () => [],
      mentionsNumber: () => false,
      entryIds: new Set(knowledgeBase.entries().flatMap(answeredIds)),
    });
    expect(report.unknownIds).toEqual([]);
    expect(report.faq.misses).toEqual([{ text: "C'est quoi l'AJPA ?", expected: 'aidant_droits', got: 'conge_proche_aidant' }]);
  });

  it('When the understanding check expects an old id, then the merged entry counts as right, and another entry as wrong', async () => {
    const faq = [{ text: 'a', expect: ['ajpa'] }, { text: 'b', expect: ['aeeh_complements'] }, { text: 'c', expect: ['ajpa'] }];
    const got: Record<string, string> = { a: 'conge_proche_aidant', b: 'aeeh', c: 'aeeh' };
    const report = await evaluateSplit(
      { faq, danger: [], benign: [], phone: [] },
      { faqAnswer: (text) => got[text] ?? null, faqAnswers: (id) => answeredIds(knowledgeBase.get(id)!), emergency: () => 'none', phone: () => null },
    );
    expect([report.faq.right, report.faq.wrong]).toEqual([2, 1]);
  });

  it('When an entry has siblings, then they are the entries offered, an old id resolved to its merged entry', () => {
    expect(knowledgeBase.seeAlso('aide_sociale_hebergement').map((e) => e.id)).toEqual(['etablissement_adulte']);
    const base = createKnowledgeBase([entry({ id: 'a', aliases: ['old_a'] }), entry({ id: 'b', seeAlso: ['old_a', 'a'], questions: ['Autre ?', 'Encore ?'] })]);
    expect(base.seeAlso('b').map((e) => e.id)).toEqual(['a']);
    expect(base.seeAlso('old_a')).toEqual([]);
  });
});

describe('config:check on aliases and siblings', () => {
  it('When a seeAlso names no entry nor alias, or the entry itself, then the file is refused with the path', () => {
    const error = configErrorOf(() => parseFaq({ entries: [entry({ id: 'a', seeAlso: ['nope', 'a'] })] }, FILE));
    expect(error.lines).toEqual([
      'content/fr/faq.yaml: entries[0].seeAlso[0]: "nope" n’est pas une entrée (ni un ancien identifiant) : vérifiez l’identifiant',
      'content/fr/faq.yaml: entries[0].seeAlso[1]: "a" est cette entrée elle-même',
    ]);
  });

  it('When an alias is an entry id or the alias of another entry, then the file is refused', () => {
    const error = configErrorOf(() => parseFaq({ entries: [entry({ id: 'a', aliases: ['b', 'old'] }), entry({ id: 'b', aliases: ['old'], questions: ['Autre ?', 'Encore ?'] })] }, FILE));
    expect(error.lines).toEqual([
      'content/fr/faq.yaml: entries[0].aliases[0]: "b" est déjà l’identifiant d’une entrée',
      'content/fr/faq.yaml: entries[1].aliases[0]: "old" est déjà un ancien identifiant de "a"',
    ]);
  });

  it('When examples are kept under an alias, then they go to the merged entry; under an unknown id, they are refused', () => {
    const entries = parseFaq({ entries: [entry({ id: 'a', aliases: ['old_a'], examples: ['un'] })] }, FILE);
    expect(withExamples(entries, parseFaqExamples({ a: ['deux'], old_a: ['trois'] }, 'ex.yaml'), 'ex.yaml')[0]?.examples).toEqual(['un', 'deux', 'trois']);
    const error = configErrorOf(() => withExamples(entries, parseFaqExamples({ unknown_id: ['quatre'] }, 'ex.yaml'), 'ex.yaml'));
    expect(error.lines).toEqual(['ex.yaml: unknown_id: "unknown_id" n’est pas une entrée de content/fr/faq.yaml (ni un ancien identifiant, aliases) : vérifiez l’identifiant']);
  });
});
