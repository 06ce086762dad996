/** FAQ examples: the file a coordinator extends, and how the examples' vote and the matcher are combined. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runConfigChecks } from '../../src/config/configChecks';
import { faqExamplesCheck } from '../../src/knowledge/config-checks';
import { FAQ_UNANSWERED_FILE, loadFaqExamples, loadFaqUnanswered, parseFaqExamples, withExamples } from '../../src/knowledge/examples';
import { combine, createKnowledgeBase, decide, DEFAULT_COMBINATION_OPTIONS, type FaqMatch } from '../../src/knowledge/knowledge-base';
import { FAQ_FILE, loadFaq } from '../../src/knowledge/load';
import { answeredIds } from '../../src/knowledge/schema';
import type { ClassifierOpinion } from '../../src/understanding/classifier';
import type { ExampleVote } from '../../src/understanding/examples';
import { configErrorOf, entry, ROOT } from './helpers';

const answered = (match: FaqMatch): string => (match.kind === 'answer' ? match.entry.id : 'notSure');

function projectWithExamples(examples: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'faq-examples-'));
  mkdirSync(path.join(root, 'content', 'fr'), { recursive: true });
  writeFileSync(path.join(root, FAQ_FILE), readFileSync(path.join(ROOT, FAQ_FILE), 'utf8'));
  writeFileSync(path.join(root, 'content', 'fr', 'faq-examples.yaml'), examples);
  return root;
}

describe('the FAQ examples file', () => {
  it('When the shipped files are loaded, then every entry has its examples beside its questions', () => {
    const entries = loadFaq(ROOT);
    const shipped = loadFaqExamples(ROOT);
    // Examples may stay under the old id of an entry merged into another (its aliases).
    expect(new Set(Object.keys(shipped))).toEqual(new Set(entries.flatMap(answeredIds)));
    for (const faqEntry of entries) expect(faqEntry.examples?.length ?? 0).toBeGreaterThanOrEqual(10);
  });

  it('When an id is no FAQ entry, then the check names it', () => {
    const root = projectWithExamples('aah:\n  - "c quoi l aah"\naah_typo:\n  - "une autre"\n');
    const [result] = runConfigChecks(root, [faqExamplesCheck]);
    expect(result?.errors).toEqual([expect.stringMatching(/faq-examples\.yaml: aah_typo: "aah_typo" n’est pas une entrée de content\/fr\/faq\.yaml/)]);
  });

  it('When one example is under two entries, then the check says where the other is', () => {
    const error = configErrorOf(() => parseFaqExamples({ aah: ['Le même message'], pch: ['le meme message !'] }, 'faq-examples.yaml'));
    expect(error.lines.join('\n')).toMatch(/pch\[0\]: le même exemple est aussi sous "aah"/);
  });

  it('When an example is empty, then the check says a text is expected', () => {
    expect(configErrorOf(() => parseFaqExamples({ aah: ['  '] }, 'faq-examples.yaml')).lines.join('\n')).toMatch(/aah\[0\]: il faut un texte, pas un texte vide/);
  });

  it('When examples are added to an entry, then they come after those written in faq.yaml', () => {
    const [merged] = withExamples([entry({ id: 'jardin', examples: ['arroser le potager'] })], { jardin: ['mes tomates ont soif'] }, 'faq-examples.yaml');
    expect(merged?.examples).toEqual(['arroser le potager', 'mes tomates ont soif']);
  });
});

describe('the examples in the knowledge base', () => {
  const entries = [
    entry({ id: 'jardin', title: 'Comment arroser le jardin ?', questions: ['Arroser les tomates.', 'Quand arroser les fleurs ?'] }),
    entry({ id: 'velo', title: 'Comment réparer un vélo ?', questions: ['Mon vélo est cassé.', 'Réparer une roue de vélo.'] }),
  ];
  const examples = {
    jardin: ['mes salades ont soif en plein été', 'le potager sèche, il faut de l’eau aux salades', 'mes salades sont toutes sèches'],
    velo: ['la chaîne a sauté en descendant', 'le pneu est à plat, la chaîne grince', 'ma chaîne est rouillée'],
  };

  it('When a question is asked only in the words of the examples, then its entry answers (and not without them)', () => {
    const withThem = createKnowledgeBase(withExamples(entries, examples, 'faq-examples.yaml'));
    const without = createKnowledgeBase(entries);
    expect(answered(withThem.match('mes salades du potager ont soif, que faire ?'))).toBe('jardin');
    expect(answered(withThem.match('ma chaîne rouillée a sauté'))).toBe('velo');
    expect(answered(without.match('mes salades du potager ont soif, que faire ?'))).toBe('notSure');
  });

  it('When a message has fewer than three meaningful words, then the examples alone do not answer it (too little to vote on)', () => {
    // (The classifier sure and the examples agreeing answer two words: `shortAgreement`, off here.)
    const withThem = createKnowledgeBase(withExamples(entries, examples, 'faq-examples.yaml'), { shortAgreement: 0 });
    expect(answered(withThem.match('salades soif'))).toBe('notSure');
  });

  it('When the shipped FAQ is asked in everyday words its questions do not use, then the examples find the entry the matcher alone missed', () => {
    // (« je peux être payée pour m'occuper de mon fils » was the question here: since the leave and its
    // allowances are one entry, whose answer also answers it, the examples are split between the two.)
    const question = 'qui paie la dame qui vient laver ma mere le matin';
    expect(answered(createKnowledgeBase(loadFaq(ROOT), { strategy: 'combined' }).match(question))).toBe('pch_aide_humaine');
    expect(answered(createKnowledgeBase(loadFaq(ROOT), { strategy: 'matcher' }).match(question))).toBe('notSure');
  });
});

const vote = (label: string | undefined, share: number, coverage = 1): ExampleVote => ({
  ranked: label === undefined ? [] : [{ label, score: 1 }],
  share,
  closeness: 0,
  terms: 4,
  coverage,
});

/** No example near the message. */
const noVote = vote(undefined, 0, 0);
/** The matcher and the examples combined give nothing; the message is not written as in the base. */
const neither = { combined: null, written: false };

