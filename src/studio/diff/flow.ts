/** The changes of the voice flow (flows/voice.yaml): « Parcours vocal : gather.timeoutSeconds 8 → 10 ». */
import { arrow, changedLeaves, leavesOf, parseQuietly } from './leaves';

export function flowDiff(before: string | undefined, after: string | undefined): string[] {
  return changedLeaves(leavesOf(parseQuietly(before)), leavesOf(parseQuietly(after))).map((change) => `Parcours vocal : ${change.path} ${arrow(change)}`);
}
