/** The nearest-examples vote: every example is its own document, the closest ones vote for their label. */
import { frenchAnalyser } from '../../src/understanding/analyse';
import { createExampleIndex } from '../../src/understanding/examples';

const examples = [
  { label: 'jardin', text: 'il faut arroser les tomates tous les soirs' },
  { label: 'jardin', text: 'mes salades ont soif, je les arrose quand ?' },
  { label: 'jardin', text: "l'arrosoir fuit, le potager sèche" },
  { label: 'velo', text: 'la roue de mon vélo est voilée' },
  { label: 'velo', text: 'je dois regonfler les pneus du vélo' },
  { label: 'velo', text: 'la chaîne du vélo a sauté' },
];

describe('the nearest examples', () => {
  const index = createExampleIndex(examples, frenchAnalyser());

  it('When a message is worded like the examples of one label, then they all vote for it', () => {
    const vote = index.vote('quand faut-il arroser les tomates du potager');
    expect(vote.ranked[0]?.label).toBe('jardin');
    expect(vote.share).toBe(1);
    expect(vote.coverage).toBeGreaterThan(0.6);
  });

  it('When a message only shares one word with the examples, then the vote says it covers little of it', () => {
    const vote = index.vote('ma voiture a une roue crevée sur l autoroute ce matin');
    expect(vote.ranked[0]?.label).toBe('velo');
    expect(vote.coverage).toBeLessThan(0.3);
  });

  it('When a message shares nothing with the examples, then nobody votes', () => {
    expect(index.vote('zkqx wvpt')).toMatchObject({ ranked: [], share: 0, coverage: 0 });
    expect(index.vote('bonjour merci')).toMatchObject({ ranked: [], terms: 0 });
  });

  it('When words are misspelt, then the examples still vote (typos tolerated as in the matcher)', () => {
    expect(index.vote('la chaine du velo a sotée').ranked[0]?.label).toBe('velo');
  });

  it('When the index reads every word, then common words count (« parler à quelqu’un » asks for a person)', () => {
    const people = createExampleIndex(
      [
        { label: 'human', text: 'je veux parler à quelqu’un' },
        { label: 'human', text: 'passez-moi une personne' },
        { label: 'need', text: 'je cherche un logement' },
      ],
      frenchAnalyser(),
      { words: 'all' },
    );
    expect(people.vote('est-ce que je peux parler à quelqu’un').ranked[0]?.label).toBe('human');
    expect(createExampleIndex([{ label: 'human', text: 'je veux parler à quelqu’un' }], frenchAnalyser()).vote('je veux parler à quelqu’un').ranked).toEqual([]);
  });
});
