/**
 * Two readings of speech (README « Thirteenth round (spoken) »): a past said without its subject
 * (« y a trois ans », « ya 2 ans », « y a longtemps »), and one who cannot speak (« plus de voix »,
 * « aphasique ») who needs the 114 by SMS. Each danger beside its benign twin.
 */
import { assessDanger, type DangerKind } from '../../src/safety/detect';

function answer(text: string): { emergency: DangerKind[]; asked: DangerKind | null; numbers: string[] } {
  const { signal, check } = assessDanger(text);
  return { emergency: signal?.kinds ?? [], asked: check?.kind ?? null, numbers: signal?.numbers ?? [] };
}

describe('a past said as people speak it, without « il »', () => {
  it.each([
    'ma femme a eu un avc y a trois ans',
    'mon fils a fait une crise d epilepsie ya 2 ans',
    'mon pere a fait un infarctus y a longtemps',
    'ma mere est tombee dans l escalier y a deux ans elle a besoin d une aide a domicile',
  ])('When « %s » is said, then neither the emergency nor the question', (text) => {
    expect(answer(text)).toEqual({ emergency: [], asked: null, numbers: [] });
  });

  it.each([
    ['y a du sang partout', 'urgence_medicale'],
    ['y a quelqu un qui casse la porte', 'danger_immediat'],
    ['y a le feu', 'danger_immediat'],
    ['y a deux minutes il est tombe il respire plus', 'urgence_medicale'],
  ] as const)('When « %s » is said (« y a » with no span of time gone), then the emergency stays', (text, kind) => {
    expect(answer(text).emergency).toContain(kind);
  });
});

describe('one who cannot speak, in danger', () => {
  it.each([
    ['je n ai plus de voix depuis ma tracheo mon mari est tombe il ne bouge plus', 'urgence_medicale'],
    ['je suis aphasique et mon mari ne respire plus', 'urgence_medicale'],
    ['jai plus de voix depuis mon operation du larynx mon pere saigne beaucoup il est tombe', 'urgence_medicale'],
    ['je ne peux pas parler depuis ma trachéotomie, ma mère est tombée et saigne', 'urgence_medicale'],
  ] as const)('When « %s » is said, then the 114 beside the other number', (text, kind) => {
    const { emergency, numbers } = answer(text);
    expect(emergency).toEqual(expect.arrayContaining(['sourd', kind]));
    expect(numbers).toEqual(expect.arrayContaining(['114', '15']));
  });

  it.each([
    "j'ai plus de voix à force de crier sur les matchs",
    "je n'ai plus de voix, une angine",
    'le candidat a eu plus de voix que prévu',
  ])('When « %s » is said (a figure, an illness, votes), then no emergency', (text) => {
    expect(answer(text).emergency).toEqual([]);
  });

  it('When a voice is lost shouting and a danger is told, then the danger without the deaf kind', () => {
    const { emergency } = answer("j'ai plus de voix à force de crier sur les matchs, mon fils est tombé il respire plus");
    expect(emergency).toContain('urgence_medicale');
    expect(emergency).not.toContain('sourd');
  });
});
