import { crossValidateDanger } from '../../src/safety/crossValidation';

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
  });

  it('refuses fewer than two folds', () => {
    expect(() => crossValidateDanger(danger, benign, 1)).toThrow('at least 2 folds');
  });
});
