/** The stacked confidence: a logistic regression over the three readers' opinions (src/knowledge/confidence.ts). */
import { confidence, CONFIDENCE_FEATURES, CONFIDENCE_WEIGHTS, confidenceFeatures, fitConfidence, type Readings } from '../../src/knowledge/confidence';

const readings = (first: number, voted: string, share: number, coverage: number, matcherSure: string | null = null): Readings => ({
  opinion: { ranked: [{ label: 'aah', probability: first }, { label: 'pch', probability: Math.round((1 - first) * 100) / 100 }], known: 1, terms: 5 },
  vote: { ranked: [{ label: voted, score: 1 }], share, closeness: 0, terms: 5, coverage },
  matcherSure,
});

describe('the stacked confidence', () => {
  it('When the readers are read, then each feature says one thing, in the order of the names', () => {
    const features = confidenceFeatures(readings(0.8, 'pch', 0.7, 0.4, 'aah'));
    expect(features).toHaveLength(CONFIDENCE_FEATURES.length);
    expect(features.slice(0, 8)).toEqual([0.8, 0.2, 1, 0, 0, 0.7, 0.4, 1]);
    expect(features[8]).toBeCloseTo(Math.log(6), 10);
  });

  it('When the examples vote for a third entry, then their part for the classifier’s first two is still read', () => {
    const features = confidenceFeatures({
      opinion: { ranked: [{ label: 'aah', probability: 0.5 }, { label: 'pch', probability: 0.3 }], known: 1, terms: 5 },
      vote: { ranked: [{ label: 'rqth', score: 2 }, { label: 'pch', score: 1 }, { label: 'aah', score: 1 }], share: 0.5, closeness: 0.5, terms: 5, coverage: 0.4 },
      matcherSure: null,
    });
    expect(features.slice(4, 6)).toEqual([0, 0.5]);
    expect(features.slice(9, 11)).toEqual([0.25, 0.25]);
  });

  it('When it is fitted on rows where a high first probability was right and a low one wrong, then it tells them apart', () => {
    const rows = [0.9, 0.85, 0.8, 0.75, 0.3, 0.25, 0.2, 0.15].map((first) => ({ readings: readings(first, 'aah', 0.5, 0.5), right: first > 0.5 }));
    const weights = fitConfidence(rows);
    expect(weights).toHaveLength(CONFIDENCE_FEATURES.length + 1);
    expect(weights[1]).toBeGreaterThan(0);
    expect(confidence(readings(0.85, 'aah', 0.5, 0.5), weights)).toBeGreaterThan(0.5);
    expect(confidence(readings(0.2, 'aah', 0.5, 0.5), weights)).toBeLessThan(0.5);
  });

  it('When rows weigh nothing, then they change nothing', () => {
    const rows = [0.9, 0.8, 0.2, 0.1].map((first) => ({ readings: readings(first, 'aah', 0.5, 0.5), right: first > 0.5 }));
    const noise = [0.9, 0.8].map((first) => ({ readings: readings(first, 'aah', 0.5, 0.5), right: false, weight: 0 }));
    expect(fitConfidence([...rows, ...noise], 500)).toEqual(fitConfidence(rows, 500));
  });

  it('When the shipped weights read the same classifier opinion, then the examples voting for its entry raise the confidence, and voting for another lower it', () => {
    expect(CONFIDENCE_WEIGHTS).toHaveLength(CONFIDENCE_FEATURES.length + 1);
    const alone = confidence(readings(0.6, 'aah', 0, 0), CONFIDENCE_WEIGHTS);
    expect(confidence(readings(0.6, 'aah', 0.9, 0.6), CONFIDENCE_WEIGHTS)).toBeGreaterThan(alone);
    expect(confidence(readings(0.6, 'rqth', 0.9, 0), CONFIDENCE_WEIGHTS)).toBeLessThan(alone);
  });

  it('When one shared word carries the classifier (its first entry\'s own words cover little of the message), then the shipped weights are less confident', () => {
    const covered = readings(0.9, 'aah', 0.5, 0.3);
    const coveredFeatures = { ...covered, opinion: { ...covered.opinion, firstCovers: 1 } };
    const oneWord = { ...covered, opinion: { ...covered.opinion, firstCovers: 0.2 } };
    expect(confidenceFeatures(oneWord)[CONFIDENCE_FEATURES.indexOf("the first entry's own words cover the message")]).toBe(0.2);
    expect(confidence(oneWord, CONFIDENCE_WEIGHTS)).toBeLessThan(confidence(coveredFeatures, CONFIDENCE_WEIGHTS) - 0.2);
  });

  it('When the message asks a wage or a price (which no answer gives), then the shipped weights are less confident of the same opinion', () => {
    const opinion = readings(0.8, 'aah', 0.8, 0.5);
    const amount = { ...opinion, asksWageOrPrice: true };
    expect(confidenceFeatures(amount)[CONFIDENCE_FEATURES.indexOf('asks a wage or a price')]).toBe(1);
    expect(confidenceFeatures(opinion)[CONFIDENCE_FEATURES.indexOf('asks a wage or a price')]).toBe(0);
    expect(confidence(amount, CONFIDENCE_WEIGHTS)).toBeLessThan(confidence(opinion, CONFIDENCE_WEIGHTS) - 0.1);
  });

  it("When the message is about the writer's own job (which no answer is about), then the shipped weights are less confident of the same opinion", () => {
    // An opinion the weights find likely (the examples vote for the first entry, whose own words cover the message).
    const likely = readings(0.8, 'aah', 0.8, 0.5);
    const opinion = { ...likely, opinion: { ...likely.opinion, firstCovers: 1 } };
    const ownJob = { ...opinion, ownJob: true };
    const feature = CONFIDENCE_FEATURES.indexOf("speaks of the writer's own job");
    expect(confidenceFeatures(ownJob)[feature]).toBe(1);
    expect(confidenceFeatures(opinion)[feature]).toBe(0);
    expect(CONFIDENCE_WEIGHTS).toHaveLength(CONFIDENCE_FEATURES.length + 1);
    expect(confidence(ownJob, CONFIDENCE_WEIGHTS)).toBeLessThan(confidence(opinion, CONFIDENCE_WEIGHTS) - 0.1);
  });

  it('When the message names an everyday thing no entry is about (the APL, the carte Vitale), then the shipped weights are less confident of the same opinion', () => {
    const likely = readings(0.8, 'aah', 0.8, 0.5);
    const opinion = { ...likely, opinion: { ...likely.opinion, firstCovers: 1 } };
    const everyday = { ...opinion, everyday: true };
    const feature = CONFIDENCE_FEATURES.indexOf('names an everyday thing no entry is about');
    expect(confidenceFeatures(everyday)[feature]).toBe(1);
    expect(confidenceFeatures(opinion)[feature]).toBe(0);
    expect(confidence(everyday, CONFIDENCE_WEIGHTS)).toBeLessThan(confidence(opinion, CONFIDENCE_WEIGHTS) - 0.1);
  });
});
