/** The forms of place names the town index compares: folded, and with their accents (src/places/folding.ts). */
import { foldText } from '../../src/domain/text';
import { accentedWords, foldPlaceName, placeNameWords } from '../../src/places/folding';

describe('placeNameWords', () => {
  it('folds every name of communes.json as foldPlaceName does, and keeps the accents of those that have some, word for word', () => {
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as Array<{ nom: string }>;
    const differing = communes.filter(({ nom }) => placeNameWords(nom).folded.join(' ') !== foldPlaceName(nom)).map(({ nom }) => nom);
    expect(differing).toEqual([]);
    const unfaithful = communes.filter(({ nom }) => {
      const { folded, accented } = placeNameWords(nom);
      return accented !== null && (accented.length !== folded.length || accented.some((word, index) => foldText(word) !== folded[index]));
    });
    expect(unfaithful).toEqual([]);
    expect(communes.filter(({ nom }) => placeNameWords(nom).accented !== null).length).toBeGreaterThan(8000);
  });

  it('folds each French accented letter as foldText does, without Unicode normalisation', () => {
    for (const letter of 'àâäáçéèêëîïíñôöóùûüúÿýÀÉÈÇÔ') expect(placeNameWords(`x${letter}x`).folded).toEqual([foldText(`x${letter}x`)]);
  });

  it.each([
    ['Viré', ['vire'], ['viré']],
    ["L'Hôpital", ['l', 'hopital'], ['l', 'hôpital']],
    ['St-Étienne', ['saint', 'etienne'], ['saint', 'étienne']],
    ['SAINT-ÉTIENNE-DU-ROUVRAY', ['saint', 'etienne', 'du', 'rouvray'], ['saint', 'étienne', 'du', 'rouvray']],
    ['Œuilly', ['oeuilly'], null], // « œ » is written « oe »: no accent tells it apart
    ['Vire Normandie', ['vire', 'normandie'], null],
    ['Vire\u0301', ['vire'], ['viré']], // decomposed accent
    ['Großdorf', ['gro', 'dorf'], null], // a letter that splits a word when folded: no accented form
  ])('%j → %j, accented %j', (text, folded, accented) => {
    expect(placeNameWords(text)).toEqual({ folded, accented });
  });
});

describe('accentedWords', () => {
  it('gives the words written with accents by their folded form', () => {
    expect(accentedWords("J'habite à Viré, près de St-Lô")).toEqual(new Map([['a', 'à'], ['vire', 'viré'], ['pres', 'près'], ['lo', 'lô']]));
    expect(accentedWords('je vis a vire')).toEqual(new Map());
  });
});
