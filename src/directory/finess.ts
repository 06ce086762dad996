/**
 * Reading a CSV of establishments into directory organisations, all or nothing: the public FINESS
 * extract (« extraction des établissements », data.gouv.fr: a first line `finess;etalab;…`, then one
 * `structureet;…` line per establishment, no header, `geolocalisation;…` lines after), or a CSV with
 * a header line naming the same FINESS columns (plus a few of ours). Semicolon-separated, UTF-8 or
 * Latin-1. Every problem is reported with its line number, in French; one problem and nothing is
 * imported.
 */
import { parse } from 'csv-parse/sync';
import { DEPARTEMENT_CODE_PATTERN } from '../tickets/ref';
import { FINESS_CATEGORIES } from './finessCategories';
import { AGE_BANDS, OrganisationSchema, type Organisation } from './schema';

/** The columns of a `structureet` line of the FINESS extract, in order. */
export const FINESS_COLUMNS = [
  'structureet', 'nofinesset', 'nofinessej', 'rs', 'rslongue', 'complrs', 'compldistrib', 'numvoie', 'typvoie', 'voie',
  'compvoie', 'lieuditbp', 'commune', 'departement', 'libdepartement', 'ligneacheminement', 'telephone', 'telecopie',
  'categetab', 'libcategetab', 'categagretab', 'libcategagretab', 'siret', 'codeape', 'codemft', 'libmft', 'codesph',
  'libsph', 'dateouv', 'dateautor', 'datemaj', 'numuai',
] as const;

/** Columns of ours a CSV with a header may add: needs, ages and kinds of disability served (ids, separated by `,` or spaces), public e-mail, web site, hours. */
export const EXTRA_COLUMNS = ['besoins', 'ages', 'handicaps', 'email', 'site_web', 'horaires'] as const;

export interface ImportProblem {
  line: number;
  message: string;
}
export interface ImportedRow {
  line: number;
  organisation: Organisation;
  /** The category was not one whose meaning is clear: imported as `autre`, without needs. */
  unmapped: boolean;
}
export type CsvImport = { ok: true; rows: ImportedRow[] } | { ok: false; problems: ImportProblem[] };

/** FINESS writes the overseas départements 9A (971) … 9F (976). */
const OVERSEAS = { '9A': '971', '9B': '972', '9C': '973', '9D': '974', '9F': '976' } as Readonly<Record<string, string>>;

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function territoryOf(raw: string): string | null {
  const code = OVERSEAS[raw.toUpperCase()] ?? (raw.length === 1 ? `0${raw}` : raw.toUpperCase());
  return DEPARTEMENT_CODE_PATTERN.test(code) ? code : null;
}

/** "240000000", "0240000000", "02 40 00 00 00" → "02 40 00 00 00"; "" → null. */
function phoneOf(raw: string): string | null | undefined {
  const digits = raw.replace(/\D/g, '');
  if (digits === '') return null;
  const national = digits.length === 9 ? `0${digits}` : digits;
  return /^0[1-9]\d{8}$/.test(national) ? national.replace(/(\d{2})(?=\d)/g, '$1 ') : undefined;
}

/** "44000 NANTES", "44035 NANTES CEDEX 1" → "NANTES". */
function communeName(routing: string): string {
  return routing.replace(/^\s*\d{5}\s+/, '').replace(/\s+CEDEX.*$/i, '').trim();
}

const idsIn = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter((id) => id !== '');

