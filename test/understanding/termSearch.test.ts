/** Each term's MiniSearch results kept: the same results as MiniSearch's own search, to the bit and in its order. */
import MiniSearch from 'minisearch';
import { frenchAnalyser } from '../../src/understanding/analyse';
import { createTermSearch } from '../../src/understanding/termSearch';
import { faqExamples } from '../../src/knowledge/knowledge-base';
import { loadFaq } from '../../src/knowledge/load';
import { ROOT } from '../knowledge/helpers';

const analyser = frenchAnalyser();
const allowedEdits = (term: string): number => (term.length < 5 ? 0 : term.length < 9 ? 1 : 2);

/** An index as the readers build theirs: the base's examples, many short documents alike (ties). */
function exampleIndex(): MiniSearch<{ id: number; terms: string }> {
  const index = new MiniSearch<{ id: number; terms: string }>({
    fields: ['terms'],
    tokenize: (text) => text.split(' ').filter((term) => term !== ''),
    processTerm: (term) => term,
    searchOptions: { prefix: (term) => term.length >= 4, fuzzy: (term) => allowedEdits(term) || false, maxFuzzy: 2, combineWith: 'OR', boost: { terms: 1.5 } },
  });
  const texts = loadFaq(ROOT).flatMap(faqExamples).map(({ text }) => analyser.terms(text).join(' ')).filter((terms) => terms !== '');
  index.addAll(texts.map((terms, id) => ({ id, terms })));
  return index;
}

const MESSAGES = [
  "c'est quoi l'aah",
  'alocation adulte handicapé',
  'ou en est mon dossier a la mpdh',
  'combien de temps pour avoir une réponse de la maison du handicap',
  "qui paie le taxi de mon enfant pour l'école",
  'transprot scolaire college',
  'mdph',
  'demand',
  'zkqx wvpt',
  'je veux arrêter de travailler pour m occuper de ma mère, elle a besoin de moi tous les jours',
];

describe('each term’s results kept', () => {
  const index = exampleIndex();
  const search = createTermSearch<number>(index);

  it('When messages are searched, then the results are MiniSearch’s own: ids in order, scores, query terms', () => {
    for (const message of MESSAGES) {
      const terms = [...new Set(analyser.terms(message))];
      const expected = index.search(terms.join(' ')).map((r) => ({ id: r.id as number, score: r.score, queryTerms: r.queryTerms }));
      // Twice: the second time from the kept results.
      expect(search(terms)).toEqual(expected);
      expect(search(terms)).toEqual(expected);
      expect(search(terms, 7)).toEqual(expected.slice(0, 7));
    }
  });

  it('When the same terms come in another order, then the results are still MiniSearch’s for that order', () => {
    const terms = [...new Set(analyser.terms('le dossier mdph de mon fils est en retard'))].reverse();
    expect(search(terms)).toEqual(index.search(terms.join(' ')).map((r) => ({ id: r.id as number, score: r.score, queryTerms: r.queryTerms })));
  });

  it('When a term is said twice, then its scores count twice and the term once, as in MiniSearch', () => {
    const terms = ['mdph', 'dossi', 'mdph'];
    expect(search(terms)).toEqual(index.search(terms.join(' ')).map((r) => ({ id: r.id as number, score: r.score, queryTerms: r.queryTerms })));
  });

  it('When there are no terms, then nothing is found', () => {
    expect(search([])).toEqual([]);
    expect(search([''])).toEqual([]);
  });
});
