/** The FAQ's third reader: a softmax over stems and pairs of stems, trained on labelled examples. */
import { frenchAnalyser } from '../../src/understanding/analyse';
import { charGrams, createTextClassifier, termFeatures } from '../../src/understanding/classifier';
import { trainSoftmax } from '../../src/understanding/softmax';

const examples = [
  { label: 'demande', text: 'comment faire la demande à la MDPH' },
  { label: 'demande', text: 'je veux déposer un premier dossier MDPH' },
  { label: 'demande', text: 'quel formulaire remplir pour la MDPH' },
  { label: 'delai', text: 'mon dossier MDPH est en attente depuis des mois' },
  { label: 'delai', text: 'la MDPH ne répond pas, combien de temps ça prend' },
  { label: 'delai', text: 'toujours pas de réponse de la MDPH, c’est long' },
  { label: 'renouvellement', text: 'mes droits MDPH finissent bientôt, il faut renouveler' },
  { label: 'renouvellement', text: 'renouveler ma carte avant la fin' },
  { label: 'renouvellement', text: 'mon AAH se termine, comment la renouveler' },
];

describe('the softmax trainer', () => {
  it('When features say one label, then that label is the likeliest; unknown features change nothing', () => {
    const model = trainSoftmax(
      [
        { features: ['a', 'b'], label: 'x' },
        { features: ['c', 'd'], label: 'y' },
      ],
      ['x', 'y'],
    );
    const [x, y] = model.probabilities(['a']);
    expect(x).toBeGreaterThan(0.7);
    expect((x ?? 0) + (y ?? 0)).toBeCloseTo(1, 10);
    expect(model.probabilities(['a', 'zzz'])).toEqual(model.probabilities(['a']));
    expect(model.knows('c')).toBe(true);
    expect(model.knows('zzz')).toBe(false);
  });

  it('When a seed is given, then the examples are read in a shuffled order, the same for the same seed', () => {
    const data = examples.map((example, k) => ({ features: [`w${k % 4}`, example.label], label: example.label }));
    const labels = ['demande', 'delai', 'renouvellement'];
    const inOrder = trainSoftmax(data, labels, { epochs: 3 }).probabilities(['w1', 'w2']);
    const seeded = trainSoftmax(data, labels, { epochs: 3, seed: 7 }).probabilities(['w1', 'w2']);
    expect(trainSoftmax(data, labels, { epochs: 3, seed: 7 }).probabilities(['w1', 'w2'])).toEqual(seeded);
    expect(seeded).not.toEqual(inOrder);
    expect(trainSoftmax(data, labels, { epochs: 3, seed: 8 }).probabilities(['w1', 'w2'])).not.toEqual(seeded);
  });

  it('When a label is not in the list, then training refuses it', () => {
    expect(() => trainSoftmax([{ features: ['a'], label: 'z' }], ['x'])).toThrow(/unknown label z/);
  });
});

describe('the text classifier', () => {
  const classifier = createTextClassifier(examples, frenchAnalyser());

  it('When entries share a word (MDPH), then the words that differ decide', () => {
    expect(classifier.classify('la MDPH met trop de temps à répondre à mon dossier').ranked[0]?.label).toBe('delai');
    expect(classifier.classify('renouveler mes droits à la MDPH').ranked[0]?.label).toBe('renouvellement');
    expect(classifier.classify('remplir le dossier de demande MDPH').ranked[0]?.label).toBe('demande');
  });

  it('When the message is read, then it says how many words it has and how many it knows', () => {
    const opinion = classifier.classify('renouveler la fusée martienne');
    expect(opinion.terms).toBe(3);
    expect(opinion.known).toBeCloseTo(1 / 3, 5);
  });

  it('When only one word of the message is the first label\'s own, then firstCovers says how little of the message that label explains', () => {
    const shared = classifier.classify('renouveler ma maison et ma voiture');
    expect(shared.ranked[0]?.label).toBe('renouvellement');
    expect(shared.firstCovers).toBeCloseTo(1 / shared.terms, 5);
    expect(classifier.classify('renouveler mes droits avant la fin').firstCovers).toBe(1);
  });

  it('When several trainings are averaged (an ensemble), then the probabilities still sum to one and the words that differ still decide', () => {
    const ensemble = createTextClassifier(examples, frenchAnalyser(), { ensemble: 3 });
    const opinion = ensemble.classify('la MDPH met trop de temps à répondre à mon dossier');
    expect(opinion.ranked[0]?.label).toBe('delai');
    expect(opinion.ranked.reduce((sum, r) => sum + r.probability, 0)).toBeCloseTo(1, 10);
    expect(opinion.ranked[0]?.probability).not.toBeCloseTo(classifier.classify('la MDPH met trop de temps à répondre à mon dossier').ranked[0]?.probability ?? 0, 6);
  });

  it('When neighbouring stems are read, then each pair is a feature too', () => {
    expect(termFeatures(['demand', 'mdph', 'delai'])).toEqual(['demand', 'mdph', 'delai', 'demand mdph', 'mdph delai']);
  });

  it('When character n-grams are asked (an option, off), then each stem gives its n-grams within its boundaries, marked apart', () => {
    expect(charGrams('aah', { min: 3, max: 4 })).toEqual(['#<aa', '#aah', '#ah>', '#<aah', '#aah>']);
    expect(termFeatures(['aah'], { min: 4, max: 4 })).toEqual(['aah', '#<aah', '#aah>']);
    // A typo the stems cannot repair (two letters off) still shares n-grams with the word it meant.
    const grams = createTextClassifier(examples, frenchAnalyser(), { charGrams: { min: 4, max: 4 } });
    expect(grams.classify('renouvelment de ma carte').ranked[0]?.label).toBe('renouvellement');
  });
});
