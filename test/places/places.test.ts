import { createPlaces, findDepartementByName, normalisePostcode, places } from '../../src/places/places';

describe('départements', () => {
  it('lists the 101 départements in INSEE order, each with its time zone', () => {
    const all = places.all();
    expect(all).toHaveLength(101);
    expect(all.slice(0, 2).map((d) => d.code)).toEqual(['01', '02']);
    expect(all.map((d) => d.code)).toEqual(expect.arrayContaining(['2A', '2B', '971', '972', '973', '974', '976']));
    expect(all.slice(-5).map((d) => d.code)).toEqual(['971', '972', '973', '974', '976']);
    for (const d of all) {
      expect(d.name).not.toBe('');
      expect(() => new Intl.DateTimeFormat('fr-FR', { timeZone: d.timeZone })).not.toThrow();
    }
  });

  it('leaves out the overseas collectivities (COM), which are not départements', () => {
    for (const code of ['975', '977', '978', '984', '986', '987', '988', '989', '20']) expect(places.get(code)).toBeUndefined();
  });

  it.each([
    ['44', 'Loire-Atlantique', 'Europe/Paris'],
    ['2A', 'Corse-du-Sud', 'Europe/Paris'],
    ['2b', 'Haute-Corse', 'Europe/Paris'],
    ['971', 'Guadeloupe', 'America/Guadeloupe'],
    ['972', 'Martinique', 'America/Martinique'],
    ['973', 'Guyane', 'America/Cayenne'],
    ['974', 'La Réunion', 'Indian/Reunion'],
    ['976', 'Mayotte', 'Indian/Mayotte'],
  ])('knows %s as %s in %s', (code, name, timeZone) => {
    expect(places.get(code)).toMatchObject({ code: code.toUpperCase(), name, timeZone });
  });
});

describe('postcode → départements', () => {
  it.each([
    ['44000', ['44']],
    ['44 000', ['44']],
    ['20000', ['2A']], // Ajaccio
    ['20200', ['2B']], // Bastia
    ['75001', ['75']],
    ['13001', ['13']], // arrondissement municipal of Marseille
    ['97600', ['976']], // Mayotte
    ['97400', ['974']],
    ['97133', ['971']], // Saint-Barthélemy (COM 977) → Guadeloupe
    ['97150', ['971']], // Saint-Martin (COM 978) → Guadeloupe
    ['05110', ['04', '05']], // spans Alpes-de-Haute-Provence and Hautes-Alpes
    ['99999', []],
    ['98800', []], // Nouvelle-Calédonie: not a département
    ['97500', []], // Saint-Pierre-et-Miquelon: not a département
    ['4400', []],
    ['', []],
  ])('%s → %j', (postcode, codes) => {
    expect(places.departementsForPostcode(postcode)).toEqual(codes);
  });

  it('returns every département of a postcode shared by two, sorted, so the caller can be asked', () => {
    const codes = places.departementsForPostcode('01200');
    expect(codes.length).toBeGreaterThanOrEqual(2);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toContain('01');
  });

  it('follows configured overrides instead of the defaults', () => {
    const custom = createPlaces({ postcodeOverrides: { '97133': '972', '44000': '85' } });
    expect(custom.departementsForPostcode('97133')).toEqual(['972']);
    expect(custom.departementsForPostcode('44000')).toEqual(['85']);
    expect(custom.departementsForPostcode('97150')).toEqual([]); // no override: COM 978 is not served
  });

  it('refuses an override that names no département', () => {
    expect(() => createPlaces({ postcodeOverrides: { '97133': '977' } })).toThrow(/97133/);
    expect(() => createPlaces({ postcodeOverrides: { '9713': '971' } })).toThrow(/9713/);
  });
});

describe('normalisePostcode', () => {
  it.each([
    ['44000', '44000'],
    ['44 000', '44000'],
    [' 44.000 ', '44000'],
    ['4 4 0 0 0', '44000'],
    ['44\u00a0000', '44000'],
    ['4400', null],
    ['440000', null],
    ['44ABC', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(normalisePostcode(raw)).toBe(expected);
  });
});

describe('findByName', () => {
  it.each([
    ['Loire-Atlantique', '44'],
    ['loire atlantique', '44'],
    ['LOIRE ATLANTIQUE', '44'],
    ['la Réunion', '974'],
    ['reunion', '974'],
    ['Côtes-d’Armor', '22'],
    ["cotes d'armor", '22'],
    ['Corse du Sud', '2A'],
    ['haute-corse', '2B'],
    ['Loire', '42'],
    ['Haute-Loire', '43'],
    ['le Nord', '59'],
    ['département du Finistère', '29'],
    ['Val-d’Oise', '95'],
    ['44', '44'],
    ['2a', '2A'],
    ['971', '971'],
    ['1', '01'],
  ])('%j → %s', (text, code) => {
    expect(places.findByName(text)?.code).toBe(code);
    expect(findDepartementByName(text)?.code).toBe(code);
  });

  it.each(['Saint-Barthélemy', '977', '20', '100', 'Loire-Atlantiques', '', 'Bretagne'])('%j → null', (text) => {
    expect(places.findByName(text)).toBeNull();
  });
});

describe('departementsNamedIn: a town or a département said in a sentence', () => {
  it.each([
    ['Nantes', ['44']],
    ["j'habite à Saint-Nazaire", ['44']],
    ['st nazaire', ['44']],
    ['SAINT-ÉTIENNE', ['42']],
    ['je suis à Marseille', ['13']],
    ['au Mans', ['72']],
    ['Fort-de-France', ['972']],
    ['Mamoudzou', ['976']],
    ['Ajaccio', ['2A']],
    ['Saint-Martin', ['971']],
    ['Valence', ['26']],
    ['loire atlantique', ['44']],
    ["c'est le 44", ['44']],
    ['quarante-quatre', ['44']],
    ['Saint-Denis de la Réunion', ['974']],
  ])('When « %s » is said, then the département is %j', (text, codes) => {
    expect(places.departementsNamedIn(text)).toEqual(codes);
  });

  it('When a town name is shared by towns of comparable size (« Saint-Denis »), then both départements are proposed, the larger first', () => {
    expect(places.departementsNamedIn('Saint-Denis')).toEqual(['974', '93']);
  });

  it('When a département shares its name with a large town (« Vienne »), then both are proposed', () => {
    expect(places.departementsNamedIn('Vienne')).toEqual(['86', '38']);
  });

  it.each(['oui', 'je ne sais pas', 'euh', 'attendez'])('When « %s » is said, then no place is found', (text) => {
    expect(places.departementsNamedIn(text)).toEqual([]);
  });
});

describe('warmUp', () => {
  it('When the indexes are built ahead, then a town is found at once, with the same answer', () => {
    const fresh = createPlaces();
    fresh.warmUp();
    expect(fresh.departementsNamedIn('Nantes')).toEqual(['44']);
  });
});
