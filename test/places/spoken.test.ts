/**
 * Places said on the phone as Twilio's SpeechResult writes them (lower case, no punctuation, numbers in
 * words or digits): the twelfth round's phrasings not in the tuning split, and each reading the round added.
 */
import { places } from '../../src/places/places';
import { postcodeFrom } from '../../src/voice/understand';

/** What the place question does with what was said: a postcode first, else a place named; `ask`, `none` or a code. */
function heard(said: string): string {
  const postcode = postcodeFrom({ speech: said });
  const codes = postcode ? places.departementsForPostcode(postcode) : places.departementsNamedIn(said);
  return codes.length === 0 ? 'none' : codes.length === 1 ? (codes[0] ?? 'none') : 'ask';
}

/** Written for this round as new callers would say them (the other half is in test/understanding/tuning/phone.yaml). */
const SPOKEN: ReadonlyArray<readonly [string, string]> = [
  ["vingt neuf deux cents", "29"],
  ["soixante neuf zéro zéro trois", "69"],
  ["zéro six mille", "06"],
  ["quatre-vingt-dix-sept quatre", "974"],
  ["neuf cent soixante douze", "972"],
  ["dans le soixante neuf", "69"],
  ["le cinquante neuf", "59"],
  ["la corse du sud", "2A"],
  ["vingt deux mille", "22"],
  ["c'est 97400", "974"],
  ["la réunion", "974"],
  ["la martinique", "972"],
  ["en guyane", "973"],
  ["le pas de calais", "62"],
  ["dans les côtes d'armor", "22"],
  ["dans le nord", "59"],
  ["les hauts de seine", "92"],
  ["les deux sèvres", "79"],
  ["en seine saint denis", "93"],
  ["les yvelines", "78"],
  ["saint brieuc", "22"],
  ["saint herblain", "44"],
  ["saint maur des fossés", "94"],
  ["saint lô", "50"],
  ["aix en provence", "13"],
  ["chalon sur saône", "71"],
  ["fontenay sous bois", "94"],
  ["les sables d'olonne", "85"],
  ["mont de marsan", "40"],
  ["bar le duc", "55"],
  ["pointe à pitre", "971"],
  ["mamoudzou", "976"],
  ["le tampon", "974"],
  ["euh alors j'habite à quimper", "29"],
  ["on est sur nantes", "44"],
  ["moi je suis du côté de dijon", "21"],
  ["j'habite dans le 44 à côté de nantes", "44"],
  ["je suis à la maison", "none"],
  ["à côté de la gare", "none"],
  ["en face de la mairie", "none"],
  ["dans un foyer", "none"],
  ["à côté de l'église", "none"],
  ["je suis à l'ehpad", "none"],
  ["villeneuve", "ask"],
  ["valenciennes", "59"],
  ["perpignan", "66"],
  ["la seyne sur mer", "83"],
  ["on habite à lorient", "56"],
  ["un village à côté de saint flour", "15"],
  ["vingt neuf", "29"],
  ["soixante quinze", "75"],
  ["juste à côté de chez moi", "none"],
  ["quarante quatre trois cent", "44"],
  ["97 4", "974"],
  ["deux b", "2B"],
  ["soixante et onze", "71"],
  ["zéro trois", "03"],
  ["code postal 35 000", "35"],
  ["j'habite au 12 rue de la paix à rennes", "35"],
  ["en bretagne", "none"],
  ["dans le sud", "none"],
  ["au bord de la loire", "none"],
  ["sur la côte d'azur", "none"],
  ["je suis en vendée", "85"],
  ["saint pierre en martinique", "972"],
  ["baie mahault", "971"],
  ["rezé", "44"],
  ["bourgoin", "38"],
  ["les mureaux", "78"],
  ["à dix kilomètres de rennes", "35"],
  ["Je suis à Lorient.", "56"],
  ["C'est dans le Morbihan à Vannes.", "56"],
  ["la loire", "42"],
];

describe('places said by callers (twelfth round)', () => {
  it.each(SPOKEN)('When a caller says « %s », then the place question reads %s', (said, expected) => {
    expect(heard(said)).toBe(expected);
  });
});

describe('numbers said one after the other', () => {
  it.each([
    ['le 9 3', ['93']],
    ['97 4', ['974']],
    ['quatre-vingt-dix-sept quatre', ['974']],
  ])('When « %s » is said, then the digits are one code: %j', (said, codes) => {
    expect(places.departementsNamedIn(said)).toEqual(codes);
  });

  it('When Corsica is said by its code (« deux a », « 2 b »), then it is that département; « de 2 à 3 heures » is none', () => {
    expect(places.departementsNamedIn('deux a')).toEqual(['2A']);
    expect(places.departementsNamedIn('le 2 b')).toEqual(['2B']);
    expect(places.departementsNamedIn('de 2 à 3 heures')).toEqual([]);
  });

  it('When a name holds a number word (« les deux sèvres », « trois rivières »), then the name is read, not the digit', () => {
    expect(places.departementsNamedIn('les deux sèvres')).toEqual(['79']);
    expect(places.departementsNamedIn('trois rivières en guadeloupe')).toEqual(['971']);
  });
});

describe('regions, rivers and « à côté »', () => {
  it('When a region of two or three départements is said (« la corse »), then they are proposed; a larger one is no answer', () => {
    expect(places.departementsNamedIn('la corse')).toEqual(['2A', '2B']);
    expect(places.departementsNamedIn('en bretagne')).toEqual([]);
    expect(places.departementsNamedIn('je suis en normandie')).toEqual([]);
  });

  it('When a region is said with a town it holds, then the region chooses between the towns of that name', () => {
    expect(places.departementsNamedIn('saint pierre en martinique')).toEqual(['972']);
    expect(places.departementsNamedIn('à rennes en bretagne')).toEqual(['35']);
  });

  it('When a département’s name is a river said after « au bord de », then it names no place', () => {
    expect(places.departementsNamedIn('au bord de la loire')).toEqual([]);
    expect(places.departementsNamedIn('sur les bords de marne')).toEqual([]);
    expect(places.departementsNamedIn('la loire')).toEqual(['42']);
  });

  it('When a town names a street (« rue de Paris à Nantes »), then the street is no place', () => {
    expect(places.departementsNamedIn("j'habite 12 rue de paris à nantes")).toEqual(['44']);
    expect(places.departementsNamedIn('avenue de la loire à nantes')).toEqual(['44']);
    expect(places.departementsNamedIn('route de lyon')).toEqual([]);
  });

  it('When towns of two départements are each said as a place, then the caller is asked which (the larger first)', () => {
    expect(places.departementsNamedIn("j'étais à lyon mais maintenant je suis à grenoble")).toEqual(['69', '38']);
    expect(places.departementsNamedIn("j'habite à lyon mais je suis né à paris")).toEqual(['75', '69']);
    expect(places.departementsNamedIn("j'habite à rezé à côté de nantes")).toEqual(['44']);
    expect(places.departementsNamedIn("j'habite à brest dans le finistère")).toEqual(['29']);
  });

  it('When « à côté » ends the sentence, then it names no place (La Côte is a hamlet of Haute-Saône)', () => {
    expect(places.departementsNamedIn("c'est à côté")).toEqual([]);
    expect(places.departementsNamedIn('juste à côté')).toEqual([]);
    expect(places.departementsNamedIn('à côté de figeac')).toEqual(['46']);
  });
});
