/** config/directory.yaml: the shipped directory (the MDPH of every département, sample offers), its check and its export. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runConfigChecks } from '../../src/config/configChecks';
import { DIRECTORY_FILE, directoryCheck, exportDirectoryYaml, loadDirectory, mdphOf, parseDirectoryYaml } from '../../src/directory/load';
import { MDPH_DIRECTORY_URL } from '../../src/knowledge/local-resources';
import { DEPARTEMENTS } from '../../src/places/departements';
import { ofDepartement, renderDirectoryYaml } from '../../scripts/generate-directory';
import { configErrorOf, ROOT } from '../knowledge/helpers';

const SHIPPED = readFileSync(path.join(ROOT, DIRECTORY_FILE), 'utf8');
const FILE = 'config/directory.yaml';

describe('config/directory.yaml', () => {
  const directory = loadDirectory(ROOT);

  it('has the MDPH of every département, with no invented contact', () => {
    for (const { code } of DEPARTEMENTS) expect(mdphOf(directory, code)?.name).toMatch(/^MDPH /);
    expect(mdphOf(directory, '44')).toEqual({ name: 'MDPH de la Loire-Atlantique', url: MDPH_DIRECTORY_URL, phone: null, email: null });
    expect(mdphOf(directory, '2a')?.name).toBe('MDPH de la Corse-du-Sud');
    expect(mdphOf(directory, '99')).toBeUndefined();
  });

  it('starts with what the generator writes, then the sample offers of 44 and 35', () => {
    const generated = renderDirectoryYaml(DEPARTEMENTS, 'DAY').split('"DAY"');
    let rest = SHIPPED;
    for (const part of generated.slice(0, -1)) {
      expect(rest.startsWith(part)).toBe(true);
      rest = rest.slice(part.length).replace(/^"\d{4}-\d{2}-\d{2}"/, '');
    }
    expect(directory.organisations.filter((o) => o.id.startsWith('exemple-')).map((o) => o.territory).sort()).toEqual(['35', '35', '35', '44', '44', '44', '44']);
  });

  it('names each département with the right article', () => {
    expect(['Ain', 'Nord', 'Landes', 'Somme', 'Paris', 'Hérault', 'Haute-Garonne', 'La Réunion', "Côtes-d'Armor", 'Yonne'].map(ofDepartement)).toEqual([
      "de l'Ain",
      'du Nord',
      'des Landes',
      'de la Somme',
      'de Paris',
      "de l'Hérault",
      'de la Haute-Garonne',
      'de La Réunion',
      "des Côtes-d'Armor",
      "de l'Yonne",
    ]);
  });

  it('accepts the contact a coordinator fills in, and exports what it reads back', () => {
    const edited = SHIPPED.replace(/(- id: mdph-44\n(.*\n){2})    contact: \{ phone: null, email: null, web: null \}/, '$1    contact: { phone: "02 61 91 00 44", email: "contact@mdph.example.fr", web: "https://mdph.example.fr" }');
    const read = parseDirectoryYaml(edited, FILE);
    expect(mdphOf(read, '44')).toEqual({ name: 'MDPH de la Loire-Atlantique', url: 'https://mdph.example.fr', phone: '02 61 91 00 44', email: 'contact@mdph.example.fr' });
    expect(parseDirectoryYaml(exportDirectoryYaml(read), FILE)).toEqual(read);
  });

  it('reports a wrong phone, a commune of another département, a twice-used id and a missing MDPH, with lines', () => {
    const edited = SHIPPED.replace(/(- id: mdph-01\n(.*\n){2})    contact: \{ phone: null/, '$1    contact: { phone: "12 34"')
      .replace('commune: { code: "35288", name: "Saint-Malo" }', 'commune: { code: "44109", name: "Nantes" }')
      .replace('- id: exemple-35-gem-rennes\n', '- id: exemple-35-esat-rennes\n')
      .replace(/ {6}- id: mdph-02-accueil\n {8}type: mdph/, '      - id: mdph-02-accueil\n        type: information');
    const error = configErrorOf(() => parseDirectoryYaml(edited, FILE));
    expect(error.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config\/directory\.yaml:\d+: organisations\[0\]\.contact\.phone: il faut un numéro de téléphone français/),
        expect.stringMatching(/^config\/directory\.yaml:\d+: organisations\[\d+\]\.commune\.code: la commune 44109 n’est pas dans le département 35/),
        expect.stringMatching(/^config\/directory\.yaml:\d+: organisations\[\d+\]\.id: l’identifiant "exemple-35-esat-rennes" est déjà pris/),
        expect.stringMatching(/^config\/directory\.yaml:\d+: organisations: le département "02" n’a pas de MDPH/),
      ]),
    );
  });

  it('is checked by npm run config:check', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'directory-check-'));
    mkdirSync(path.join(root, 'config'));
    writeFileSync(path.join(root, DIRECTORY_FILE), SHIPPED.replace('email: null', 'email: "pas une adresse"'));
    const [result] = runConfigChecks(root, [directoryCheck]);
    expect(result?.errors).toEqual([expect.stringMatching(/directory\.yaml:\d+: organisations\[0\]\.contact\.email: il faut une adresse e-mail/)]);
  });
});
