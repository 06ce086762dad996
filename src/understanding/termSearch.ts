/**
 * MiniSearch's OR search over a message's terms, each term's results kept. What one term finds (the
 * same word, words it begins, words a typo or two away; BM25 per field) depends on the index only,
 * so a term met before costs a lookup instead of a walk of the index for its typos. The results are
 * `index.search(terms.join(' '))`'s, to the bit: the terms' scores summed in the query's order, times
 * the number of terms that found the document (MiniSearch's « quality »), the same `queryTerms`, and
 * the same order, ties included (a term's documents in the order MiniSearch met them, told by its
 * `boostDocument` callback). Checked against MiniSearch itself in test/understanding/termSearch.test.ts.
 * Documents are numbered as they are first found, so that adding a message's scores up is plain arrays.
 */
import { LRUCache } from 'lru-cache';
import type MiniSearch from 'minisearch';

export interface TermSearchResult<Id> {
  id: Id;
  score: number;
  /** The query's terms that found the document, in the query's order. */
  queryTerms: string[];
}

/** `search(terms, limit)`: the first `limit` results of `index.search(terms.join(' '))` (OR), the terms as the index's own. */
export type TermSearch<Id> = (terms: readonly string[], limit?: number) => Array<TermSearchResult<Id>>;

/** Terms whose results are kept: far more than a day's distinct words, a few megabytes at most. */
const KEPT_TERMS = 5_000;

/** One term's documents (by number) and scores, in the order MiniSearch adds them up. */
interface TermResults {
  documents: Int32Array;
  scores: Float64Array;
  /** The same documents, in increasing order (to tell whether the term found one). */
  sorted: Int32Array;
}

export function createTermSearch<Id>(index: Pick<MiniSearch, 'search'>): TermSearch<Id> {
  const kept = new LRUCache<string, TermResults>({ max: KEPT_TERMS });
  const ids: Id[] = [];
  const numbers = new Map<Id, number>();
  const numberOf = (id: Id): number => {
    let number = numbers.get(id);
    if (number === undefined) {
      number = ids.length;
      ids.push(id);
      numbers.set(id, number);
    }
    return number;
  };

  function termResults(term: string): TermResults {
    let results = kept.get(term);
    if (results === undefined) {
      const met = new Map<Id, number>();
      const boostDocument = (id: Id): number => {
        if (!met.has(id)) met.set(id, met.size);
        return 1;
      };
      const found = index.search(term, { boostDocument, combineWith: 'OR' }).sort((a, b) => (met.get(a.id as Id) ?? 0) - (met.get(b.id as Id) ?? 0));
      const documents = Int32Array.from(found, (r) => numberOf(r.id as Id));
      results = { documents, scores: Float64Array.from(found, (r) => r.score), sorted: documents.slice().sort() };
      kept.set(term, results);
    }
    return results;
  }

  return (words, limit = Infinity) => {
    const terms = words.filter((term) => term !== '');
    const each = terms.map(termResults);
    const sums = new Float64Array(ids.length);
    const counts = new Uint16Array(ids.length);
    const seen = new Uint8Array(ids.length);
    /** The documents in the order they were first found (MiniSearch's order before sorting). */
    const order: number[] = [];
    const counted = new Set<string>();
    each.forEach(({ documents, scores }, t) => {
      // A term said twice adds its scores twice but counts once, as in MiniSearch.
      const first = !counted.has(terms[t] as string);
      counted.add(terms[t] as string);
      for (let k = 0; k < documents.length; k++) {
        const d = documents[k] as number;
        if (seen[d] === 0) {
          seen[d] = 1;
          order.push(d);
          sums[d] = scores[k] as number;
          counts[d] = 1;
        } else {
          sums[d] = (sums[d] as number) + (scores[k] as number);
          if (first) counts[d] = (counts[d] as number) + 1;
        }
      }
    });
    for (const d of order) sums[d] = (sums[d] as number) * ((counts[d] as number) || 1);
    return firstBest(order, sums, limit).map((d) => ({
      id: ids[d] as Id,
      score: sums[d] as number,
      queryTerms: [...counted].filter((term) => includes((each[terms.indexOf(term)] as TermResults).sorted, d)),
    }));
  };
}

/**
 * The first `limit` of `order` sorted by score, best first, ties in `order`'s order (what a stable
 * sort would give): each document goes after those at least as good, in one pass kept `limit` long.
 */
function firstBest(order: readonly number[], scores: Float64Array, limit: number): number[] {
  const byScore = (a: number, b: number): number => (scores[b] as number) - (scores[a] as number);
  if (limit >= order.length) return [...order].sort(byScore);
  const best: number[] = [];
  for (const d of order) {
    const score = scores[d] as number;
    if (best.length === limit && score <= (scores[best[limit - 1] as number] as number)) continue;
    let at = best.length;
    while (at > 0 && (scores[best[at - 1] as number] as number) < score) at--;
    best.splice(at, 0, d);
    if (best.length > limit) best.pop();
  }
  return best;
}

/** Whether `sorted` (increasing) holds `value`: a binary search. */
function includes(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle] as number;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
