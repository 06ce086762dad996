import { createKnowledgeBase, type FaqMatch } from '../../src/knowledge/knowledge-base';
import { loadFaq } from '../../src/knowledge/load';
import { entry, ROOT } from './helpers';

const answered = (match: FaqMatch): string => (match.kind === 'answer' ? match.entry.id : 'notSure');

describe('the shipped knowledge base', () => {
  const knowledgeBase = createKnowledgeBase(loadFaq(ROOT));

  it('answers a plain question, with typos and without accents', () => {
    expect(answered(knowledgeBase.match("comment on fait pour avoir l'allocation adulte handicapé"))).toBe('aah');
    expect(answered(knowledgeBase.match('alocation adulte handicape'))).toBe('aah');
    expect(answered(knowledgeBase.match('laah'))).toBe('aah');
    expect(answered(knowledgeBase.match('ou en est mon dossier a la mpdh'))).toBe('mdph_delai');
  });

  it('repairs typos but leaves the words of its examples as they are', () => {
    // « reste à charge » is not « changer », « perdu » is not « permis »: words, not typos.
    expect(knowledgeBase.explain('le reste à charge est trop élevé').terms).toContain('charg');
    expect(knowledgeBase.explain('il perd ses droits').terms).toContain('perd');
    expect(knowledgeBase.explain('ou en est mon dossier a la mpdh').terms).toContain('mdph');
  });

  it('reads a long story that leaves it unsure again from its question sentences, when asked to', () => {
    const story =
      "Je suis éducateur en SAVS depuis dix ans et j'accompagne un monsieur de 45 ans. Il travaille en entreprise depuis longtemps. Pour le renouvellement de la RQTH d'un usager, le formulaire complet est-il nécessaire ou existe-t-il une procédure simplifiée ?";
    const withoutQuestions = knowledgeBase.explain(story);
    const explained = createKnowledgeBase(loadFaq(ROOT), { readQuestions: true }).explain(story);
    expect(withoutQuestions.match.kind).toBe('notSure');
    expect(answered(explained.match)).toBe('mdph_renouvellement');
    expect(explained.readPart).toContain('renouvellement de la RQTH');
  });

  it("When a message of two known words is about the writer's own job or an everyday thing no entry is about, then it is « not sure », and its twin about the pupil's right is answered", () => {
    const ownJob = 'je suis aesh depuis 4 ans, quand est-ce que je passe en CDI ?';
    expect(knowledgeBase.explain(ownJob).opinion.terms).toBe(2);
    expect(knowledgeBase.explain(ownJob).ownJob).toBe(true);
    expect(answered(knowledgeBase.match(ownJob))).toBe('notSure');
    expect(answered(knowledgeBase.match('apl coupées ??'))).toBe('notSure');
    expect(answered(knowledgeBase.match('une aesh pour mon fils'))).toBe('aesh');
  });

  it('answers two known words when the classifier is sure and the nearest examples say the same', () => {
    const text = "c possible d'avoir la rqth pour l'apprentissage ?";
    expect(knowledgeBase.explain(text).opinion.terms).toBe(2);
    expect(answered(createKnowledgeBase(loadFaq(ROOT), { shortAgreement: 0 }).match(text))).toBe('notSure');
    expect(answered(knowledgeBase.match(text))).toBe('rqth');
    // With an age it is three words (the FAQ reads ages): the classifier and the stacked confidence answer it.
    const withAge = "c possible d'avoir la rqth à 16 ans pour l'apprentissage ?";
    expect(knowledgeBase.explain(withAge).opinion.terms).toBe(3);
    expect(answered(knowledgeBase.match(withAge))).toBe('rqth');
  });

  it('gives its confidence with an answer', () => {
    const match = knowledgeBase.match('carte mobilité inclusion');
    expect(match).toEqual({ kind: 'answer', entry: knowledgeBase.get('cmi'), score: expect.any(Number) });
    expect(match.kind === 'answer' && match.score).toBeGreaterThan(0.5);
  });

  it.each(['bonjour', 'merci', 'merci beaucoup, bonne journée', 'ok', 'au revoir', 'salut'])('leaves chit-chat to the bot: %s', (text) => {
    expect(knowledgeBase.match(text)).toEqual({ kind: 'notSure', suggestions: [] });
  });

  it.each(['zkqx wvpt', 'recette du gâteau au chocolat', 'ma voiture est en panne', 'quel temps fera-t-il demain', 'comment faire une demande de passeport'])(
    'is not sure of nonsense or other subjects: %s',
    (text) => {
      expect(answered(knowledgeBase.match(text))).toBe('notSure');
    },
  );

  it('is not sure of one common word, and suggests the closest entries', () => {
    const match = knowledgeBase.match('aide');
    expect(match.kind).toBe('notSure');
    expect(match.kind === 'notSure' && match.suggestions.length).toBeGreaterThan(0);
  });

  it('lists and finds its entries', () => {
    expect(knowledgeBase.entries().length).toBeGreaterThanOrEqual(40);
    expect(knowledgeBase.get('pch')?.title).toMatch(/PCH/);
    expect(knowledgeBase.get('nope')).toBeUndefined();
  });
});

