/** The checks of the files this module reads, for `npm run config:check` (listed in src/config/configChecks.ts). */
import * as path from 'node:path';
import type { ConfigCheck } from '../config/configChecks';
import { FAQ_FILE, loadFaqFile } from './load';
import { loadLocalResourcesFile, LOCAL_RESOURCES_FILE } from './local-resources';

/** content/fr/faq.yaml: every entry well formed, ids and phrasings unique, sources official. */
export const faqCheck: ConfigCheck = {
  name: 'faq',
  files: (rootDir) => [path.join(rootDir, FAQ_FILE)],
  check: (file) => {
    loadFaqFile(file);
  },
};

/** config/local-resources.yaml: one entry per département, phone numbers and e-mails well formed or null. */
export const localResourcesCheck: ConfigCheck = {
  name: 'local resources',
  files: (rootDir) => [path.join(rootDir, LOCAL_RESOURCES_FILE)],
  check: (file) => {
    loadLocalResourcesFile(file);
  },
};
