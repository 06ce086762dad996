/** The changes of the knowledge base (content/fr/faq.yaml), by entry: « FAQ « aah » : answer modifié ». */
import { changedLeaves, leavesOf, parseQuietly } from './leaves';

type Entry = { id?: unknown; title?: unknown } & Record<string, unknown>;

function entriesOf(text: string | undefined): Map<string, Entry> {
  const data = parseQuietly(text) as { entries?: unknown } | undefined;
  const list = Array.isArray(data?.entries) ? (data.entries as Entry[]) : [];
  return new Map(list.map((entry, index) => [typeof entry?.id === 'string' ? entry.id : `#${index + 1}`, entry]));
}

export function faqDiff(before: string | undefined, after: string | undefined): string[] {
  const [old, next] = [entriesOf(before), entriesOf(after)];
  const ids = [...new Set([...old.keys(), ...next.keys()])];
  return ids.flatMap((id) => {
    const [a, b] = [old.get(id), next.get(id)];
    if (a === undefined) return [`FAQ « ${id} » ajoutée : ${String(b?.title ?? '')}`];
    if (b === undefined) return [`FAQ « ${id} » retirée : ${String(a.title ?? '')}`];
    const fields = [...new Set(changedLeaves(leavesOf(a), leavesOf(b)).map((change) => change.path.split('.')[0] ?? change.path))];
    return fields.length === 0 ? [] : [`FAQ « ${id} » : ${fields.join(', ')} modifié`];
  });
}
