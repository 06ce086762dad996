/**
 * The changes of the safety messages (content/fr/safety.yaml), and whether a number changed: the
 * numbers dialled and every number a sentence gives. Such a change needs a second national admin.
 */
import { arrow, changedLeaves, leavesOf, parseQuietly } from './leaves';

export function safetyDiff(before: string | undefined, after: string | undefined): string[] {
  return changedLeaves(leavesOf(parseQuietly(before)), leavesOf(parseQuietly(after))).map((change) => `Message de sécurité « ${change.path} » : ${arrow(change)}`);
}

/** Every number of 2 digits or more, by leaf (« le 3 114 » is 3114). */
function numbersOf(text: string | undefined): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const [path, value] of leavesOf(parseQuietly(text))) {
    const found = value.replace(/(\d) (?=\d)/g, '$1').match(/\+?\d{2,}/g) ?? [];
    numbers.set(path, [...found].sort().join(','));
  }
  return numbers;
}

export function safetyNumbersChanged(before: string | undefined, after: string | undefined): boolean {
  return changedLeaves(numbersOf(before), numbersOf(after)).length > 0;
}
