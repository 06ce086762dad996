/**
 * Edits of config/directory.yaml made on its text: organisations put (added or replaced) and removed
 * by id, the rest of the file (its header, comments, layout) kept as it was. An organisation written
 * here takes the shipped file's style: small maps and lists of plain values on one line.
 */
import { Document, isMap, isNode, isScalar, isSeq, parseDocument, Scalar, visit, type Node } from 'yaml';
import type { Organisation } from './schema';

export interface DirectoryEdit {
  put?: readonly Organisation[];
  remove?: readonly string[];
}

const isPlain = (node: unknown) => isScalar(node) || (isSeq(node) && node.items.every((item) => isScalar(item)));

/** Ids, codes and keys stay plain; names, dates and numbers in double quotes. */
const PLAIN_WORD = /^[a-z][a-z0-9_-]*$/i;

/** Maps of plain values and lists of plain values on one line, texts quoted, as in the shipped file. */
function shippedStyle(node: Node): Node {
  visit(node, {
    Scalar: (_key, scalar) => {
      if (typeof scalar.value === 'string' && !PLAIN_WORD.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
    Map: (_key, map) => {
      if (map.items.every((pair) => isPlain(pair.value))) map.flow = true;
    },
    Seq: (_key, seq) => {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  return node;
}

function idOf(item: unknown): string | undefined {
  const id = isMap(item) ? item.get('id') : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** One organisation as an item of the list, indented as in the shipped file. */
function itemText(organisation: Organisation): string {
  const document = new Document([organisation]);
  if (document.contents) shippedStyle(document.contents);
  return document
    .toString({ lineWidth: 0 })
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

/**
 * The text with `edit` applied: the items of the list kept are kept as written, character for
 * character; a replaced one is written again in its place, a new one at the end. Throws when the
 * text is not a directory (its checks say why).
 */
export function editDirectoryYaml(text: string, edit: DirectoryEdit): string {
  const document = parseDocument(text);
  const organisations = document.get('organisations', true);
  if (document.errors.length > 0 || !isSeq(organisations) || organisations.items.length === 0) throw new Error('config/directory.yaml is not a directory: no list of organisations');
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset) + 1;
  const starts = organisations.items.map((item) => lineStart(isNode(item) && item.range ? item.range[0] : 0));
  const removed = new Set(edit.remove ?? []);
  const replaced = new Map((edit.put ?? []).map((organisation) => [organisation.id, organisation]));
  const kept = organisations.items.map((item, index) => {
    const id = idOf(item) ?? '';
    if (removed.has(id)) return '';
    const organisation = replaced.get(id);
    replaced.delete(id);
    const segment = text.slice(starts[index], starts[index + 1] ?? text.length);
    return organisation === undefined ? (segment.endsWith('\n') ? segment : `${segment}\n`) : itemText(organisation);
  });
  return text.slice(0, starts[0]) + kept.join('') + [...replaced.values()].map(itemText).join('');
}
