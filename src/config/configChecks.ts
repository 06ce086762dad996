/**
 * The checks of every file a coordinator edits, run by `npm run config:check` (and by anything that
 * publishes a configuration): territories, the voice flow, the voice prompts.
 */
import * as path from 'node:path';
import { loadVoiceFlow, VOICE_FLOW_FILE } from '../flows/load';
import { faqCheck, localResourcesCheck } from '../knowledge/config-checks';
import { PromptCatalog } from '../prompts/catalog';
import { safetyMessagesCheck } from '../safety/config-check';
import { observatorySettingsCheck } from '../observatory/settings';
import { loadTerritoriesFile, TERRITORIES_FILE_NAME } from '../territories/load';
import { checkVoicePrompts, VOICE_PROMPTS_FILE } from './appConfig';
import { ConfigError } from './configError';

export interface ConfigCheck {
  /** Short name, e.g. "territories", "flows", "prompts". */
  name: string;
  /** The files this check validates under the project root. */
  files(rootDir: string): string[];
  /** Throws — a ConfigError, ideally — when the file is not valid. */
  check(file: string): void;
}

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

/** The sentences, and that every key the voice flow says exists (needs a valid flow beside it). */
export const voicePromptsCheck: ConfigCheck = {
  name: 'voice prompts',
  files: (rootDir) => [path.join(rootDir, VOICE_PROMPTS_FILE)],
  check: (file) => {
    const rootDir = path.resolve(path.dirname(file), '..', '..');
    const prompts = PromptCatalog.load(rootDir, VOICE_PROMPTS_FILE);
    checkVoicePrompts(loadVoiceFlow(rootDir), prompts, file);
  },
};

export const CONFIG_CHECKS: readonly ConfigCheck[] = [
  territoriesCheck,
  voiceFlowCheck,
  voicePromptsCheck,
  faqCheck,
  localResourcesCheck,
  safetyMessagesCheck,
  observatorySettingsCheck,
];

function errorLines(file: string, error: unknown): string[] {
  if (error instanceof ConfigError) return error.lines;
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
