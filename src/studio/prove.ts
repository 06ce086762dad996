/**
 * The proof's findings as the studio's API gives them: publishing refuses a version with a blocking
 * finding. The proof itself runs in the proof worker (proofPool.ts); `npm run config:check` runs the
 * same proof in its own process (src/studio/proof/configCheck.ts).
 */
import { locationOf, type Finding } from './proof';

export interface ProofFinding {
  /** A blocking finding stops the publication. */
  blocking: boolean;
  /** In plain French, for the coordinator. */
  message: string;
  /** Where to fix it (a path in the configuration), when known. */
  field?: string;
}

/** A finding of the static proof (no trap, 0 to a human, needs reachable, menus, prompts, territories, safety numbers), for the API. */
export function proofFindingOf(finding: Finding): ProofFinding {
  const { file, path } = locationOf(finding.field);
  return { blocking: finding.blocking, message: finding.message, field: [file, ...path].join(' › ') };
}
