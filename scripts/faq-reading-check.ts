/**
 * The FAQ's whole reading (`explain`, what the chat's `match` calls) on every text we may use, against
 * a reference recorded before a change, and its CPU per message against another checkout's (ratio in
 * one process, alternate rounds). A tool for changes to the reading machinery that must leave every
 * decision as it was (never the test or fresh splits).
 *
 *   npx tsx scripts/faq-reading-check.ts record <file.json>     the reference, from this checkout
 *   npx tsx scripts/faq-reading-check.ts check <file.json>      every reading equal (numbers to 1e-9)
 *   npx tsx scripts/faq-reading-check.ts bench <other checkout> CPU per message, this one over the other
 *   node --import tsx --cpu-prof scripts/faq-reading-check.ts read    this checkout's reading alone, ROUNDS times (to profile)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { confidence, CONFIDENCE_WEIGHTS } from '../src/knowledge/confidence';
import { createKnowledgeBase, readingsOf, type KnowledgeBase, type MatchExplanation } from '../src/knowledge/knowledge-base';
import { loadFaqUnanswered } from '../src/knowledge/examples';
import { loadFaq } from '../src/knowledge/load';
import { frenchAnalyser } from '../src/understanding/analyse';
import type { FaqEntry } from '../src/knowledge/schema';

const ROOT = path.join(__dirname, '..');

/** Every text: the base's own, the tuning split's, the unanswered ones, the chat tests' strings, and variants. */
function texts(entries: readonly FaqEntry[]): string[] {
  const own = entries.flatMap((e) => [e.title, ...e.questions, ...(e.examples ?? []), ...(e.keywords ?? [])]);
  const tuning = (parse(readFileSync(path.join(ROOT, 'test/understanding/tuning/faq.yaml'), 'utf8')) as Array<{ text: string }>).map((item) => item.text);
  const unanswered = loadFaqUnanswered(ROOT);
  const phrasings = JSON.stringify(parse(readFileSync(path.join(ROOT, 'test/knowledge/phrasings.yaml'), 'utf8'))).match(/"[^"]{3,}"/g) ?? [];
  const chatFiles = readdirSync(path.join(ROOT, 'test/chat')).filter((f) => f.endsWith('.ts')).map((f) => path.join(ROOT, 'test/chat', f));
  const literals = [...chatFiles, path.join(ROOT, 'bench/chatLoad.ts')].flatMap((file) => readFileSync(file, 'utf8').match(/(['"`])(?:(?!\1)[^\\\n]|\\.){4,200}\1/g) ?? []).map((s) => s.slice(1, -1));
  const base = [...own, ...tuning, ...unanswered, ...phrasings.map((s) => s.slice(1, -1)), ...literals];
  // Variants: each clause alone, a typo in the longest word (swap, drop), a word dropped.
  const variants = base.flatMap((text) => {
    const clauses = text.split(/[.?!,;]/).map((s) => s.trim()).filter((s) => s.length > 2);
    const words = text.split(/\s+/);
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    const at = Math.floor(longest.length / 2);
    const swapped = longest.length > 4 ? text.replace(longest, longest.slice(0, at - 1) + longest[at] + longest[at - 1] + longest.slice(at + 1)) : text;
    const dropped = longest.length > 4 ? text.replace(longest, longest.slice(0, at) + longest.slice(at + 1)) : text;
    const shorter = words.length > 2 ? words.filter((_, i) => i !== 1).join(' ') : text;
    return [...(clauses.length > 1 ? clauses : []), swapped, dropped, shorter];
  });
  return [...new Set([...base, ...variants])];
}

/** Everything the reading decides and measures, entries as ids. */
function reading(kb: KnowledgeBase, text: string): unknown {
  const e: MatchExplanation = kb.explain(text);
  const m = e.match;
  return {
    ...e,
    match: m.kind === 'answer' ? { kind: m.kind, entry: m.entry.id, score: m.score, also: m.also?.id ?? null } : { kind: m.kind, suggestions: m.suggestions.map((s) => s.id) },
    confidence: confidence(readingsOf(e), CONFIDENCE_WEIGHTS),
  };
}

function differences(a: unknown, b: unknown, at: string, out: string[]): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (!(a === b || Math.abs(a - b) <= 1e-9)) out.push(`${at}: ${a} ≠ ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${at}: length ${a.length} ≠ ${b.length}`);
    else a.forEach((x, i) => differences(x, b[i], `${at}[${i}]`, out));
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out);
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
}

type Create = typeof createKnowledgeBase;

function cpuPerMessage(kb: KnowledgeBase, all: readonly string[]): number {
  const start = process.cpuUsage();
  for (const text of all) kb.explain(text);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / all.length;
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const entries = loadFaq(ROOT);
  const all = texts(entries);
  if (mode === 'record' || mode === 'check') {
    const kb = createKnowledgeBase(entries);
    // Twice: the second reading with the caches warm must be the same as the first.
    const first = all.map((text) => [text, reading(kb, text)] as const);
    const second = all.map((text) => [text, reading(kb, text)] as const);
    const out: string[] = [];
    differences(first, second, 'warm', out);
    if (mode === 'record') {
      writeFileSync(file!, JSON.stringify(first));
      console.log(`${all.length} readings recorded in ${file}; answered ${first.filter(([, r]) => (r as { match: { kind: string } }).match.kind === 'answer').length}`);
    } else {
      const reference = JSON.parse(readFileSync(file!, 'utf8')) as unknown;
      differences(reference, JSON.parse(JSON.stringify(first)), 'reading', out);
      console.log(out.length === 0 ? `${all.length} readings identical to the reference` : out.slice(0, 40).join('\n') + `\n${out.length} differences`);
      if (out.length > 0) process.exitCode = 1;
    }
    return;
  }
  if (mode === 'read') {
    const kb = createKnowledgeBase(entries);
    for (let round = 0; round < Number(process.env.ROUNDS ?? 6); round++) console.log(`round ${round}: ${cpuPerMessage(kb, all).toFixed(0)} µs/message`);
    return;
  }
  if (mode === 'bench') {
    const other = path.resolve(file!);
    const before = ((await import(path.join(other, 'src/knowledge/knowledge-base.ts'))) as { createKnowledgeBase: Create }).createKnowledgeBase;
    const otherAnalyser = ((await import(path.join(other, 'src/understanding/analyse.ts'))) as { frenchAnalyser: typeof frenchAnalyser }).frenchAnalyser;
    const old = before(entries, { analyser: otherAnalyser() });
    const now = createKnowledgeBase(entries);
    const rounds = Number(process.env.ROUNDS ?? 6);
    const times = { before: [] as number[], after: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      // Alternate which goes first.
      const order: Array<['before' | 'after', KnowledgeBase]> = round % 2 === 0 ? [['before', old], ['after', now]] : [['after', now], ['before', old]];
      for (const [name, kb] of order) times[name].push(cpuPerMessage(kb, all));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`${all.length} messages, ${rounds} rounds (first round warms the caches)`);
    console.log(`before: ${times.before.map((t) => t.toFixed(0)).join(' ')} µs/message; median ${median(times.before.slice(1)).toFixed(0)}`);
    console.log(`after:  ${times.after.map((t) => t.toFixed(0)).join(' ')} µs/message; median ${median(times.after.slice(1)).toFixed(0)}`);
    console.log(`after / before: ${(median(times.after.slice(1)) / median(times.before.slice(1))).toFixed(3)}`);
    return;
  }
  console.error('usage: record <file> | check <file> | bench <other checkout>');
  process.exitCode = 2;
}

void main();
