/** Reading the FINESS extract (the shipped sample, in its real layout) into directory organisations: all or nothing. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readEstablishmentsCsv, type CsvImport } from '../../src/directory/finess';

const SAMPLE = readFileSync(path.join(__dirname, '..', '..', 'samples', 'finess-etablissements-44-35.csv'));
const TODAY = '2026-11-30';

function rowsOf(result: CsvImport) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.rows;
}

describe('reading the FINESS extract', () => {
  it('When the sample extract is read, then its twelve establishments become organisations of 44 and 35, the meta and geolocation lines skipped', () => {
    const rows = rowsOf(readEstablishmentsCsv(SAMPLE, TODAY));
    expect(rows).toHaveLength(12);
    expect(rows.filter((row) => row.organisation.territory === '44')).toHaveLength(6);
    expect(rows.filter((row) => row.organisation.territory === '35')).toHaveLength(6);
    expect(rows[0]?.line).toBe(2);
  });

  it('When a category is clear, then it gives the offer type, the needs and the people served; otherwise the offer is « autre », without need, and counted', () => {
    const byFiness = new Map(rowsOf(readEstablishmentsCsv(SAMPLE, TODAY)).map((row) => [row.organisation.source.finess, row]));
    const ime = byFiness.get('440099001');
    expect(ime?.organisation).toMatchObject({
      id: 'finess-440099001',
      name: 'IME LES PETITS PAS (EXEMPLE)',
      territory: '44',
      commune: { code: '44109', name: 'NANTES' },
      contact: { phone: '02 61 91 01 01', email: null, web: null },
      source: { kind: 'finess', finess: '440099001', at: TODAY },
    });
    expect(ime?.organisation.offers[0]).toMatchObject({
      type: 'education',
      label: 'Institut Médico-Educatif (I.M.E.)',
      needs: ['scolarite', 'accompagnement'],
      public: { ages: ['enfant'], disabilities: ['intellectuel'] },
      availability: { status: 'inconnu', confirmedAt: null },
    });
    expect(ime?.unmapped).toBe(false);
    expect(byFiness.get('440099003')?.organisation.offers[0]).toMatchObject({ type: 'travail', needs: ['emploi'], public: { ages: ['adulte'] } });
    expect(byFiness.get('350099001')?.organisation.offers[0]).toMatchObject({ type: 'hebergement', needs: ['logement', 'vie_quotidienne', 'sante'] });
    // A postcode with CEDEX still gives the commune's name.
    expect(byFiness.get('440099004')?.organisation).toMatchObject({ name: 'SERVICE D\'ACCOMPAGNEMENT MEDICO-SOCIAL NANTES (EXEMPLE)', commune: { name: 'NANTES' } });
    const ehpad = byFiness.get('440099006');
    expect(ehpad?.organisation.offers[0]).toMatchObject({ type: 'autre', needs: [] });
    expect(ehpad?.unmapped).toBe(true);
  });

  it('When the file is in Latin-1, then it reads the same as in UTF-8', () => {
    const latin1 = Buffer.from(SAMPLE.toString('utf8'), 'latin1');
    expect(latin1.equals(SAMPLE)).toBe(false);
    expect(rowsOf(readEstablishmentsCsv(latin1, TODAY))).toEqual(rowsOf(readEstablishmentsCsv(SAMPLE, TODAY)));
  });

  it('When a CSV names the FINESS columns in a header line, with needs and people of ours, then they are read by name', () => {
    const csv = [
      'nofinesset;rs;commune;departement;ligneacheminement;telephone;categetab;libcategetab;besoins;ages;handicaps;site_web',
      '350099099;GEM DE VITRE (EXEMPLE);360;35;35500 VITRE;02 61 91 02 99;999;Groupe d’entraide mutuelle;loisirs accompagnement;adulte;psychique;https://gem.example.org',
    ].join('\n');
    const [row] = rowsOf(readEstablishmentsCsv(Buffer.from(csv), TODAY));
    expect(row).toMatchObject({ line: 2, unmapped: false });
    expect(row?.organisation).toMatchObject({ territory: '35', commune: { code: '35360', name: 'VITRE' }, contact: { phone: '02 61 91 02 99', web: 'https://gem.example.org' } });
    expect(row?.organisation.offers[0]).toMatchObject({ type: 'autre', needs: ['loisirs', 'accompagnement'], public: { ages: ['adulte'], disabilities: ['psychique'] } });
  });

  it('When lines are wrong, then every one is reported with its line number in French, and no establishment is returned', () => {
    const lines = SAMPLE.toString('utf8').split('\r\n');
    lines[3] = lines[3]!.replace(';440099003;', ';44009;'); // line 4: a FINESS number too short
    lines[5] = lines[5]!.replace(';143;44;', ';143;99;'); // line 6: no such département
    lines[9] = lines[9]!.replace(';261910203;', ';12 34;'); // line 10: a phone number that is not one
    lines[12] = lines[2]!; // line 13: the same establishment as line 3
    const result = readEstablishmentsCsv(Buffer.from(lines.join('\r\n')), TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 4, message: 'numéro FINESS (nofinesset) « 44009 » invalide : 9 caractères attendus' },
      { line: 6, message: 'département « 99 » inconnu' },
      { line: 10, message: 'numéro de téléphone « 12 34 » invalide' },
      { line: 13, message: 'le numéro FINESS est déjà à la ligne 3' },
    ]);
    expect(result).not.toHaveProperty('rows');
  });

  it('When the file holds no establishment, then it is refused', () => {
    expect(readEstablishmentsCsv(Buffer.from('finess;etalab;100;2026-11-01\n'), TODAY)).toEqual({ ok: false, problems: [{ line: 1, message: expect.stringContaining('aucun établissement') }] });
  });
});
