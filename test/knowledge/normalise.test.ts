import { editDistance, foldText } from '../../src/knowledge/normalise';
import { frenchAnalyser } from '../../src/understanding/analyse';

const terms = (text: string) => frenchAnalyser().terms(text);

describe('French normalisation', () => {
  it('folds case, accents and ligatures, and splits off apostrophes', () => {
    expect(foldText("L'Œuvre d'ÉDUCATION, à l’école !")).toBe('l oeuvre d education a l ecole');
  });

  it('drops elided articles, stop words, greetings and spoken fillers', () => {
    expect(terms("Bonjour, euh, c'est quoi l'AAH svp merci")).toEqual(['aah']);
    expect(terms("qu'est-ce que la MDPH ?")).toEqual(['mdph']);
    expect(terms('bonjour merci au revoir')).toEqual([]);
  });

  it('joins plurals, feminines and verb / noun pairs on one stem', () => {
    expect(new Set(['handicap', 'handicapé', 'handicapée', 'handicapés', 'handicapees'].flatMap(terms))).toEqual(new Set(['handicap']));
    expect(terms('demande')).toEqual(terms('demander'));
    expect(terms('demandes')).toEqual(terms('demandee'));
    expect(terms('logement')).toEqual(terms('loger'));
    expect(terms('aidante')).toEqual(terms('aidant'));
  });

  it('keeps acronyms and numbers whole', () => {
    expect(terms('AAH PCH CMI IME 360')).toEqual(['aah', 'pch', 'cmi', 'ime', '360']);
  });

  it('turns spoken words into the usual ones', () => {
    expect(terms('du boulot pour mon gamin')).toEqual(terms('du travail pour mon enfant'));
  });

  it('counts typos, adjacent swaps included', () => {
    expect(editDistance('allocation', 'alocation', 2)).toBe(1);
    expect(editDistance('mpdh', 'mdph', 2)).toBe(1);
    expect(editDistance('suicide', 'sucide', 1)).toBe(1);
    expect(editDistance('maison', 'raisonnable', 2)).toBe(3);
  });
});
