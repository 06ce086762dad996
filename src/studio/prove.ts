/**
 * The seam of the proof: publishing calls a `prove(config)` handed in and refuses a configuration with
 * blocking findings. The static proof of the flow (src/studio/proof/, another change) plugs in here;
 * until then the configuration's own checks (run before prove, at every compile) are the proof.
 */
import type { AppConfig } from '../config/appConfig';

export interface ProofFinding {
  /** A blocking finding stops the publication. */
  blocking: boolean;
  /** In plain French, for the coordinator. */
  message: string;
  /** Where to fix it (a path in the configuration), when known. */
  field?: string;
}

export type Prove = (config: AppConfig) => readonly ProofFinding[];

/** The configuration's checks passed already (they run at every compile): nothing more to say. */
export const checksOnly: Prove = () => [];
