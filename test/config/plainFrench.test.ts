/** Plain French (FALC) checks of the answers and prompts: short sentences, acronyms explained at first use. */
import { plainFrenchProblems } from '../../src/config/plainFrench';

const rules = { acronyms: { MDPH: 'maison départementale des personnes handicapées', SMS: '' } };

describe('plain French', () => {
  it('When an acronym is explained at its first use, in brackets or spelled out in the sentence, then the text is plain', () => {
    expect(plainFrenchProblems('Écrivez à la MDPH (maison départementale des personnes handicapées). La MDPH répond.', rules)).toEqual([]);
    expect(plainFrenchProblems('La MDPH est la maison départementale des personnes handicapées. Elle répond.', rules)).toEqual([]);
    expect(plainFrenchProblems('Envoyez un SMS au 114.', rules)).toEqual([]);
  });

  it('When an acronym is first used without its meaning, then the check says how to explain it', () => {
    expect(plainFrenchProblems('Écrivez à la MDPH. La MDPH (maison départementale des personnes handicapées) répond.', rules)).toEqual([
      expect.stringMatching(/le sigle MDPH n’est pas expliqué la première fois : écrivez « MDPH \(maison départementale/),
    ]);
  });

  it('When an acronym is not in the glossary and not explained, then the check asks to explain it and add it', () => {
    expect(plainFrenchProblems('Demandez la PCH.', rules)).toEqual([expect.stringMatching(/le sigle PCH n’est pas expliqué.*content\/fr\/lexicon\.yaml/)]);
    expect(plainFrenchProblems('Demandez la PCH (prestation de compensation du handicap).', rules)).toEqual([]);
  });

  it('When a sentence is longer than 20 words, then the check asks to split it', () => {
    const long = `${Array.from({ length: 21 }, () => 'mot').join(' ')}.`;
    expect(plainFrenchProblems(long, rules)).toEqual([expect.stringMatching(/phrase trop longue pour le français facile \(21 mots, 20 au plus\)/)]);
  });
});
