import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runConfigChecks } from '../../src/config/configChecks';
import { localResourcesCheck } from '../../src/knowledge/config-checks';
import { LOCAL_RESOURCES_FILE, loadLocalResources, MDPH_DIRECTORY_URL, parseLocalResourcesYaml } from '../../src/knowledge/local-resources';
import { DEPARTEMENTS } from '../../src/places/departements';
import { ofDepartement, renderLocalResourcesYaml } from '../../scripts/generate-local-resources';
import { configErrorOf, ROOT } from './helpers';

const SHIPPED = readFileSync(path.join(ROOT, LOCAL_RESOURCES_FILE), 'utf8');
const FILE = 'config/local-resources.yaml';

describe('config/local-resources.yaml', () => {
  const resources = loadLocalResources(ROOT);

  it('has the MDPH of every département, with no invented phone number', () => {
    for (const { code } of DEPARTEMENTS) {
      const mdph = resources.mdph(code);
      expect(mdph?.name).toMatch(/^MDPH /);
      expect(mdph?.url).toMatch(/^https:\/\//);
    }
    expect(resources.mdph('44')).toEqual({ name: 'MDPH de la Loire-Atlantique', url: MDPH_DIRECTORY_URL, phone: null, email: null });
    expect(resources.mdph('2a')?.name).toBe('MDPH de la Corse-du-Sud');
    expect(resources.mdph('99')).toBeUndefined();
  });

  it('is what the generator writes, until coordinators edit it', () => {
    expect(renderLocalResourcesYaml(DEPARTEMENTS)).toBe(SHIPPED);
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

  it('accepts the details a coordinator fills in', () => {
    const edited = SHIPPED.replace(/("44":\n    mdph:\n      name: .*\n      url: .*\n)      phone: null\n      email: null/, '$1      phone: "02 28 09 40 50"\n      email: "contact@mdph.example.fr"');
    expect(parseLocalResourcesYaml(edited, FILE).mdph('44')).toMatchObject({ phone: '02 28 09 40 50', email: 'contact@mdph.example.fr' });
  });

  it('reports a wrong phone number, a missing département and an unknown one, with lines', () => {
    const edited = SHIPPED.replace(/("01":\n    mdph:\n      name: .*\n      url: .*\n)      phone: null/, '$1      phone: "12 34"').replace(/  "02":\n(    .*\n){5}/, '').concat('  "20":\n    mdph: { name: "MDPH de Corse", url: "https://example.org", phone: null, email: null }\n');
    const error = configErrorOf(() => parseLocalResourcesYaml(edited, FILE));
    expect(error.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^config\/local-resources\.yaml:\d+: departements\.01\.mdph\.phone: expected a French phone number/),
        expect.stringMatching(/^config\/local-resources\.yaml:\d+: departements: département "02" is missing/),
        expect.stringMatching(/^config\/local-resources\.yaml:\d+: departements\.20: unknown département code/),
      ]),
    );
  });

  it('is checked by npm run config:check', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'local-resources-check-'));
    mkdirSync(path.join(root, 'config'));
    writeFileSync(path.join(root, LOCAL_RESOURCES_FILE), SHIPPED.replace('email: null', 'email: "pas une adresse"'));
    const [result] = runConfigChecks(root, [localResourcesCheck]);
    expect(result?.errors).toEqual([expect.stringMatching(/local-resources\.yaml:\d+: departements\.01\.mdph\.email: expected an e-mail address/)]);
  });
});
