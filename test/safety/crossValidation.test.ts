import { CHECK_BUDGET, checkRate, crossValidateDanger, crossValidateDangerGrid, FALSE_EMERGENCY_ALLOWANCE, minimumRecall, REFERENCE_THRESHOLDS, THRESHOLD_GRID } from '../../src/safety/crossValidation';
import { SHIPPED_THRESHOLDS } from '../../src/safety/thresholds';

const danger = [
  { text: 'je veux mourir ce soir, j’ai préparé les médicaments', expect: 'suicide' as const },
  { text: 'mon mari me frappe tous les soirs et je suis enfermée', expect: 'violence_conjugale' as const },
  { text: "l'aide à domicile prend l'argent de ma grand-mère et la bouscule", expect: 'maltraitance' as const },
  { text: 'mon père est tombé et ne répond plus, il ne respire pas', expect: 'urgence_medicale' as const },
];
const benign = [{ text: 'comment renouveler ma RQTH' }, { text: "c'est quoi le 3114 ?" }, { text: 'ma mère a eu un AVC il y a deux ans, elle a besoin d’aide pour la toilette' }];

describe('cross-validation of the danger detector over its examples', () => {
  it('reads every held-out example once, danger per category and ordinary ones', () => {
    const report = crossValidateDanger(danger, benign, 2);
    const totals = Object.values(report.recall).reduce((sum, each) => sum + each.total, 0);
    expect(totals).toBe(danger.length);
    expect(report.recall.suicide.total).toBe(1);
    expect(report.falseEmergencies.total).toBe(benign.length);
    // The rules alone answer these direct phrasings, whatever the small model learnt.
    expect(report.recall.suicide.answered).toBe(1);
    expect(report.recall.urgence_medicale.answered).toBe(1);
    expect(report.falseEmergencies.count).toBe(0);
    expect(report.checks.total).toBe(benign.length);
  });

  it('When the emergency threshold leaves a danger out, then the second stage still gives its number, and it is counted apart', () => {
    // A model never sure enough for the emergency, asking at the lowest doubt.
    const never = { ...REFERENCE_THRESHOLDS, confidence: 1.01, contextConfidence: 1.01, shortConfidence: 1.01, vetoConfidence: 1.01 };
    const indirect = Array.from({ length: 6 }, (_, i) => ({ text: `mon copain me met des torgnoles le soir numéro ${i}`, expect: 'violence_conjugale' as const }));
    const ordinary = Array.from({ length: 6 }, (_, i) => ({ text: `je cherche une aide pour le ménage numéro ${i}` }));
    const without = crossValidateDanger(indirect, ordinary, 2, { ...never, checkConfidence: 1.01 });
    const withCheck = crossValidateDanger(indirect, ordinary, 2, { ...never, checkConfidence: 0.3 });
    expect(without.recall.violence_conjugale.answered).toBe(0);
    expect(withCheck.recall.violence_conjugale.answered).toBe(6);
    expect(withCheck.recall.violence_conjugale.checked).toBe(6);
    expect(withCheck.falseEmergencies.count).toBe(0);
    expect(withCheck.checks.count).toBe(0);
  });

  it('refuses fewer than two folds', () => {
    expect(() => crossValidateDanger(danger, benign, 1)).toThrow('at least 2 folds');
  });
});

describe('the grid over the thresholds', () => {
  // A model that must speak for the indirect ones: words no rule knows (« torgnoles »).
  const indirect = [
    ...danger,
    ...Array.from({ length: 4 }, (_, i) => ({ text: `mon copain me met des torgnoles le soir numéro ${i}`, expect: 'violence_conjugale' as const })),
  ];
  const ordinary = [...benign, ...Array.from({ length: 4 }, (_, i) => ({ text: `je cherche une aide pour le ménage numéro ${i}` }))];
  const small = { ...THRESHOLD_GRID, confidence: [0.2, 0.5, 0.99], contextConfidence: [0.9], alsoConfidence: [0.25], shortConfidence: [1.01], checkConfidence: [0.1, 1.01] };

  it('When it runs, then it scores every setting and the reference like one cross-validation with those thresholds', () => {
    const grid = crossValidateDangerGrid(indirect, ordinary, 2, small);
    expect(grid.rows).toHaveLength(3 * 1 * small.vetoConfidence.length * 1 * small.minContentWords.length * 1 * small.aloneConfidence.length * 2);
    expect(grid.reference).toEqual(crossValidateDanger(indirect, ordinary, 2, REFERENCE_THRESHOLDS));
    const row = grid.rows[5];
    expect(row?.result).toEqual(crossValidateDanger(indirect, ordinary, 2, row?.thresholds));
  });

  it('When it chooses, then no setting within the budgets (false emergencies, second-stage questions) has a higher minimum recall', () => {
    const grid = crossValidateDangerGrid(indirect, ordinary, 2, small);
    const rate = (r: typeof grid.reference) => r.falseEmergencies.count / r.falseEmergencies.total;
    const budget = rate(grid.reference) + FALSE_EMERGENCY_ALLOWANCE + 1e-9;
    const within = grid.rows.filter((row) => rate(row.result) <= budget && checkRate(row.result) <= CHECK_BUDGET + 1e-9);
    expect(rate(grid.chosen.result)).toBeLessThanOrEqual(budget);
    expect(checkRate(grid.chosen.result)).toBeLessThanOrEqual(CHECK_BUDGET + 1e-9);
    expect(minimumRecall(grid.chosen.result)).toBeGreaterThanOrEqual(minimumRecall(grid.reference));
    for (const row of within) expect(minimumRecall(row.result)).toBeLessThanOrEqual(minimumRecall(grid.chosen.result));
  });

  it('When the shipped thresholds are read, then each is a value of the grid (chosen by it, not by hand)', () => {
    for (const key of Object.keys(THRESHOLD_GRID) as Array<keyof typeof THRESHOLD_GRID>) expect(THRESHOLD_GRID[key]).toContain(SHIPPED_THRESHOLDS[key]);
  });
});
