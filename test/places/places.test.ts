import { buildCommuneIndex, communeIndex, sharedTownBase, type CommuneIndex } from '../../src/places/communes';
import { isDepartementCode } from '../../src/places/departements';
import { EVERYDAY_WORDS } from '../../src/places/everydayWords';
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

  it.each([
    // The people of every town that bears the name (a tenth of those of longer names: Saint-Pierre-des-Corps)
    // are counted; one département answers when it holds 90 % of them.
    ['Saint-Pierre', ['974', '972', '37']], // 974 holds about 77 %: Saint-Pierre-et-Miquelon, Martinique, Saint-Pierre-des-Corps…
    ['Saint-Martin', ['971', '38', '62']], // the island (routed to Guadeloupe), some 180 Saint-Martin-de-… / -d'…, Saint-Martin-Boulogne
    ['Beaumont', ['63', '74', '86']], // 86: Beaumont Saint-Cyr, the commune nouvelle whose seat is Beaumont (before: Beaumont-sur-Oise, 95, a tenth)
    ['Bagnères', ['65', '31']], // Bagnères-de-Bigorre and Bagnères-de-Luchon, said short
    ['Bourg', ['01', '26', '33']], // Bourg-en-Bresse before the hamlet named Bourg
    ['Aix', ['13', '73']],
    ['Boulogne', ['92', '62']], // Boulogne-Billancourt and Boulogne-sur-Mer, said short
    ['Clermont', ['63', '60', '34']], // Clermont-Ferrand said short, and Clermont (Oise), a town of 10,000
  ])('When a name is shared and no département holds 90 %% of its people (« %s »), then several are proposed, the likeliest first', (text, codes) => {
    expect(places.departementsNamedIn(text)).toEqual(codes);
  });

  it.each([
    ['Valence', '26'], // 91 % in the Drôme
    ['Saint-Paul', '974'], // 91 %
    ['Montreuil', '93'],
    ['Saint-Étienne', '42'], // Saint-Étienne-du-Rouvray counted for a tenth
    ['Saint-Nazaire', '44'],
    ['Brive', '19'], // Brive-la-Gaillarde, said short
    ['Aix-en-Provence', '13'],
  ])('When a name is shared but one département holds 90 %% of its people (« %s »), then it is %s', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it.each([
    ['un petit village à côté de figeac', '46'],
    ['je suis à côté de brive', '19'],
    ['pas loin de rodez', '12'],
    ['vers albi', '81'],
    ['dans la banlieue de toulouse', '31'],
    ['un village près de cahors', '46'],
    ['du côté de pau', '64'],
    ['aux environs de limoges', '87'],
    ['je suis en côte d’or', '21'],
    ['un petit bourg près de tulle', '19'], // not Petit-Bourg (971)
    ['je suis en seine saint denis près de paris', '93'], // a département said decides
  ])('When a place is said as « near X » (« %s »), then X’s département is given, not a hamlet named like a word of the sentence', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it.each([
    ['villeneuve sur lot', '47'],
    ['nogent sur marne', '94'],
    ['sully sur loire', '45'],
    ['beaumont sur oise', '95'],
  ])('When a town’s name holds a département’s (« %s »), then the town decides', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it.each([
    ['saint denis dans le 93', '93'],
    ['saint pierre près de toulouse', '31'],
    ['saint pierre en martinique', '972'],
  ])('When a shared name comes with another place that agrees with one of its départements (« %s »), then that one', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it('When a département shares its name with a large town (« Vienne »), then both are proposed', () => {
    expect(places.departementsNamedIn('Vienne')).toEqual(['86', '38']);
  });

  it.each(['oui', 'je ne sais pas', 'euh', 'attendez'])('When « %s » is said, then no place is found', (text) => {
    expect(places.departementsNamedIn(text)).toEqual([]);
  });
});

describe('departementsNamedIn: big towns said short, everyday words that are towns’ names', () => {
  it.each([
    ['charleville', '08'], // Charleville-Mézières: no linking word, its first part counts
    ['je suis à charleville', '08'],
    ['clermont ferrand', '63'],
    ['chalon', '71'],
    ['châlons', '51'],
    ['mantes', '78'],
    ['la roche sur yon', '85'],
    ['les sables', '85'], // Les Sables-d'Olonne, said short with its article
  ])('When a big town is said by the first part of its name (« %s »), then it is %s', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it.each(['petit', 'grand', 'saint', 'la', 'un petit bourg', 'c’est un grand village'])(
    'When « %s » is said, then no place is found: an everyday first part (Petit-Bourg, Grand-Quevilly) is no short name',
    (text) => {
      expect(places.departementsNamedIn(text)).toEqual([]);
    },
  );

  it.each([
    'à côté de chez ma mère', // Méré (78)
    "j'habite au bord de la mer", // Mer (41)
    'on a une maison près du bois',
    'c’est juste à côté du pont',
    'on vit à la campagne',
    "j'habite à la montagne", // La Montagne (44)
    "ma mère est à l'hôpital", // L'Hôpital (57)
    'je suis chez ma fille', // Fille (72)
    'mer',
  ])('When an everyday word that is also a small town’s name is said as a word (« %s »), then no place is found', (text) => {
    expect(places.departementsNamedIn(text)).toEqual([]);
  });

  it.each([
    ["j'habite à méré", '78'],
    ['je suis à mer', '41'],
    ['la commune de mer', '41'],
    ["j'habite méré", '78'],
    ['pas loin de digne', '04'],
    ['la commune de la montagne', '44'],
    ['On a déménagé à côté de la Montagne.', '44'], // written with a capital inside the sentence
  ])('When the sentence says the everyday word is a place (« %s »), then it is read as the town: %s', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it('When a whole message is in capitals, then a capital says nothing', () => {
    expect(places.departementsNamedIn('ON EST PRÈS DE LA MONTAGNE')).toEqual([]);
    expect(places.departementsNamedIn('On est près de la Montagne')).toEqual(['44']);
  });

  it.each([
    ['Tours', '37'],
    ['Nice', '06'],
    ['Sens', '89'],
    ['Laval', '53'],
    ['Pau', '64'],
    ['Agen', '47'],
    ['Metz', '57'],
    ['Bourges', '18'],
    ['Orange', '84'],
    ['Grasse', '06'],
    ['Vichy', '03'],
    ['Brest', '29'],
    ['Rodez', '12'],
    ['Tulle', '19'], // 13,401 people
    ['Privas', '07'], // 8,538 people, a préfecture
    ['Loches', '37'], // a sous-préfecture
    ['on habite tours', '37'],
  ])('When a town people name alone bears an everyday word (« %s »), then it is read alone: %s', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it('When the seat of every arrondissement is said alone, then its département is proposed', () => {
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as Array<{ code: string; nom: string; type: string }>;
    const arrondissements = require('@etalab/decoupage-administratif/data/arrondissements.json') as Array<{ chefLieu: string; departement: string }>;
    const names = new Map(communes.filter((commune) => commune.type === 'commune-actuelle').map((commune) => [commune.code, commune.nom]));
    const missed = arrondissements
      .filter(({ departement }) => places.get(departement) !== undefined)
      .map(({ chefLieu, departement }) => ({ name: names.get(chefLieu) ?? chefLieu, departement }))
      .filter(({ name, departement }) => !places.departementsNamedIn(name).includes(departement))
      .map(({ name }) => name);
    // Names are read in the words said: « Florac Trois Rivières » too (« trois » was once read as the digit 3).
    expect(missed).toEqual([]);
  });
});

describe('departementsNamedIn: names that only accents tell apart, communes nouvelles named by their seat', () => {
  it.each([
    ['je vis à vire', '14'], // Vire Normandie (17,457 people, seat: Vire) holds 93 % of those who may mean « vire »; Viré (71): 1,225
    ["j'habite à vire", '14'],
    ['Vire', '14'], // a sous-préfecture: said alone
    ['vire normandie', '14'],
    ["j'habite à lure", '70'], // Lure, 7,877; Luré (42), 136
    ['ribeauville', '68'], // Ribeauvillé (68), 4,685, though Ribeauville (02, 86 people) is the name typed exactly
    ['saix', '81'], // Saïx, 3,748; Saix (86), 250
    ['montaigu', '85'], // Montaigu-Vendée, seat Montaigu (21,134 people); before: asked between 85, 02 and 39
    ['cherbourg', '50'],
  ])('When a name is typed without its accents (« %s »), then the population rule decides among the towns it may mean: %s', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it('When no town holds 90 % of the people of a name typed without accents (« melle »: Melle 5,752, Mellé 651), then both are proposed', () => {
    expect(places.departementsNamedIn('melle')).toEqual(['79', '35']);
  });

  it.each([
    ["j'habite à Viré", '71'],
    ["J'HABITE À VIRÉ", '71'],
    ["j'habite à Luré", '42'],
    ['Mellé', '35'],
    ["j'habite à Lège", '31'], // Lège (31), 32 people; Legé (44), 4,817
  ])('When a name is written with its accents (« %s »), then it is the towns written so: %s', (text, code) => {
    expect(places.departementsNamedIn(text)).toEqual([code]);
  });

  it('When the written accents match no town, then the name is read as if typed without them', () => {
    expect(places.departementsNamedIn('Nântes')).toEqual(['44']);
  });

  it('When « viré » is the verb, then it is no town: Viré is no town people name alone, Vire is', () => {
    expect(places.departementsNamedIn("j'ai été viré")).toEqual([]);
    expect(places.departementsNamedIn('Viré')).toEqual([]);
  });
});

describe('the rule for shared town names, on made-up communes', () => {
  const commune = (nom: string, departement: string, population: number) => ({ nom, type: 'commune-actuelle', departement, population });
  const served = (code: string) => code !== '975';
  const index = (...communes: ReturnType<typeof commune>[]) => buildCommuneIndex(communes, served, new Map());

  it('When one département holds 90 % of the people of a name, then it alone is given; just under, the name is asked', () => {
    expect(index(commune('Bourgville', '01', 900), commune('Bourgville', '02', 100)).read('bourgville')?.departements).toEqual(['01']);
    expect(index(commune('Bourgville', '01', 899), commune('Bourgville', '02', 101)).read('bourgville')?.departements).toEqual(['01', '02']);
  });

  it('When a longer name begins with the name before a linking word, then a tenth of its people count for the short name', () => {
    const towns = index(commune('Bourgville', '01', 880), commune('Bourgville-sur-Mer', '02', 1000));
    expect(towns.populationOf('bourgville', '02')).toBe(100);
    expect(towns.read('bourgville')?.departements).toEqual(['01', '02']);
    expect(towns.read('bourgville sur mer')?.departements).toEqual(['02']);
    // No linking word: « Bourgville-Tilleul » is no « Bourgville ».
    expect(index(commune('Bourgville', '01', 900), commune('Bourgville-Tilleul', '02', 1000)).read('bourgville')?.departements).toEqual(['01']);
  });

  it('When people of a département we do not serve bear the name, then they count, but their département is not proposed', () => {
    const towns = index(commune('Bourgville', '01', 800), commune('Bourgville', '975', 200), commune('Bourgville', '03', 10));
    expect(towns.read('bourgville')?.departements).toEqual(['01', '03']);
    expect(index(commune('Rocheplate', '975', 500)).read('rocheplate')).toBeNull();
  });

  it('When a compound name has no linking word, then a tenth of its people count for its first part, unless that part is an everyday word', () => {
    const everyday = new Set(['petit', 'bois']);
    const towns = buildCommuneIndex(
      [commune('Bourgville-Tilleul', '01', 1000), commune('Petit-Tilleul', '02', 1000), commune('Saint-Pierre-Tilleul', '03', 1000)],
      served,
      new Map(),
      { everyday, seats: new Set() },
    );
    expect(towns.populationOf('bourgville', '01')).toBe(100);
    expect(towns.read('petit')).toBeNull();
    expect(towns.read('saint')).toBeNull();
    expect(towns.read('saint pierre')?.departements).toEqual(['03']);
  });

  it('When a name is one everyday word, then it needs a cue unless a town of 10,000 people or a seat of an arrondissement bears it', () => {
    const everyday = new Set(['bois', 'pont', 'mer']);
    const towns = buildCommuneIndex(
      [
        { ...commune('Bois', '01', 9999), code: '01001' },
        { ...commune('Pont-sur-Loire', '02', 10000), code: '02001' },
        { ...commune('Mer', '03', 500), code: '03001' },
        { ...commune('Bourgville', '04', 50), code: '04001' },
      ],
      served,
      new Map(),
      { everyday, seats: new Set(['03001']) },
    );
    expect(towns.read('bois')).toMatchObject({ everyday: true, needsCue: true });
    expect(towns.read('pont')).toMatchObject({ everyday: true, needsCue: false }); // Pont-sur-Loire, said short
    expect(towns.read('mer')).toMatchObject({ everyday: true, needsCue: false }); // a seat
    expect(towns.read('bourgville')).toMatchObject({ everyday: false, needsCue: false });
  });

  it('When a name is typed without accents, then every town it may mean counts; written with them, the towns written so', () => {
    const towns = index(commune('Bourgville', '01', 900), commune('Bourgvillé', '02', 100));
    expect(towns.read('bourgville')?.departements).toEqual(['01']);
    expect(towns.read('bourgville', 'bourgville')?.departements).toEqual(['01']);
    expect(towns.read('bourgville', 'bourgvillé')?.departements).toEqual(['02']);
    expect(towns.read('bourgville', 'bôurgville')?.departements).toEqual(['01']); // no town written so: as typed without accents
    expect(index(commune('Bourgville', '01', 850), commune('Bourgvillé', '02', 150)).read('bourgville')?.departements).toEqual(['01', '02']);
  });

  it('When a commune nouvelle has a seat of another name, then that name counts all its people, once, and not its short names', () => {
    const seat = (nom: string, code: string) => ({ nom, code, chefLieu: code, type: 'commune-deleguee', departement: '01' });
    const towns = buildCommuneIndex(
      [
        { ...commune('Bourgville Tilleul', '01', 2000), code: '01001' },
        seat('Bourgville', '01001'),
        { ...commune('Val de Rocheplate', '01', 3000), code: '01002' },
        seat('Rocheplate-sur-Loire', '01002'),
        commune('Rocheplate', '02', 500),
        commune('Bourgville', '03', 200),
      ],
      served,
      new Map(),
    );
    expect(towns.populationOf('bourgville', '01')).toBe(2000); // a tenth as the short name, all of it as the seat's name
    expect(towns.read('bourgville')?.departements).toEqual(['01']);
    expect(towns.populationOf('rocheplate sur loire', '01')).toBe(3000);
    expect(towns.populationOf('rocheplate', '01')).toBe(0);
    expect(towns.read('rocheplate')?.departements).toEqual(['02']);
  });

  it('When the name is asked, then the fewest départements holding 90 % of its people are proposed, three at most', () => {
    const two = index(commune('Bourgville', '01', 500), commune('Bourgville', '02', 450), commune('Bourgville', '03', 50));
    expect(two.read('bourgville')?.departements).toEqual(['01', '02']);
    const many = index(...['01', '02', '03', '04', '05'].map((code) => commune('Bourgville', code, 100)));
    expect(many.read('bourgville')?.departements).toHaveLength(3);
  });
});

describe('postcode overrides: a layer over the towns every version shares', () => {
  const commune = (nom: string, departement: string, population: number, codesPostaux: string[]) => ({ nom, type: 'commune-actuelle', departement, population, codesPostaux });
  const served = (code: string) => code !== '975';

  it('When an override moves a town, then its people are counted in the new département, no longer in the old one', () => {
    const communes = [commune('Bourgville', '975', 900, ['97500']), commune('Bourgville', '03', 50, ['03100']), commune('Bourgville-sur-Mer', '03', 400, ['03200'])];
    expect(buildCommuneIndex(communes, served, new Map()).read('bourgville')?.departements).toEqual(['03']);
    const moved = buildCommuneIndex(communes, served, new Map([['97500', '01']]));
    expect(moved.read('bourgville')?.departements).toEqual(['01']);
    expect(moved.populationOf('bourgville', '01')).toBe(900);
    const back = buildCommuneIndex(communes, served, new Map([['03100', '04'], ['03200', '04']]));
    expect(back.populationOf('bourgville', '03')).toBe(0);
    expect(back.read('bourgville')?.anywhere).toEqual(new Set(['04']));
  });

  it('When overrides are laid over the shared index of every commune, then each name reads as in an index built with the communes moved', () => {
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as Array<{ code: string; nom: string; type: string; departement?: string; codesPostaux?: string[] }>;
    const arrondissements = require('@etalab/decoupage-administratif/data/arrondissements.json') as Array<{ chefLieu: string }>;
    const words = { everyday: EVERYDAY_WORDS, seats: new Set(arrondissements.map((arrondissement) => arrondissement.chefLieu)) };
    const overrides = new Map([['97133', '971'], ['97150', '971'], ['44000', '85'], ['05110', '05'], ['14500', '61']]);
    const departementOf = (commune: (typeof communes)[number]) => commune.codesPostaux?.map((postcode) => overrides.get(postcode)).find((code) => code !== undefined);
    const layered = communeIndex(isDepartementCode, overrides);
    const rebuilt = buildCommuneIndex(
      communes.map((commune) => ({ ...commune, departement: departementOf(commune) ?? commune.departement })),
      isDepartementCode,
      new Map(),
      words,
    );
    const names = new Set<string>();
    for (const commune of communes) {
      if (commune.type === 'commune-actuelle' && departementOf(commune) !== undefined) sharedTownBase().eachNameOf(commune, (name) => names.add(name));
    }
    expect([...names]).toEqual(expect.arrayContaining(['saint barthelemy', 'saint martin', 'nantes', 'vire', 'vire normandie']));
    const reading = (towns: CommuneIndex, name: string) => {
      const read = towns.read(name);
      return read && { ...read, people: Math.round(read.people), anywhere: [...read.anywhere].sort() };
    };
    for (const name of names) expect([name, reading(layered, name)]).toEqual([name, reading(rebuilt, name)]);
    expect(layered.read('vire')?.departements).toEqual(['61']);
  });
});

describe('warmUp', () => {
  it('When the indexes are built ahead, then a town is found at once, with the same answer', () => {
    const fresh = createPlaces();
    fresh.warmUp();
    expect(fresh.departementsNamedIn('Nantes')).toEqual(['44']);
  });
});
