/**
 * The changes of the directory (config/directory.yaml) in French, one line each, by organisation:
 * « 44 : ajout de « SESSAD Les Lilas » », « 35 : téléphone de « ESAT de Rennes » changé »,
 * « 44 : offre « Répit » de « Plateforme » changée (disponibilité) ». And the départements touched
 * (a coordinator changes the organisations of their own territories only).
 */
import { changedLeaves, leavesOf, parseQuietly } from './leaves';

type Entry = { id?: unknown; name?: unknown; label?: unknown; territory?: unknown; offers?: unknown } & Record<string, unknown>;

const FIELD_NAMES: Record<string, string> = {
  name: 'nom',
  territory: 'département',
  commune: 'commune',
  'contact.phone': 'téléphone',
  'contact.email': 'e-mail',
  'contact.web': 'site web',
  hours: 'horaires',
  source: 'source',
};

const OFFER_FIELD_NAMES: Record<string, string> = {
  type: 'type',
  label: 'nom',
  needs: 'besoins',
  public: 'personnes accueillies',
  zone: 'zone',
  commune: 'commune',
  hours: 'horaires',
  availability: 'disponibilité',
};

function byId(list: unknown): Map<string, Entry> {
  const entries = Array.isArray(list) ? (list as Entry[]) : [];
  return new Map(entries.map((entry, index) => [typeof entry?.id === 'string' ? entry.id : `#${index + 1}`, entry]));
}

function organisationsOf(text: string | undefined): Map<string, Entry> {
  return byId((parseQuietly(text) as { organisations?: unknown } | undefined)?.organisations);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const codeOf = (entry: Entry) => String(entry.territory ?? '?');

/** The top fields that differ, named in French (the first part of each changed path). */
function changedFields(before: Entry, after: Entry, names: Record<string, string>): string[] {
  const paths = changedLeaves(leavesOf(before), leavesOf(after)).map((change) => change.path);
  const fields = paths.map((path) => Object.keys(names).find((name) => path === name || path.startsWith(`${name}.`)) ?? path.split('.')[0] ?? path);
  return [...new Set(fields)].map((field) => names[field] ?? field);
}

function offerLines(code: string, name: string, before: Entry, after: Entry): string[] {
  const [old, next] = [byId(before.offers), byId(after.offers)];
  return [...new Set([...old.keys(), ...next.keys()])].flatMap((id) => {
    const [a, b] = [old.get(id), next.get(id)];
    if (a === undefined) return [`${code} : ajout de l’offre « ${String(b?.label ?? id)} » à « ${name} »`];
    if (b === undefined) return [`${code} : retrait de l’offre « ${String(a.label ?? id)} » de « ${name} »`];
    if (same(a, b)) return [];
    return [`${code} : offre « ${String(b.label ?? id)} » de « ${name} » changée (${changedFields(a, b, OFFER_FIELD_NAMES).join(', ')})`];
  });
}

function organisationLines(before: Entry, after: Entry): string[] {
  const code = codeOf(after);
  const name = String(after.name ?? after.id);
  const { offers: _a, ...restBefore } = before;
  const { offers: _b, ...restAfter } = after;
  const fields = same(restBefore, restAfter) ? [] : changedFields(restBefore, restAfter, FIELD_NAMES);
  const lines = fields.map((field) => (field === 'nom' ? `${code} : nom de « ${String(before.name)} » changé en « ${name} »` : `${code} : ${field} de « ${name} » changé`));
  return [...lines, ...offerLines(code, name, before, after)];
}

export function directoryDiff(before: string | undefined, after: string | undefined): string[] {
  const [old, next] = [organisationsOf(before), organisationsOf(after)];
  return [...new Set([...old.keys(), ...next.keys()])].flatMap((id) => {
    const [a, b] = [old.get(id), next.get(id)];
    if (a === undefined && b !== undefined) return [`${codeOf(b)} : ajout de « ${String(b.name ?? id)} »`];
    if (b === undefined && a !== undefined) return [`${codeOf(a)} : retrait de « ${String(a.name ?? id)} »`];
    return a === undefined || b === undefined || same(a, b) ? [] : organisationLines(a, b);
  });
}

/** The départements of the organisations added, removed or changed (both, for one moved). */
export function directoryTouched(before: string | undefined, after: string | undefined): string[] {
  const [old, next] = [organisationsOf(before), organisationsOf(after)];
  const codes = [...new Set([...old.keys(), ...next.keys()])].flatMap((id) => {
    const [a, b] = [old.get(id), next.get(id)];
    return same(a, b) ? [] : [a, b].flatMap((entry) => (entry === undefined ? [] : [codeOf(entry)]));
  });
  return [...new Set(codes)].sort();
}
