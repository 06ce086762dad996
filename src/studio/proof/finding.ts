/**
 * What the proof of a draft finds: blocking or not, a plain-French sentence for a coordinator, and
 * the field to change, so that a page can link to it and `npm run config:check` can name its line.
 */
import * as path from 'node:path';

export const PROOF_CHECKS = ['flow', 'human', 'needs', 'menus', 'prompts', 'territories', 'safety'] as const;
export type ProofCheck = (typeof PROOF_CHECKS)[number];

/** A field of a file of CONFIG_DIR (path inside the YAML), or a field of one territory. */
export type FieldPointer =
  | { kind: 'file'; file: string; path: ReadonlyArray<string | number> }
  | { kind: 'territory'; territory: string; key: string };

export interface Finding {
  check: ProofCheck;
  /** True: the draft may not be published. */
  blocking: boolean;
  /** Plain French (FALC), for a coordinator. */
  message: string;
  field: FieldPointer;
}

export const FLOW_FILE = path.join('flows', 'voice.yaml');
export const VOICE_PROMPTS = path.join('prompts', 'fr', 'voice.yaml');
export const CHAT_PROMPTS = path.join('prompts', 'fr', 'chat.yaml');
export const SAFETY_FILE = path.join('content', 'fr', 'safety.yaml');
export const TERRITORIES_FILE = path.join('config', 'territories.yaml');

export function inFile(file: string, ...fieldPath: Array<string | number>): FieldPointer {
  return { kind: 'file', file, path: fieldPath };
}

export function inTerritory(territory: string, key: string): FieldPointer {
  return { kind: 'territory', territory, key };
}

/** The file and the path inside it a pointer names (a territory's field is in config/territories.yaml). */
export function locationOf(field: FieldPointer): { file: string; path: ReadonlyArray<string | number> } {
  return field.kind === 'file' ? field : { file: TERRITORIES_FILE, path: ['territories', field.territory, field.key] };
}

export function blocking(check: ProofCheck, message: string, field: FieldPointer): Finding {
  return { check, blocking: true, message, field };
}

export function warning(check: ProofCheck, message: string, field: FieldPointer): Finding {
  return { check, blocking: false, message, field };
}
