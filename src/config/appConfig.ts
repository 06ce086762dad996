/** Everything a coordinator edits, loaded and checked together: territories, the voice flow, prompts. */
import { join } from 'node:path';
import { loadVoiceFlow } from '../flows/load';
import type { VoiceFlow } from '../flows/schema';
import { PromptCatalog } from '../prompts/catalog';
import { ConfigError } from './configError';
import { loadTerritories } from '../territories/load';
import type { TerritoriesConfig } from '../territories/schema';
import { voicePromptKeys } from '../voice/promptKeys';

export const VOICE_PROMPTS_FILE = join('prompts', 'fr', 'voice.yaml');

export interface AppConfig {
  territories: TerritoriesConfig;
  flow: VoiceFlow;
  prompts: PromptCatalog;
}

/** Every prompt the flow needs exists (a missing sentence is found at start, never mid-call). */
export function checkVoicePrompts(flow: VoiceFlow, prompts: PromptCatalog, file: string): void {
  const missing = voicePromptKeys(flow).filter((key) => !prompts.has(key));
  if (missing.length > 0) {
    throw new ConfigError(file, missing.map((key) => ({ path: key, message: 'missing sentence: the voice flow says it' })));
  }
}

export function loadAppConfig(configDir: string): AppConfig {
  const territories = loadTerritories(join(configDir, 'config'));
  const flow = loadVoiceFlow(configDir);
  const prompts = PromptCatalog.load(configDir, VOICE_PROMPTS_FILE);
  checkVoicePrompts(flow, prompts, join(configDir, VOICE_PROMPTS_FILE));
  return { territories, flow, prompts };
}
