/** The checks of the files this module reads, for `npm run config:check` (listed in src/config/configChecks.ts). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ConfigCheck } from '../config/configCheck';
import { ConfigError } from '../config/configError';
import { displayName, yamlLineFinder } from '../config/yamlFile';
import { plainFrenchProblems } from '../config/plainFrench';
import { LEXICON_FILE, loadLexiconFile } from '../understanding/lexicon';
import { FAQ_EXAMPLES_FILE, loadFaqExamplesFile, withExamples } from './examples';
import { FAQ_FILE, loadFaqFile } from './load';

/**
 * content/fr/faq.yaml: every entry well formed, ids and phrasings unique, sources official; every
 * answer in plain French (short sentences, each acronym explained at its first use: the glossary is
 * content/fr/lexicon.yaml beside it).
 */
export const faqCheck: ConfigCheck = {
  name: 'faq',
  files: (rootDir) => [path.join(rootDir, FAQ_FILE)],
  check: (file) => {
    const entries = loadFaqFile(file);
    const rootDir = path.resolve(path.dirname(file), '..', '..');
    const { acronyms } = loadLexiconFile(path.join(rootDir, LEXICON_FILE));
    const lineOf = yamlLineFinder(readFileSync(file, 'utf8'));
    const problems = entries.flatMap((entry, index) =>
      plainFrenchProblems(entry.answer, { acronyms }).map((message) => {
        const line = lineOf(['entries', index, 'answer']);
        return { path: `entries[${index}].answer (${entry.id})`, message, ...(line === undefined ? {} : { line }) };
      }),
    );
    if (problems.length > 0) throw new ConfigError(displayName(file), problems);
  },
};

/** content/fr/faq-examples.yaml: well formed, every id an entry of faq.yaml beside it, each example under one entry. */
export const faqExamplesCheck: ConfigCheck = {
  name: 'faq examples',
  files: (rootDir) => [path.join(rootDir, FAQ_EXAMPLES_FILE)],
  check: (file) => {
    const examples = loadFaqExamplesFile(file);
    let entries;
    try {
      entries = loadFaqFile(path.join(path.dirname(file), path.basename(FAQ_FILE)));
    } catch (error) {
      // The FAQ's own problems are the FAQ check's: said once.
      if (error instanceof ConfigError) return;
      throw error;
    }
    withExamples(entries, examples, displayName(file));
  },
};
