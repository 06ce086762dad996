import * as path from 'node:path';
import { readOutOfFold, decideAgain } from '../src/knowledge/crossValidation';
import { DEFAULT_COMBINATION_OPTIONS } from '../src/knowledge/knowledge-base';
import { loadFaq } from '../src/knowledge/load';
import { answeredIds } from '../src/knowledge/schema';
import * as fs from 'node:fs';
const entries = loadFaq(path.resolve(__dirname, '..'));
const answers = new Map(entries.map((e) => [e.id, answeredIds(e)]));
const byText = new Map(entries.flatMap((e) => (e.examples ?? []).map((t) => [t, e.id] as const)));
const { rows } = readOutOfFold(entries, 5, {});
const out: string[] = [];
for (const { label, explanation: x } of rows) {
  const got = decideAgain(x, DEFAULT_COMBINATION_OPTIONS);
  const ok = got !== null && (answers.get(got) ?? [got]).includes(label!);
  if (ok) continue;
  out.push(`${got === null ? 'UNSURE' : 'WRONG'} ${label} got ${got} | clf ${x.opinion.ranked.slice(0, 2).map((r) => `${r.label} ${r.probability.toFixed(2)}`).join(', ')} known ${x.opinion.known.toFixed(2)} | [${x.terms.join(' ')}]`);
}
fs.writeFileSync('/tmp/faqrun/cv-fails.txt', out.join('\n'));
console.log(out.length);
