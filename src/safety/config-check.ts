/** The check of content/fr/safety.yaml, for `npm run config:check` (listed in src/config/configChecks.ts). */
import * as path from 'node:path';
import type { ConfigCheck } from '../config/configCheck';
import { loadSafetyMessagesFile, SAFETY_MESSAGES_FILE } from './messages';

/** Every emergency sentence present, and each gives the numbers it must (112 and 114 always). */
export const safetyMessagesCheck: ConfigCheck = {
  name: 'safety messages',
  files: (rootDir) => [path.join(rootDir, SAFETY_MESSAGES_FILE)],
  check: (file) => {
    loadSafetyMessagesFile(file);
  },
};
