/**
 * Writes config/directory.yaml with the MDPH of every département: its name, no contact (phone,
 * e-mail and web site left null: we do not invent contact details; coordinators fill them in, and
 * answers point to the national directory of MDPH addresses meanwhile). The file is then data that
 * coordinators edit by hand (and add offers to): this script never overwrites it unless asked
 * (--force). --stdout prints the YAML instead of writing it.
 *
 *   npx tsx scripts/generate-directory.ts [--force | --stdout]
 */
import type { Departement } from '../src/domain/ports';
import { DEPARTEMENTS } from '../src/places/departements';
import { DIRECTORY_FILE, parseDirectoryYaml } from '../src/directory/load';
import { writeGenerated } from './writeGenerated';
/** Names said with « du » (masculine) and « des » (plural); the rest take « de la », « de l' » or « de ». */
const MASCULINE = new Set([
  'Calvados', 'Cantal', 'Cher', 'Doubs', 'Finistère', 'Gard', 'Gers', 'Jura', 'Loir-et-Cher', 'Loiret', 'Lot',
  'Lot-et-Garonne', 'Maine-et-Loire', 'Morbihan', 'Nord', 'Pas-de-Calais', 'Puy-de-Dôme', 'Bas-Rhin', 'Haut-Rhin',
  'Rhône', 'Tarn', 'Tarn-et-Garonne', 'Territoire de Belfort', 'Val-de-Marne', "Val-d'Oise", 'Var', 'Vaucluse',
]);
const PLURAL = new Set([
  'Alpes-de-Haute-Provence', 'Hautes-Alpes', 'Alpes-Maritimes', 'Ardennes', 'Bouches-du-Rhône', "Côtes-d'Armor",
  'Deux-Sèvres', 'Landes', 'Pyrénées-Atlantiques', 'Hautes-Pyrénées', 'Pyrénées-Orientales', 'Hauts-de-Seine',
  'Vosges', 'Yvelines',
]);
/** Names without article (cities, islands) or with their own capitalised article. */
const NO_ARTICLE = new Set(['Paris', 'Mayotte', 'La Réunion']);

/** « de l'Ain », « du Nord », « des Landes », « de la Somme », « de Paris ». */
export function ofDepartement(name: string): string {
  if (NO_ARTICLE.has(name)) return `de ${name}`;
  if (PLURAL.has(name)) return `des ${name}`;
  if (MASCULINE.has(name)) return `du ${name}`;
  // Hérault has a silent h; every Haute-/Hauts- name has an aspirated one.
  if (/^[AEIOUYÉÈ]/.test(name) || name === 'Hérault') return `de l'${name}`;
  return `de la ${name}`;
}

const HEADER = `# The directory of actors and offers (répertoire): per département, organisations and their offers.
# Generated once by \`npx tsx scripts/generate-directory.ts\` (the MDPH of every département), then
# edited by hand and through the directory API. Check with \`npm run config:check\`. See README « Directory ».
#
# organisations[]
#   id           lower case letters, digits and - ("mdph-44", "finess-440000000"); unique
#   name         the organisation's public name
#   territory    its département, in quotes ("44", "2A", "971")
#   commune      { code: INSEE code "44109", name: "Nantes" } (optional)
#   contact      the organisation's public phone, e-mail and https web site, or null (never a person's)
#   hours        opening hours in words (optional)
#   source       { kind: finess | coordinator | import, finess: "440000000" (optional), at: YYYY-MM-DD }
#   offers[]     id, type, label, needs (ids of the 14 needs), public { ages, disabilities ([]: every kind) },
#                zone (commune | departement), commune, hours, availability { status, confirmedAt }
`;

function renderMdph(departement: Departement, today: string): string {
  const code = departement.code.toLowerCase();
  return [
    `  - id: mdph-${code}`,
    `    name: ${JSON.stringify(`MDPH ${ofDepartement(departement.name)}`)}`,
    `    territory: ${JSON.stringify(departement.code)}`,
    '    contact: { phone: null, email: null, web: null }',
    `    source: { kind: import, at: ${JSON.stringify(today)} }`,
    '    offers:',
    `      - id: mdph-${code}-accueil`,
    '        type: mdph',
    '        label: "Accueil, information et demandes de droits"',
    '        needs: [demarches]',
    '        public: { ages: [enfant, adulte, senior], disabilities: [] }',
    '        zone: departement',
    '        availability: { status: inconnu, confirmedAt: null }',
  ].join('\n');
}

export function renderDirectoryYaml(departements: readonly Departement[], today: string): string {
  return [HEADER, 'organisations:', departements.map((d) => renderMdph(d, today)).join('\n'), ''].join('\n');
}

function main(argv: readonly string[]): number {
  const file = DIRECTORY_FILE;
  const yamlText = renderDirectoryYaml(DEPARTEMENTS, new Date().toISOString().slice(0, 10));
  parseDirectoryYaml(yamlText, file); // never write a file the loader would refuse
  return writeGenerated(file, yamlText, argv, `${DEPARTEMENTS.length} MDPH`);
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
