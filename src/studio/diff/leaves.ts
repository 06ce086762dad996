/**
 * The shared tool of the diffs: a YAML value flattened to its leaves (`gather.timeoutSeconds` → 8),
 * and leaves compared. Each kind of data says in its own module how a change reads in French.
 */
import { parse } from 'yaml';

export type Leaves = ReadonlyMap<string, string>;

/** The file's data, or undefined when it is not YAML (the checks say why; the diff stays quiet). */
export function parseQuietly(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A leaf as a person reads it: texts as they are, lists joined, the rest as JSON. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

/** Every leaf of a value by its dotted path; a list of plain values is one leaf. */
export function leavesOf(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  const isPlainList = Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null);
  if (value !== null && typeof value === 'object' && !isPlainList) {
    for (const [key, child] of Object.entries(value)) leavesOf(child, prefix === '' ? key : `${prefix}.${key}`, into);
  } else if (prefix !== '') {
    into.set(prefix, shown(value));
  }
  return into;
}

export interface LeafChange {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

/** The leaves added, removed or changed, in the order of their paths. */
export function changedLeaves(before: Leaves, after: Leaves): LeafChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.flatMap((path) => (before.get(path) === after.get(path) ? [] : [{ path, before: before.get(path), after: after.get(path) }]));
}

/** « a → b », « ajouté : b », « retiré : a ». */
export function arrow(change: LeafChange, none = '(rien)'): string {
  if (change.before === undefined) return `ajouté : ${change.after ?? none}`;
  if (change.after === undefined) return `retiré : ${change.before}`;
  return `${change.before || none} → ${change.after || none}`;
}
