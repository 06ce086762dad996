/**
 * The checks of every file a coordinator edits, run by `npm run config:check` (and by anything that
 * publishes a configuration): territories, the voice flow, the voice prompts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadVoiceFlow, VOICE_FLOW_FILE } from '../flows/load';
import type { VoiceFlow } from '../flows/schema';
import { directoryCheck } from '../directory/load';
import { faqCheck, faqExamplesCheck } from '../knowledge/config-checks';
import { PromptCatalog } from '../prompts/catalog';
import { safetyMessagesCheck } from '../safety/config-check';
import { observatorySettingsCheck } from '../observatory/settings';
import { wrapUpCodesCheck } from '../advisors/wrapUpCodes';
import { loadTerritoriesFile, TERRITORIES_FILE_NAME } from '../territories/load';
import { LEXICON_FILE, loadLexiconFile } from '../understanding/lexicon';
import { loadPhoneExamplesFile, PHONE_EXAMPLES_FILE } from '../understanding/phoneExamples';
import { CHAT_PROMPTS_FILE, checkVoicePrompts, VOICE_PROMPTS_FILE } from './appConfig';
import { ConfigError, ConfigProblems } from './configError';
import { displayName, yamlLineFinder } from './yamlFile';
import { proofCheck } from '../studio/proof/configCheck';
import { plainFrenchProblems } from './plainFrench';
import type { ConfigCheck } from './configCheck';

export type { ConfigCheck } from './configCheck';

export interface ConfigCheckResult {
  check: string;
  file: string;
  /** [] when the file is valid; else one line per problem, naming file, path and what was expected. */
  errors: string[];
}

export const territoriesCheck: ConfigCheck = {
  name: 'territories',
  files: (rootDir) => [path.join(rootDir, 'config', TERRITORIES_FILE_NAME)],
  check: (file) => {
    loadTerritoriesFile(file);
  },
};

export const voiceFlowCheck: ConfigCheck = {
  name: 'voice flow',
  files: (rootDir) => [path.join(rootDir, VOICE_FLOW_FILE)],
  check: (file) => {
    loadVoiceFlow(path.dirname(path.dirname(file)));
  },
};

/** Every sentence of a prompt file in plain French: short, each acronym explained (glossary: content/fr/lexicon.yaml); each problem with its line. */
function checkPlainPrompts(rootDir: string, prompts: PromptCatalog, file: string): void {
  const { acronyms } = loadLexiconFile(path.join(rootDir, LEXICON_FILE));
  const lineOf = yamlLineFinder(readFileSync(file, 'utf8'));
  const problems = prompts.keys().flatMap((key) =>
    plainFrenchProblems(prompts.text(key, placeholderValues(prompts, key)), { acronyms }).map((message) => ({ path: key, message, ...lineAt(lineOf(key.split('.'))) })),
  );
  if (problems.length > 0) throw new ConfigError(displayName(file), problems);
}

/** A problem's line, when the file has the field. */
function lineAt(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** A placeholder counts as one word (« {hours} »). */
function placeholderValues(prompts: PromptCatalog, key: string): Record<string, string> {
  return Object.fromEntries(prompts.placeholders(key).map((name) => [name, name]));
}

/** The flow, if it is valid (its problems are the flow check's: said once). */
function flowIfValid(rootDir: string): VoiceFlow | null {
  try {
    return loadVoiceFlow(rootDir);
  } catch (error) {
    if (error instanceof ConfigError) return null;
    throw error;
  }
}

/** The sentences, in plain French, and that every key the voice flow says exists (needs a valid flow beside it). */
export const voicePromptsCheck: ConfigCheck = {
  name: 'voice prompts',
  files: (rootDir) => [path.join(rootDir, VOICE_PROMPTS_FILE)],
  check: (file) => {
    const rootDir = path.resolve(path.dirname(file), '..', '..');
    const prompts = PromptCatalog.load(rootDir, VOICE_PROMPTS_FILE);
    const flow = flowIfValid(rootDir);
    if (flow !== null) checkVoicePrompts(flow, prompts, file);
    checkPlainPrompts(rootDir, prompts, file);
  },
};

/** The chat's own wording, in plain French. */
export const chatPromptsCheck: ConfigCheck = {
  name: 'chat prompts',
  files: (rootDir) => [path.join(rootDir, CHAT_PROMPTS_FILE)],
  check: (file) => {
    const rootDir = path.resolve(path.dirname(file), '..', '..');
    checkPlainPrompts(rootDir, PromptCatalog.load(rootDir, CHAT_PROMPTS_FILE), file);
  },
};

/** content/fr/lexicon.yaml: the words the understanding adds to the French packages. */
export const lexiconCheck: ConfigCheck = {
  name: 'lexicon',
  files: (rootDir) => [path.join(rootDir, LEXICON_FILE)],
  check: (file) => {
    loadLexiconFile(file);
  },
};

/** content/fr/phone-examples.yaml: what callers say at the menus, per need, profile, and to reach a person. */
export const phoneExamplesCheck: ConfigCheck = {
  name: 'phone examples',
  files: (rootDir) => [path.join(rootDir, PHONE_EXAMPLES_FILE)],
  check: (file) => {
    loadPhoneExamplesFile(file);
  },
};

export const CONFIG_CHECKS: readonly ConfigCheck[] = [
  territoriesCheck,
  voiceFlowCheck,
  voicePromptsCheck,
  chatPromptsCheck,
  faqCheck,
  faqExamplesCheck,
  lexiconCheck,
  phoneExamplesCheck,
  directoryCheck,
  safetyMessagesCheck,
  observatorySettingsCheck,
  wrapUpCodesCheck,
  // Last: it reads every file above together.
  proofCheck,
];

function errorLines(file: string, error: unknown): string[] {
  if (error instanceof ConfigError || error instanceof ConfigProblems) return [...error.lines];
  return [`${file}: ${error instanceof Error ? error.message : String(error)}`];
}

/** Runs every check on every file it owns; never throws. */
export function runConfigChecks(rootDir: string, toRun: readonly ConfigCheck[] = CONFIG_CHECKS): ConfigCheckResult[] {
  const results: ConfigCheckResult[] = [];
  for (const check of toRun) {
    for (const file of check.files(rootDir)) {
      const shownAs = path.relative(process.cwd(), file) || file;
      try {
        check.check(file);
        results.push({ check: check.name, file: shownAs, errors: [] });
      } catch (error) {
        results.push({ check: check.name, file: shownAs, errors: errorLines(shownAs, error) });
      }
    }
  }
  return results;
}