function toOrganisation(row: Record<string, string>, today: string): { organisation?: Organisation; unmapped: boolean; problem?: string } {
  const finess = (row.nofinesset ?? '').trim().toUpperCase();
  if (!/^\d[0-9AB]\d{7}$/.test(finess)) return { unmapped: false, problem: `numéro FINESS (nofinesset) « ${finess} » invalide : 9 caractères attendus` };
  const name = (row.rslongue || row.rs || '').trim();
  if (name === '') return { unmapped: false, problem: 'la raison sociale (rs) est vide' };
  const territory = territoryOf((row.departement ?? '').trim());
  if (territory === null) return { unmapped: false, problem: `département « ${row.departement ?? ''} » inconnu` };
  const communeNumber = (row.commune ?? '').trim();
  if (!/^\d{1,3}$/.test(communeNumber)) return { unmapped: false, problem: `code commune « ${communeNumber} » invalide : 3 chiffres attendus` };
  const phone = phoneOf(row.telephone ?? '');
  if (phone === undefined) return { unmapped: false, problem: `numéro de téléphone « ${row.telephone} » invalide` };
  const category = (row.categetab ?? '').trim();
  const meaning = FINESS_CATEGORIES[category];
  const commune = { code: `${territory.startsWith('97') ? '97' : territory}${communeNumber.padStart(3, '0')}`, name: communeName(row.ligneacheminement ?? '') || communeNumber };
  const candidate = {
    id: `finess-${finess.toLowerCase()}`,
    name,
    territory,
    commune,
    contact: { phone, email: row.email?.trim() || null, web: row.site_web?.trim() || null },
    ...(row.horaires?.trim() ? { hours: row.horaires.trim() } : {}),
    source: { kind: 'finess', finess, at: today },
    offers: [
      {
        id: `finess-${finess.toLowerCase()}-${category || 'offre'}`,
        type: meaning?.type ?? 'autre',
        label: (row.libcategetab ?? '').trim() || name,
        needs: row.besoins ? idsIn(row.besoins) : (meaning?.needs ?? []),
        public: { ages: row.ages ? idsIn(row.ages) : (meaning?.ages ?? [...AGE_BANDS]), disabilities: row.handicaps ? idsIn(row.handicaps) : (meaning?.disabilities ?? []) },
        zone: 'commune',
        availability: { status: 'inconnu', confirmedAt: null },
      },
    ],
  };
  const parsed = OrganisationSchema.safeParse(candidate);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    return { unmapped: false, problem: `valeur refusée (${fields}) : vérifiez les besoins, âges, handicaps, e-mail ou site web` };
  }
  return { organisation: parsed.data, unmapped: meaning === undefined && !row.besoins };
}

interface ParsedLine {
  info: { lines: number };
  record: string[];
}

/** The establishments of a CSV, or every problem with its line; never a part of the file. */
export function readEstablishmentsCsv(bytes: Buffer, today: string): CsvImport {
  let records: ParsedLine[];
  try {
    records = parse(decode(bytes), { delimiter: ';', bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as ParsedLine[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ line, message: 'le fichier ne se lit pas comme un CSV séparé par des points-virgules' }] };
  }
  const header = records[0]?.record.map((name) => name.toLowerCase());
  const named = header?.includes('nofinesset') && header[0] !== 'structureet';
  const rows: ImportedRow[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const { info, record } of named ? records.slice(1) : records) {
    if (!named && record[0] !== 'structureet') continue; // the `finess;etalab` line, `geolocalisation` lines
    const columns: readonly string[] = named && header ? header : FINESS_COLUMNS;
    const row = Object.fromEntries(columns.map((name, index) => [name, record[index] ?? '']));
    const read = toOrganisation(row, today);
    if (read.problem || !read.organisation) {
      problems.push({ line: info.lines, message: read.problem ?? 'ligne illisible' });
      continue;
    }
    const first = seen.get(read.organisation.id);
    if (first !== undefined) problems.push({ line: info.lines, message: `le numéro FINESS est déjà à la ligne ${first}` });
    seen.set(read.organisation.id, info.lines);
    rows.push({ line: info.lines, organisation: read.organisation, unmapped: read.unmapped });
  }
  if (problems.length === 0 && rows.length === 0) problems.push({ line: 1, message: 'aucun établissement trouvé : lignes « structureet » ou colonne « nofinesset » attendues' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