describe('combining the matcher and the examples', () => {
  const sure = (id: string) => ({ match: { kind: 'sure' as const, id, score: 1 }, written: false });
  const unsure = { match: { kind: 'unsure' as const, suggestions: [] }, written: false };
  const options = DEFAULT_COMBINATION_OPTIONS;

  it('When both agree, then that entry answers', () => {
    expect(combine(sure('aah'), vote('aah', 0.9), options)).toBe('aah');
  });

  it('When the matcher is sure and the examples clearly say another entry, then it is not sure', () => {
    expect(combine(sure('aah'), vote('pch', 0.9), options)).toBeNull();
  });

  it('When the matcher is sure and the examples barely say another entry, then the matcher answers', () => {
    expect(combine(sure('aah'), vote('pch', 0.9, 0.1), options)).toBe('aah');
    expect(combine(sure('aah'), vote(undefined, 0), options)).toBe('aah');
  });

  it('When the message is written as in the base, then its entry answers whatever the examples say', () => {
    expect(combine({ ...sure('mdph_delai'), written: true }, vote('mdph_demande', 0.9), options)).toBe('mdph_delai');
  });

  it('When the matcher is not sure, then only a clear vote of the examples answers', () => {
    expect(combine(unsure, vote('aah', 0.9), options)).toBe('aah');
    expect(combine(unsure, vote('aah', 0.4), options)).toBeNull();
    expect(combine(unsure, vote('aah', 0.9, 0.2), options)).toBeNull();
  });

  it('When a strategy is chosen, then only that reader decides', () => {
    expect(combine(sure('aah'), vote('pch', 0.9), { ...options, strategy: 'matcher' })).toBe('aah');
    expect(combine(sure('aah'), vote('pch', 0.9), { ...options, strategy: 'examples' })).toBe('pch');
  });
});

// firstCovers 1: the message is in the words of the classifier's first entry (see the stacked confidence).
const opinion = (ranked: Array<[string, number]>, terms = 5, known = 1, firstCovers = 1): ClassifierOpinion => ({
  ranked: ranked.map(([label, probability]) => ({ label, probability })),
  terms,
  known,
  firstCovers,
});

