/**
 * Writes config/local-resources.yaml with one entry per département: the MDPH's name and the national
 * directory where its address is found. Phone and e-mail are left null: we do not invent contact
 * details; coordinators fill them in. The file is then data that coordinators edit by hand: this
 * script never overwrites it unless asked (--force). --stdout prints the YAML instead of writing it.
 *
 *   npx tsx scripts/generate-local-resources.ts [--force | --stdout]
 */
import type { Departement } from '../src/domain/ports';
import { DEPARTEMENTS } from '../src/places/departements';
import { LOCAL_RESOURCES_FILE, MDPH_DIRECTORY_URL, parseLocalResourcesYaml } from '../src/knowledge/local-resources';
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

const HEADER = `# Local resources: the contacts an answer of the knowledge base (content/fr/faq.yaml) adds for the
# user's département when the entry says localContact: mdph.
# Generated once by \`npx tsx scripts/generate-local-resources.ts\`, then edited by hand.
# Check with \`npm run config:check\`.
#
# departements."<code>"     one entry per département; always write the code in quotes ("01", "2A", "971")
#   mdph.name    how the answer names the MDPH (or the Maison départementale de l'autonomie, MDA)
#   mdph.url     its web site; until you know it, the national directory of MDPH addresses
#   mdph.phone   "02 40 00 00 00", or null while unknown (never guess a number)
#   mdph.email   "contact@mdph.example.fr", or null while unknown
`;

function renderDepartement(departement: Departement): string {
  return [
    `  ${JSON.stringify(departement.code)}:`,
    '    mdph:',
    `      name: ${JSON.stringify(`MDPH ${ofDepartement(departement.name)}`)}`,
    `      url: ${MDPH_DIRECTORY_URL}`,
    '      phone: null',
    '      email: null',
  ].join('\n');
}

export function renderLocalResourcesYaml(departements: readonly Departement[]): string {
  return [HEADER, 'departements:', departements.map(renderDepartement).join('\n'), ''].join('\n');
}

function main(argv: readonly string[]): number {
  const file = LOCAL_RESOURCES_FILE;
  const yamlText = renderLocalResourcesYaml(DEPARTEMENTS);
  parseLocalResourcesYaml(yamlText, file); // never write a file the loader would refuse
  return writeGenerated(file, yamlText, argv, `${DEPARTEMENTS.length} départements`);
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
