/** The changes of a prompt file: « Phrase du téléphone « welcome » : ancien texte → nouveau texte ». */
import { arrow, changedLeaves, leavesOf, parseQuietly } from './leaves';

export function promptsDiff(channel: 'téléphone' | 'chat', before: string | undefined, after: string | undefined): string[] {
  return changedLeaves(leavesOf(parseQuietly(before)), leavesOf(parseQuietly(after))).map((change) => `Phrase du ${channel} « ${change.path} » : ${arrow(change)}`);
}
