/**
 * The static proof of a draft configuration, which blocks publishing: the call flow (no trap, 0 to a
 * human at every menu), the needs (by keys and by speech), the menus (five choices at most), the
 * sentences (voice and chat), the territories (a target, hours or a closed behaviour), the safety
 * numbers. Pure: nothing is stored or sent. Also run by `npm run config:check`.
 */
import type { AppConfig } from '../../config/appConfig';
import { provePrompts, proveSafety, proveTerritories } from './contentProof';
import { blocking, FLOW_FILE, inFile, SAFETY_FILE, TERRITORIES_FILE, VOICE_PROMPTS, type Finding, type FieldPointer, type ProofCheck } from './finding';
import { proveFlow } from './flowProof';
import { proveMenuSizes, proveNeeds } from './needsProof';
import { playedFlow } from './playedFlow';

export type { Finding, FieldPointer, ProofCheck } from './finding';
export { locationOf } from './finding';

/** A part that cannot even be read is a finding too, never an exception. */
function guarded(check: ProofCheck, field: FieldPointer, part: () => Finding[]): Finding[] {
  try {
    return part();
  } catch {
    return [blocking(check, 'Une partie manque ou est mal écrite : elle ne peut pas être vérifiée.', field)];
  }
}

export function proveConfig(config: AppConfig): Finding[] {
  const flow = inFile(FLOW_FILE);
  return [
    ...guarded('flow', flow, () => proveFlow(config)),
    ...guarded('needs', flow, () => proveNeeds(config, playedFlow(config))),
    ...guarded('menus', flow, () => proveMenuSizes(config)),
    ...guarded('prompts', inFile(VOICE_PROMPTS), () => provePrompts(config)),
    ...guarded('territories', inFile(TERRITORIES_FILE), () => proveTerritories(config)),
    ...guarded('safety', inFile(SAFETY_FILE), () => proveSafety(config)),
  ];
}

/** True when nothing blocks publishing. */
export function isProved(findings: readonly Finding[]): boolean {
  return findings.every((finding) => !finding.blocking);
}