describe('the stacked confidence (shipped) decides on the classifier\'s first entry', () => {
  const options = DEFAULT_COMBINATION_OPTIONS;

  it('When the three readers agree on a likely entry, then it answers', () => {
    expect(decide({ opinion: opinion([['mdph_delai', 0.85], ['mdph_demande', 0.05]]), vote: vote('mdph_delai', 0.9, 0.8), matcherSure: 'mdph_delai' }, neither, options)).toEqual({ id: 'mdph_delai', also: null });
  });

  it('When nothing is clearly first and the examples say little of the message (« horaires du Carrefour »), then it is not sure', () => {
    expect(decide({ opinion: opinion([['amenagement_poste', 0.37], ['logement_adapte', 0.06]], 7, 1, 0.3), vote: vote('amenagement_poste', 0.73, 0.21), matcherSure: null }, neither, options)).toEqual({ id: null, also: null });
  });

  it('When the examples vote for another entry, then the same probability is no longer enough', () => {
    // A message partly in the first entry's words (firstCovers 0.6).
    const readings = opinion([['rqth', 0.6], ['aah', 0.3]], 6, 1, 0.6);
    expect(decide({ opinion: readings, vote: vote('rqth', 0.8, 0.6), matcherSure: null }, neither, options).id).toBe('rqth');
    expect(decide({ opinion: readings, vote: vote('pch', 0.8, 0.6), matcherSure: null }, neither, options).id).toBeNull();
  });

  it('When it answers and the second entry is likely too (two questions in one), then the second is offered', () => {
    expect(decide({ opinion: opinion([['rqth', 0.7], ['aah', 0.25]]), vote: vote('rqth', 0.8, 0.7), matcherSure: 'rqth' }, neither, options)).toEqual({ id: 'rqth', also: 'aah' });
  });

  it('When it vetoes (the other mode), then the thresholds answer only what it finds likely', () => {
    const veto = { ...options, confidenceMode: 'veto' as const, confidenceAnswer: 0.4 };
    const readings = opinion([['aesh', 0.7], ['pch', 0.1]], 5, 1, 0.4);
    expect(decide({ opinion: readings, vote: vote('aesh', 0.9, 0.8), matcherSure: null }, neither, veto).id).toBe('aesh');
    expect(decide({ opinion: readings, vote: vote('loisirs_sport', 1, 0.1), matcherSure: null }, neither, veto).id).toBeNull();
    // Below the thresholds (0.45 < sure 0.65), whatever the confidence: not sure.
    expect(decide({ opinion: opinion([['aesh', 0.45]]), vote: vote('aesh', 1, 1), matcherSure: 'aesh' }, neither, veto).id).toBeNull();
  });
});

