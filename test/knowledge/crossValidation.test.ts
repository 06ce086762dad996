import { confidenceRows, crossValidate, crossValidateConfidence, foldOf, readOutOfEntries, readOutOfFold, tallyGrid } from '../../src/knowledge/crossValidation';
import { entry } from './helpers';

const entries = [
  entry({ id: 'aah', title: 'Allocation aux adultes handicapés', questions: ["Comment avoir l'AAH ?"], examples: ['je touche pas assez pour vivre avec mon handicap', "l'allocation adulte handicapé c'est combien", 'mon fils de 20 ans peut il avoir une allocation', "j'ai plus de revenus depuis mon accident, quelle allocation"] }),
  entry({ id: 'aesh', title: "Accompagnant d'élève en situation de handicap", questions: ['Comment avoir une AESH ?'], examples: ["ma fille a besoin de quelqu'un à côté d'elle en classe", "l'école refuse une accompagnante pour mon fils", "l'aesh de mon fils est absente depuis un mois", 'une aide humaine en classe pour un enfant autiste'] }),
];

describe('cross-validation over the examples', () => {
  it('holds out every example exactly once, and never trains on it in the same fold', () => {
    const folds = foldOf(entries, 2);
    const held = folds.flatMap((fold) => fold.held.map((h) => h.text)).sort();
    expect(held).toEqual(entries.flatMap((e) => e.examples ?? []).sort());
    for (const fold of folds) {
      const trained = fold.training.flatMap((e) => e.examples ?? []);
      for (const h of fold.held) expect(trained).not.toContain(h.text);
      // Titles and questions stay in every fold.
      expect(fold.training.map((e) => e.questions)).toEqual(entries.map((e) => e.questions));
    }
  });

  it('counts every held-out example once per setting, with its cost', () => {
    const { tallies } = crossValidate(entries, { folds: 2, grid: { shipped: {}, never: { classifierSure: 2, classifierPair: 0, classifierConfirmed: 2, exampleShare: 2, confidenceAnswer: 2 } } });
    for (const tally of Object.values(tallies)) {
      expect(tally.right + tally.unsure + tally.wrong).toBe(8);
      expect(tally.cost).toBe(tally.unsure + 3 * tally.wrong);
    }
    expect(tallies.shipped?.right).toBeGreaterThan(0);
  });

  it('reads each entry\'s examples with readers built without that entry, as messages no entry answers', () => {
    const rows = readOutOfEntries(entries, 2);
    expect(rows.map((r) => r.label)).toEqual(entries.flatMap((e) => (e.examples ?? []).map(() => null)));
    // « Not sure » is the right outcome for them; an answer is wrong.
    const tallies = tallyGrid(rows, { never: { classifierSure: 2, classifierPair: 0, classifierConfirmed: 2, exampleShare: 2, confidenceAnswer: 2 }, shipped: {} });
    expect(tallies.never).toMatchObject({ right: rows.length, unsure: 0, wrong: 0 });
    expect((tallies.shipped?.right ?? 0) + (tallies.shipped?.wrong ?? 0)).toBe(rows.length);
    expect(tallies.shipped?.unsure).toBe(0);
  });

  it('judges the stacked confidence on opinions its weights were not fitted on, the unanswered messages apart', () => {
    const rows = [...readOutOfFold(entries, 2).rows, ...readOutOfEntries(entries, 2)];
    expect(confidenceRows(rows).every((r) => r.weight === 1)).toBe(true);
    expect(confidenceRows(rows, undefined, 0.1).filter((r) => r.weight === 0.1).every((r) => !r.right)).toBe(true);
    const tallies = crossValidateConfidence(rows, 2, [0.5, 0.9], {}, 0.1);
    expect(Object.keys(tallies)).toEqual(['confidence 0.5', 'confidence 0.9', 'confidence 0.5, unanswered messages', 'confidence 0.9, unanswered messages']);
    expect(tallies['confidence 0.5']?.total).toBe(8);
    expect(tallies['confidence 0.5, unanswered messages']?.total).toBe(8);
    // A higher threshold answers less.
    expect(tallies['confidence 0.9']?.unsure).toBeGreaterThanOrEqual(tallies['confidence 0.5']?.unsure ?? 0);
  });

  it('refuses fewer than two folds', () => {
    expect(() => foldOf(entries, 1)).toThrow('at least 2 folds');
  });
});
