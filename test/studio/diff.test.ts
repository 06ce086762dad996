/** The versions' diffs read as French sentences, one module per kind of data; who may make a change. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../../src/config/env';
import { changesSafetyNumbers, touchedScopes, versionDiff } from '../../src/studio/diff';
import { editNational, editTerritory, TerritoryEditSchema } from '../../src/studio/edits';
import { refusalOf } from '../../src/studio/permissions';
import { parseDirectoryYaml } from '../../src/directory/load';
import { editDirectoryYaml } from '../../src/directory/yamlEdit';

const shipped = (path: string) => readFileSync(join(findRepoRoot(), path), 'utf8');
const TERRITORIES = 'config/territories.yaml';

describe('the diff of two versions', () => {
  it('When 44’s Monday, closed days and closure change, then each change is one French line naming the territory', () => {
    const before = shipped(TERRITORIES);
    let after = editTerritory(before, '44', { hours: { mon: ['08:30-12:30', '13:30-18:00'], sun: ['10:00-12:00'] }, extraClosedDays: ['2026-12-24'] });
    after = editTerritory(after, '44', { closure: { message: 'Fermé pour formation.' }, whenClosed: 'message' });
    expect(versionDiff({ [TERRITORIES]: before }, { [TERRITORIES]: after })).toEqual([
      '44 : fermeture exceptionnelle : Fermé pour formation.',
      '44 : jours de fermeture en plus aucun → 2026-12-24',
      '44 : lundi 09:00–18:00 → 08:30–12:30, 13:30–18:00',
      '44 : dimanche fermé → 10:00–12:00',
      '44 : quand c’est fermé callback → message',
    ]);
  });

  it('When 44’s callback target is set, then the diff gives the hours before (the default) and after; a target of 0 hours is refused in French', () => {
    const before = shipped(TERRITORIES);
    const after = editTerritory(before, '44', { callbackTargetHours: 72 });
    expect(versionDiff({ [TERRITORIES]: before }, { [TERRITORIES]: after })).toEqual(['44 : délai des rappels 48 h (par défaut) → 72 h']);
    expect(versionDiff({ [TERRITORIES]: after }, { [TERRITORIES]: editTerritory(after, '44', { callbackTargetHours: 24 }) })).toEqual(['44 : délai des rappels 72 h → 24 h']);
    expect(touchedScopes({ [TERRITORIES]: before }, { [TERRITORIES]: after })).toEqual([{ territory: '44' }]);
    expect(TerritoryEditSchema.safeParse({ callbackTargetHours: 72 }).success).toBe(true);
    const refused = TerritoryEditSchema.safeParse({ callbackTargetHours: 0 });
    expect(refused.success ? null : refused.error.issues[0]?.message).toBe('le délai des rappels est d’une heure au moins');
  });

  it('When the crisis switch is turned on, then the diff says so and the change is national', () => {
    const before = shipped(TERRITORIES);
    const after = editNational(before, { crisis: { enabled: true } });
    expect(versionDiff({ [TERRITORIES]: before }, { [TERRITORIES]: after })).toEqual(['Bascule de crise : désactivée → activée']);
    expect(touchedScopes({ [TERRITORIES]: before }, { [TERRITORIES]: after })).toEqual([{ part: 'national' }]);
  });

  it('When an edit keeps everything else, then the comments and the other entries of the file are unchanged', () => {
    const before = shipped(TERRITORIES);
    const after = editTerritory(before, '44', { hours: { mon: ['08:30-18:00'] } });
    const changedLines = after.split('\n').filter((line, index) => line !== before.split('\n')[index]);
    expect(changedLines).toEqual(['      mon: ["08:30-18:00"]']);
    const closed = editTerritory(after, '44', { closure: { message: 'Fermé.' } });
    expect(closed.split('\n').filter((line) => !after.split('\n').includes(line))).toEqual(['    closure: { message: Fermé. }']);
    expect(editTerritory(closed, '44', { closure: null })).toBe(after);
  });

  it('When a sentence of the safety messages changes its number, then it is a change of emergency numbers; a new wording alone is not', () => {
    const before = shipped('content/fr/safety.yaml');
    const reworded = before.replace('Le 3114 peut vous écouter maintenant.', 'Le 3 114 vous écoute maintenant.');
    const renumbered = before.replace('dial: "3114"', 'dial: "3115"');
    expect(changesSafetyNumbers({ 'content/fr/safety.yaml': before }, { 'content/fr/safety.yaml': reworded })).toBe(false);
    expect(changesSafetyNumbers({ 'content/fr/safety.yaml': before }, { 'content/fr/safety.yaml': renumbered })).toBe(true);
  });
});

describe('the diff of the directory', () => {
  const DIRECTORY = 'config/directory.yaml';
  const before = shipped(DIRECTORY);
  const directory = parseDirectoryYaml(before, DIRECTORY);
  const byId = (id: string) => {
    const found = directory.organisations.find((organisation) => organisation.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('When organisations are added, changed and removed, then each change is one French line naming the département and the organisation', () => {
    const esat = byId('exemple-35-esat-rennes');
    const savs = byId('exemple-44-savs-nantes');
    const lilas = { ...savs, id: 'sessad-les-lilas', name: 'SESSAD Les Lilas', offers: [{ ...savs.offers[0]!, id: 'sessad-les-lilas-ecole' }] };
    const after = editDirectoryYaml(before, {
      put: [
        { ...esat, contact: { ...esat.contact, phone: '02 99 00 00 35' } },
        { ...savs, offers: [{ ...savs.offers[0]!, availability: { status: 'places', confirmedAt: '2026-11-23' } }] },
        lilas,
      ],
      remove: ['exemple-44-handisport-nantes'],
    });
    expect(versionDiff({ [DIRECTORY]: before }, { [DIRECTORY]: after })).toEqual([
      '44 : offre « Accompagnement à la vie sociale (SAVS) » de « SAVS Nantes Est (exemple) » changée (disponibilité)',
      '44 : retrait de « Club handisport nantais (exemple) »',
      '35 : téléphone de « ESAT de Rennes (exemple) » changé',
      '44 : ajout de « SESSAD Les Lilas »',
    ]);
    expect(touchedScopes({ [DIRECTORY]: before }, { [DIRECTORY]: after })).toEqual([{ territory: '35' }, { territory: '44' }]);
    // The organisations not changed keep their text, character for character.
    expect(after.startsWith(before.slice(0, before.indexOf('  - id: exemple-44-savs-nantes')))).toBe(true);
  });

  it('When only a comment of the directory changes, then it is a national change (a coordinator cannot make it)', () => {
    const after = before.replace('# The directory', '# Le répertoire');
    expect(versionDiff({ [DIRECTORY]: before }, { [DIRECTORY]: after })).toEqual([]);
    expect(touchedScopes({ [DIRECTORY]: before }, { [DIRECTORY]: after })).toEqual([{ part: 'other' }]);
  });
});

describe('who may make a change', () => {
  const coordinator = { subject: 'c', role: 'coordinator', territories: ['44', '85'] } as const;
  it('When a coordinator’s change touches only their territories, then it is allowed; a national part or another territory is refused', () => {
    const scoped = { ...coordinator, territories: [...coordinator.territories] };
    expect(refusalOf(scoped, [{ territory: '44' }, { territory: '85' }])).toBeNull();
    expect(refusalOf(scoped, [{ territory: '35' }])).toContain('35');
    expect(refusalOf(scoped, [{ part: 'flow' }])).toContain('parcours vocal');
    expect(refusalOf({ subject: 'a', role: 'advisor', territories: ['44'] }, [{ territory: '44' }])).toContain('lire');
    expect(refusalOf({ subject: 'n', role: 'national_admin', territories: 'all' }, [{ part: 'safety' }])).toBeNull();
  });
});
