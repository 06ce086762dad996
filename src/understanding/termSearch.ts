/**
 * MiniSearch's OR search over a message's terms, each term's results kept. What one term finds (the
 * same word, words it begins, words a typo or two away; BM25 per field) depends on the index only,
 * so a term met before costs a lookup instead of a walk of the index for its typos. The results are
 * `index.search(terms.join(' '))`'s, to the bit: the terms' scores summed in the query's order, times
 * the number of terms that found the document (MiniSearch's « quality »), the same `queryTerms`, and
 * the same order, ties included (a term's documents in the order MiniSearch met them, told by its
 * `boostDocument` callback). Checked against MiniSearch itself in test/understanding/termSearch.test.ts.
 */
import { LRUCache } from 'lru-cache';
import type MiniSearch from 'minisearch';

export interface TermSearchResult<Id> {
  id: Id;
  score: number;
  /** The query's terms that found the document, in the query's order. */
  queryTerms: string[];
}

/** Terms whose results are kept: far more than a day's distinct words, a few megabytes at most. */
const KEPT_TERMS = 5_000;

/** `search(terms)`: `index.search(terms.join(' '))` with OR; the terms as the index's own (no tokenizing or processing). */
export function createTermSearch<Id>(index: Pick<MiniSearch, 'search'>): (terms: readonly string[]) => Array<TermSearchResult<Id>> {
  const kept = new LRUCache<string, ReadonlyArray<readonly [Id, number]>>({ max: KEPT_TERMS });

  /** One term's documents and scores, in the order MiniSearch adds them up. */
  function termResults(term: string): ReadonlyArray<readonly [Id, number]> {
    let found = kept.get(term);
    if (found === undefined) {
      const met = new Map<Id, number>();
      const boostDocument = (id: Id): number => {
        if (!met.has(id)) met.set(id, met.size);
        return 1;
      };
      const results = index.search(term, { boostDocument, combineWith: 'OR' });
      found = results.map((r) => [r.id as Id, r.score] as const).sort((a, b) => (met.get(a[0]) ?? 0) - (met.get(b[0]) ?? 0));
      kept.set(term, found);
    }
    return found;
  }

  return (terms) => {
    const combined = new Map<Id, { score: number; queryTerms: string[] }>();
    for (const term of terms) {
      if (term === '') continue;
      for (const [id, score] of termResults(term)) {
        const existing = combined.get(id);
        if (existing === undefined) combined.set(id, { score, queryTerms: [term] });
        else {
          existing.score = existing.score + score;
          if (!existing.queryTerms.includes(term)) existing.queryTerms.push(term);
        }
      }
    }
    const results = [...combined].map(([id, { score, queryTerms }]) => ({ id, score: score * (queryTerms.length || 1), queryTerms }));
    return results.sort((a, b) => b.score - a.score);
  };
}
