/**
 * Everything a coordinator edits, loaded and checked together from one folder (CONFIG_DIR): territories
 * and the directory of actors and offers (config/), the voice flow (flows/), the sentences (prompts/), the knowledge base and
 * emergency answers (content/). The pages and the code ship with the package, never with this folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadVoiceFlow } from '../flows/load';
import type { VoiceFlow } from '../flows/schema';
import { PromptCatalog } from '../prompts/catalog';
import { ConfigError } from './configError';
import { loadTerritories } from '../territories/load';
import type { TerritoriesConfig } from '../territories/schema';
import { voicePromptKeys } from '../voice/promptKeys';
import { loadFaq } from '../knowledge/load';
import { loadDirectory } from '../directory/load';
import type { Directory } from '../directory/schema';
import type { FaqEntry } from '../knowledge/schema';
import { loadSafetyMessagesFile, SAFETY_MESSAGES_FILE, safetyPrompts, type SafetyMessages } from '../safety';
import { loadObservatorySettings, OBSERVATORY_FILE, type ObservatorySettings } from '../observatory/settings';
import { loadWrapUpCodes, WRAP_UP_FILE, type WrapUpCode } from '../advisors/wrapUpCodes';

/** The folders of CONFIG_DIR, all of them and only them. */
export const COORDINATOR_FOLDERS = ['config', 'flows', 'prompts', 'content'] as const;

export const VOICE_PROMPTS_FILE = join('prompts', 'fr', 'voice.yaml');
export const CHAT_PROMPTS_FILE = join('prompts', 'fr', 'chat.yaml');

export interface AppConfig {
  territories: TerritoriesConfig;
  flow: VoiceFlow;
  /** What callers hear. */
  prompts: PromptCatalog;
  /** The chat's own wording, read over `prompts`. */
  chatPrompts: PromptCatalog;
  faq: readonly FaqEntry[];
  /** The directory of actors and offers (config/directory.yaml): coordinators edit it through the studio, version by version. */
  directory: Directory;
  safetyMessages: SafetyMessages;
  /** The observatory's labels and N3 reasons (config/observatory.yaml). */
  observatory: ObservatorySettings;
  /** The national wrap-up codes (config/wrap-up-codes.yaml). */
  wrapUpCodes: readonly WrapUpCode[];
}

/** Every prompt the flow needs exists (a missing sentence is found at start, never mid-call). */
export function checkVoicePrompts(flow: VoiceFlow, prompts: PromptCatalog, file: string): void {
  const missing = voicePromptKeys(flow).filter((key) => !prompts.has(key));
  if (missing.length > 0) {
    throw new ConfigError(file, missing.map((key) => ({ path: key, message: 'phrase manquante : le parcours téléphonique la dit' })));
  }
}

/** A folder of CONFIG_DIR is missing: say which, and what the folder must hold, before any file. */
function checkCoordinatorFolders(configDir: string): void {
  const missing = COORDINATOR_FOLDERS.filter((folder) => !existsSync(join(configDir, folder)));
  if (missing.length > 0) {
    throw new ConfigError(
      configDir,
      missing.map((folder) => ({ path: `${folder}/`, message: `missing folder: CONFIG_DIR holds ${COORDINATOR_FOLDERS.map((f) => `${f}/`).join(', ')}` })),
    );
  }
}

export function loadAppConfig(configDir: string): AppConfig {
  checkCoordinatorFolders(configDir);
  const territories = loadTerritories(join(configDir, 'config'));
  const flow = loadVoiceFlow(configDir);
  const safetyMessages = loadSafetyMessagesFile(join(configDir, SAFETY_MESSAGES_FILE));
  // The phone's danger sentences live with the chat's, in content/fr/safety.yaml.
  const prompts = PromptCatalog.load(configDir, VOICE_PROMPTS_FILE).overlaidWith(safetyPrompts(safetyMessages));
  checkVoicePrompts(flow, prompts, join(configDir, VOICE_PROMPTS_FILE));
  return {
    territories,
    flow,
    prompts,
    chatPrompts: PromptCatalog.load(configDir, CHAT_PROMPTS_FILE),
    faq: loadFaq(configDir),
    directory: loadDirectory(configDir),
    safetyMessages,
    observatory: loadObservatorySettings(join(configDir, OBSERVATORY_FILE)),
    wrapUpCodes: loadWrapUpCodes(join(configDir, WRAP_UP_FILE)),
  };
}
