import { readOutOfFold, tallyGrid } from '../../src/knowledge/crossValidation';
import { chooseThreshold, crossValidatePhrasings, readPhrasings } from '../../src/knowledge/phrasingCrossValidation';
import { entry } from './helpers';

const entries = [
  entry({ id: 'aah', title: 'Allocation aux adultes handicapés', questions: ["Comment avoir l'AAH ?"], examples: ['je touche pas assez pour vivre avec mon handicap', 'mon fils de 20 ans peut il avoir une allocation', "j'ai plus de revenus depuis mon accident, quelle allocation", "l'allocation adulte handicapé, je la demande où"] }),
  entry({ id: 'aesh', title: "Accompagnant d'élève en situation de handicap", questions: ['Comment avoir une AESH ?'], examples: ["ma fille a besoin de quelqu'un à côté d'elle en classe", "l'école refuse une accompagnante pour mon fils", "l'aesh de mon fils est absente depuis un mois", 'une aide humaine en classe pour un enfant autiste'], aliases: ['avs'] }),
];

const tally = (right: number, wrong: number, total = 100) => ({ right, unsure: total - right - wrong, wrong, total, cost: 0, confusion: {}, byEntry: {} });

describe('cross-validation over the tuning phrasings', () => {
  it('counts a phrasing right for any entry it accepts, merged ids included, and « not sure » right for none', () => {
    const rows = readPhrasings(entries, [{ text: "l'avs de ma fille n'est pas venue en classe", expect: ['avs'] }, { text: 'quel temps fera-t-il demain à Brest', expect: ['none'] }], ['ma voiture est en panne']);
    expect(rows.map((r) => [r.label, r.accepts, r.written === true])).toEqual([
      ['aesh', ['aesh'], false],
      [null, [], false],
      [null, undefined, true],
    ]);
    const never = tallyGrid(rows, { never: { classifierSure: 2, classifierPair: 0, classifierConfirmed: 2, exampleShare: 2, confidenceAnswer: 2 } }).never;
    expect(never).toMatchObject({ right: 2, unsure: 1, wrong: 0 });
  });

  it('chooses the threshold with the most right answers within the wrong cap, else the fewest wrong', () => {
    const grid = [
      { threshold: 0.5, tally: tally(90, 6) },
      { threshold: 0.6, tally: tally(88, 3) },
      { threshold: 0.7, tally: tally(80, 2) },
    ];
    expect(chooseThreshold(grid, 0.03)).toBe(0.6);
    expect(chooseThreshold(grid, 0.01)).toBe(0.7);
    expect(chooseThreshold(grid, 0.1)).toBe(0.5);
  });

  it('judges every phrasing once, on a fold the stacker was not fitted on', () => {
    const examples = readOutOfFold(entries, 2).rows;
    const phrasings = readPhrasings(entries, [{ text: "l'aesh de mon fils ne vient plus", expect: ['aesh'] }, { text: 'je touche plus rien pour vivre', expect: ['aah'] }, { text: 'ma voiture est en panne', expect: ['none'] }], ['quel film ce soir']);
    const result = crossValidatePhrasings(examples, phrasings, 2, [0.5, 0.9], { phrasingWeight: 1, unansweredWeight: 0.1, wrongCap: 0.03 });
    expect(result.tallies['confidence 0.5, tuning']?.total).toBe(3);
    expect(result.tallies['confidence 0.9, written unanswered']?.total).toBe(1);
    expect(result.chosen.thresholds).toHaveLength(2);
    expect(result.chosen.tuning.total + result.chosen.written.total).toBe(4);
  });
});