describe('the thresholds (confidenceAnswer 0), then the two other readers', () => {
  const options = { ...DEFAULT_COMBINATION_OPTIONS, confidenceAnswer: 0 };

  it('When the classifier is sure, then its entry answers, whatever the others said', () => {
    expect(decide({ opinion: opinion([['mdph_delai', 0.9]]), vote: noVote, matcherSure: null }, neither, options)).toEqual({ id: 'mdph_delai', also: null });
    expect(decide({ opinion: opinion([['mdph_delai', 0.9]]), vote: noVote, matcherSure: null }, { combined: 'mdph_demande', written: false }, options)).toEqual({ id: 'mdph_delai', also: null });
  });

  it('When two entries hold nearly all its belief (two questions in one), then the likelier answers and the other is offered', () => {
    expect(decide({ opinion: opinion([['rqth', 0.55], ['aah', 0.4]]), vote: noVote, matcherSure: null }, neither, options)).toEqual({ id: 'rqth', also: 'aah' });
    expect(decide({ opinion: opinion([['rqth', 0.45], ['aah', 0.45]]), vote: noVote, matcherSure: null }, neither, options)).toEqual({ id: null, also: null });
  });

  it('When the classifier is not sure, then it is not sure (voted: the others answer only its first choice)', () => {
    expect(decide({ opinion: opinion([['aah', 0.5], ['pch', 0.1]]), vote: noVote, matcherSure: null }, { combined: 'aah', written: false }, options)).toEqual({ id: null, also: null });
    const voted = { ...options, strategy: 'voted' as const };
    expect(decide({ opinion: opinion([['aah', 0.5], ['pch', 0.1]]), vote: noVote, matcherSure: null }, { combined: 'aah', written: false }, voted)).toEqual({ id: 'aah', also: null });
    expect(decide({ opinion: opinion([['aah', 0.5], ['pch', 0.1]]), vote: noVote, matcherSure: null }, { combined: 'pch', written: false }, voted)).toEqual({ id: null, also: null });
  });

  it('When the message has too few words, or words it never saw, then the matcher and the examples answer, not the classifier', () => {
    expect(decide({ opinion: opinion([['aah', 0.95]], 2), vote: noVote, matcherSure: null }, neither, options)).toEqual({ id: null, also: null });
    expect(decide({ opinion: opinion([['aah', 0.95]], 5, 0.2), vote: noVote, matcherSure: null }, neither, options)).toEqual({ id: null, also: null });
    expect(decide({ opinion: opinion([['aah', 0.95]], 2), vote: noVote, matcherSure: null }, { combined: 'pch', written: false }, options)).toEqual({ id: 'pch', also: null });
  });

  it('When the nearest examples clearly say another entry than the classifier (dissent on), then it is not sure', () => {
    const sure = opinion([['aesh', 0.9], ['garde_enfant', 0.05]]);
    const dissent = { ...options, dissentShare: 0.6, dissentCoverage: 0.1 };
    expect(decide({ opinion: sure, vote: vote('loisirs_sport', 0.7, 0.5), matcherSure: null }, neither, dissent)).toEqual({ id: null, also: null });
    // Its second entry, a weak vote or a vote on a small part of the message: the classifier answers.
    expect(decide({ opinion: sure, vote: vote('garde_enfant', 0.7, 0.5), matcherSure: null }, neither, dissent)).toEqual({ id: 'aesh', also: null });
    expect(decide({ opinion: sure, vote: vote('loisirs_sport', 0.4, 0.5), matcherSure: null }, neither, dissent)).toEqual({ id: 'aesh', also: null });
    expect(decide({ opinion: sure, vote: vote('loisirs_sport', 0.7, 0.05), matcherSure: null }, neither, dissent)).toEqual({ id: 'aesh', also: null });
  });

  it('When dissent is off (the shipped setting), then the sure classifier answers whatever the examples vote', () => {
    expect(options.dissentShare).toBe(0);
    const sure = opinion([['aesh', 0.9], ['garde_enfant', 0.05]]);
    expect(decide({ opinion: sure, vote: vote('loisirs_sport', 0.7, 0.5), matcherSure: null }, neither, options)).toEqual({ id: 'aesh', also: null });
  });

  it('When the message is written as in the base, then its entry answers', () => {
    expect(decide({ opinion: opinion([['mdph_demande', 0.9]]), vote: noVote, matcherSure: null }, { combined: 'mdph_delai', written: true }, options)).toEqual({ id: 'mdph_delai', also: null });
  });

  it('When another strategy is chosen, then the classifier is not asked', () => {
    expect(decide({ opinion: opinion([['aah', 0.99]]), vote: noVote, matcherSure: null }, { combined: 'pch', written: false }, { ...options, strategy: 'combined' })).toEqual({ id: 'pch', also: null });
  });
});

describe('the written messages no entry answers (content/fr/faq-unanswered.yaml)', () => {
  it('When the file is read, then every message is a distinct non-empty text; a message written twice is refused', () => {
    const texts = loadFaqUnanswered(process.cwd());
    expect(texts.length).toBeGreaterThan(100);
    expect(new Set(texts.map((text) => text.toLowerCase())).size).toBe(texts.length);
    const dir = mkdtempSync(path.join(tmpdir(), 'unanswered-'));
    mkdirSync(path.join(dir, 'content', 'fr'), { recursive: true });
    writeFileSync(path.join(dir, FAQ_UNANSWERED_FILE), '- "le menu de la cantine"\n- "Le menu de la cantine"\n');
    expect(() => loadFaqUnanswered(dir)).toThrow();
    expect(loadFaqUnanswered(path.join(dir, 'nowhere'))).toEqual([]);
  });
});
