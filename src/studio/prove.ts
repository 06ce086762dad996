/**
 * The seam of the proof: publishing calls a `prove(config)` and refuses a configuration with blocking
 * findings. By default it is the static proof of src/studio/proof/ (the configuration's own checks
 * ran before, at every compile); a test may hand in another.
 */
import type { AppConfig } from '../config/appConfig';
import { locationOf, proveConfig } from './proof';

export interface ProofFinding {
  /** A blocking finding stops the publication. */
  blocking: boolean;
  /** In plain French, for the coordinator. */
  message: string;
  /** Where to fix it (a path in the configuration), when known. */
  field?: string;
}

export type Prove = (config: AppConfig) => readonly ProofFinding[];

/** The static proof (no trap, 0 to a human, needs reachable, menus, prompts, territories, safety numbers). */
export const staticProof: Prove = (config) =>
  proveConfig(config).map((finding) => {
    const { file, path } = locationOf(finding.field);
    return { blocking: finding.blocking, message: finding.message, field: [file, ...path].join(' › ') };
  });
