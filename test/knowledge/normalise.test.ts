import { editDistance, foldText, normaliseTerms, stem } from '../../src/knowledge/normalise';

describe('French normalisation', () => {
  it('folds case, accents and ligatures, and splits off apostrophes', () => {
    expect(foldText("L'Œuvre d'ÉDUCATION, à l’école !")).toBe('l oeuvre d education a l ecole');
  });

  it('drops elided articles, stop words, greetings and spoken fillers', () => {
    expect(normaliseTerms("Bonjour, euh, c'est quoi l'AAH svp merci")).toEqual(['aah']);
    expect(normaliseTerms("qu'est-ce que la MDPH ?")).toEqual(['mdph']);
    expect(normaliseTerms('bonjour merci au revoir')).toEqual([]);
  });

  it('joins plurals, feminines and verb / noun pairs on one stem', () => {
    expect(new Set(['handicap', 'handicapé', 'handicapée', 'handicapés', 'handicapees'].map((word) => stem(foldText(word))))).toEqual(new Set(['handicap']));
    expect(stem('demande')).toBe(stem('demander'));
    expect(stem('demandes')).toBe(stem('demandee'));
    expect(stem('logement')).toBe(stem('loger'));
    expect(stem('aidante')).toBe(stem('aidant'));
    expect(stem('medicaux')).toBe(stem('medical'));
    expect(stem('travaux')).toBe(stem('travail'));
  });

  it('keeps acronyms and numbers whole', () => {
    expect(normaliseTerms('AAH PCH CMI IME 360')).toEqual(['aah', 'pch', 'cmi', 'ime', '360']);
  });

  it('turns spoken words into the usual ones', () => {
    expect(normaliseTerms('du boulot pour mon gamin')).toEqual(normaliseTerms('du travail pour mon enfant'));
  });

  it('counts typos, adjacent swaps included', () => {
    expect(editDistance('allocation', 'alocation', 2)).toBe(1);
    expect(editDistance('mpdh', 'mdph', 2)).toBe(1);
    expect(editDistance('suicide', 'sucide', 1)).toBe(1);
    expect(editDistance('maison', 'raisonnable', 2)).toBe(3);
  });
});