describe('the confidence threshold', () => {
  const entries = [
    entry({ id: 'velo', title: 'Comment réparer un vélo ?', questions: ['Mon vélo est cassé.', 'Réparer une roue de vélo.'] }),
    entry({ id: 'trottinette', title: 'Comment réparer une trottinette ?', questions: ['Ma trottinette est cassée.', 'Réparer une roue de trottinette.'] }),
    entry({ id: 'jardin', title: 'Comment arroser le jardin ?', questions: ['Arroser les tomates.', 'Quand arroser les fleurs ?'], keywords: ['arrosoir'] }),
  ];
  const knowledgeBase = createKnowledgeBase(entries);

  it('answers when one entry explains the question', () => {
    expect(answered(knowledgeBase.match('arroser mes tomates'))).toBe('jardin');
    expect(answered(knowledgeBase.match('mon velo est casse'))).toBe('velo');
  });

  it('offers both entries that explain the question as well (one answered, the other as « also »)', () => {
    // Since the tenth round the stacker reads how much of the message the first entry's own words
    // cover: a message both cover wholly is answered by the first, the second offered beside it.
    const match = knowledgeBase.match('réparer une roue cassée');
    const offered = match.kind === 'answer' ? [match.entry.id, match.also?.id] : match.suggestions.map((suggestion) => suggestion.id);
    expect([...offered].sort()).toEqual(['trottinette', 'velo']);
  });

  it('does not answer a question mostly about something else', () => {
    expect(answered(knowledgeBase.match('les tomates de mon voisin ont attrapé le mildiou cet été'))).toBe('notSure');
  });

  it("follows its matcher's options", () => {
    // The examples' vote alone would still answer (its own thresholds): the matcher is judged alone here.
    const strict = createKnowledgeBase(entries, { strategy: 'matcher', minCoverage: 0.99, strongEvidence: Number.POSITIVE_INFINITY });
    expect(answered(strict.match('arroser mes tomates avec du purin'))).toBe('notSure');
  });

  it('explains its decision', () => {
    const explanation = knowledgeBase.explain("l'arrosoir pour les tomates");
    expect(explanation).toMatchObject({ terms: ['arrosoir', 'tomat'], coverage: 1, onSubject: true, naming: 1, written: false });
    expect(explanation.ranked[0]?.id).toBe('jardin');
  });

  it('answers a phrasing written in the base with its entry, whatever the order of the words', () => {
    expect(knowledgeBase.explain('Les tomates, arroser ?')).toMatchObject({ written: true, match: { kind: 'answer', entry: { id: 'jardin' }, score: 1 } });
  });

  it('refuses two entries with one id', () => {
    expect(() => createKnowledgeBase([entries[0]!, entries[0]!])).toThrow(/share an id/);
  });
});
