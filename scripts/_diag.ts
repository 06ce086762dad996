import * as path from 'node:path';
import { createKnowledgeBase, faqTrainingExamples } from '/work/wt/faq/src/knowledge/knowledge-base';
import { loadFaq } from '/work/wt/faq/src/knowledge/load';
import { loadSplit } from '/work/wt/faq/src/understanding/evaluation';
import { frenchAnalyser } from '/work/wt/faq/src/understanding/analyse';
import { answeredIds } from '/work/wt/faq/src/knowledge/schema';
const root = '/work/wt/faq';
const entries = loadFaq(root);
const kb = createKnowledgeBase(entries);
const a = frenchAnalyser();
const vocab = new Set(entries.flatMap(faqTrainingExamples).flatMap((e) => a.terms(e.text)));
const answers = new Map(entries.map((e) => [e.id, answeredIds(e)]));
const items = loadSplit(path.join(root, 'test', 'understanding', 'tuning')).faq;
const unknownAll = new Map<string, number>();
const all = process.argv.includes('--all');
for (const { text, expect } of items) {
  const x = kb.explain(text);
  const got = x.match.kind === 'answer' ? x.match.entry.id : null;
  const ok = got === null ? expect.includes('none') : (answers.get(got) ?? [got]).some((id) => expect.includes(id));
  const status = got === null ? (ok ? 'RIGHT' : 'UNSURE') : ok ? 'RIGHT' : 'WRONG';
  const unknown = x.terms.filter((t) => !vocab.has(t));
  for (const u of unknown) unknownAll.set(u, (unknownAll.get(u) ?? 0) + 1);
  if (status === 'RIGHT' && !all) continue;
  console.log(`${status} exp ${expect.join('|')} got ${got}: ${text.slice(0, 200)}`);
  console.log(`   terms [${x.terms.join(' ')}]\n   unknown [${unknown.join(' ')}]`);
  console.log(`   clf ${x.opinion.ranked.slice(0, 3).map((r) => `${r.label} ${r.probability.toFixed(2)}`).join(', ')} | vote ${x.vote.ranked.slice(0, 2).map((r) => r.label).join(',')} share ${x.vote.share.toFixed(2)} cov ${x.vote.coverage.toFixed(2)} | matcher ${x.matcherSure}`);
}
console.log('unknown terms over tuning:', [...unknownAll].sort((p, q) => q[1] - p[1]).map(([t, n]) => `${t}:${n}`).join(' '));
