/**
 * What changed between two versions, in French, file by file (one module per kind of data), and
 * which parts of the service a change touches (who may make it: src/studio/permissions.ts).
 */
import type { ConfigFiles } from '../configFiles';
import { directoryDiff, directoryTouched } from './directory';
import { faqDiff } from './faq';
import { flowDiff } from './flow';
import { promptsDiff } from './prompts';
import { safetyDiff, safetyNumbersChanged } from './safety';
import { territoriesDiff, territoriesTouched } from './territories';

export const TERRITORIES_PATH = 'config/territories.yaml';
export const DIRECTORY_PATH = 'config/directory.yaml';
export const FLOW_PATH = 'flows/voice.yaml';
export const VOICE_PROMPTS_PATH = 'prompts/fr/voice.yaml';
export const CHAT_PROMPTS_PATH = 'prompts/fr/chat.yaml';
export const FAQ_PATH = 'content/fr/faq.yaml';
export const SAFETY_PATH = 'content/fr/safety.yaml';

type FileDiff = (before: string | undefined, after: string | undefined) => string[];

const DIFF_BY_FILE: Record<string, FileDiff> = {
  [TERRITORIES_PATH]: territoriesDiff,
  [DIRECTORY_PATH]: directoryDiff,
  [FLOW_PATH]: flowDiff,
  [VOICE_PROMPTS_PATH]: (a, b) => promptsDiff('téléphone', a, b),
  [CHAT_PROMPTS_PATH]: (a, b) => promptsDiff('chat', a, b),
  [FAQ_PATH]: faqDiff,
  [SAFETY_PATH]: safetyDiff,
};

function changedPaths(before: ConfigFiles, after: ConfigFiles): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort().filter((path) => before[path] !== after[path]);
}

export function versionDiff(before: ConfigFiles, after: ConfigFiles): string[] {
  return changedPaths(before, after).flatMap((path) => {
    const diff = DIFF_BY_FILE[path];
    if (diff) return diff(before[path], after[path]);
    if (before[path] === undefined) return [`Fichier ${path} ajouté`];
    if (after[path] === undefined) return [`Fichier ${path} retiré`];
    return [`Fichier ${path} modifié`];
  });
}

/** A part of the service a change touches: a département's entry, or a national part. */
export type Scope = { territory: string } | { part: 'national' | 'flow' | 'prompts' | 'faq' | 'safety' | 'other' };

export function touchedScopes(before: ConfigFiles, after: ConfigFiles): Scope[] {
  return changedPaths(before, after).flatMap((path): Scope[] => {
    if (path === TERRITORIES_PATH) return territoriesTouched(before[path], after[path]).map((code) => (code === 'national' ? { part: 'national' } : { territory: code }));
    if (path === DIRECTORY_PATH) {
      // Its organisations' départements; a change that names none (comments, a file that does not read) is national.
      const codes = directoryTouched(before[path], after[path]);
      return codes.length > 0 ? codes.map((code) => ({ territory: code })) : [{ part: 'other' }];
    }
    if (path === FLOW_PATH) return [{ part: 'flow' }];
    if (path === VOICE_PROMPTS_PATH || path === CHAT_PROMPTS_PATH) return [{ part: 'prompts' }];
    if (path === FAQ_PATH) return [{ part: 'faq' }];
    if (path === SAFETY_PATH) return [{ part: 'safety' }];
    return [{ part: 'other' }];
  });
}

/** Does the change give other emergency numbers (two national admins needed)? */
export function changesSafetyNumbers(before: ConfigFiles, after: ConfigFiles): boolean {
  return before[SAFETY_PATH] !== after[SAFETY_PATH] && safetyNumbersChanged(before[SAFETY_PATH], after[SAFETY_PATH]);
}
