import { createDangerDetector } from '../../src/safety/detect';
import { prepareForDanger } from '../../src/safety/normalise';

/** The phrase rules alone: what they read must not depend on the model. */
const rulesOnly = createDangerDetector({ model: null, confidence: 2, vetoConfidence: 2, contextConfidence: 2 });

describe('a negation said without « ne »', () => {
  it.each([
    ['il respire plus', ' il ne respire plus '],
    ['elle se réveille pas', ' ele ne se reveile pas '],
    ["j'arrive pas à le réveiller", ' j n arive pas a le reveiler '],
    ['mamie répond plus du tout', ' mamie ne repond plus du tout '],
    ['il est pas là', ' il n est pas la '],
  ])('When « %s » is prepared, then its « ne » is put back: « %s »', (said, prepared) => {
    expect(prepareForDanger(said).text).toBe(prepared);
  });

  it.each(["je n'arrive pas", 'elle ne répond plus', 'il y a plus de place', 'elle mange plus que moi', 'pas de souci', 'il respire plus fort'])(
    'When « %s » has its « ne » or « plus » means « more », then nothing is added',
    (said) => {
      const negations = (said.match(/\bne\b|\bn'/g) ?? []).length;
      expect(prepareForDanger(said).words.filter((word) => word === 'ne' || word === 'n')).toHaveLength(negations);
    },
  );

  it.each(['je le secoue il se réveille pas', 'mamie ouvre plus les yeux et elle répond plus', 'on peut pas la réveiller', 'le bébé est brûlant il réagit plus'])(
    'When « %s » is said without « ne », then the rules written with « ne » find the medical emergency',
    (text) => {
      expect(rulesOnly(text)?.kinds).toContain('urgence_medicale');
    },
  );
});

describe('medical emergencies the rules read', () => {
  it.each(['la canule de trachéo de mon fils est bouchée', "l'alarme du respirateur sonne et il devient gris", 'ma mère est sous oxygène et la machine est en panne', 'il ne reprend pas connaissance', 'elle suffoque'])(
    'When « %s », then it is a medical emergency',
    (text) => {
      expect(rulesOnly(text)?.kinds).toContain('urgence_medicale');
    },
  );

  it.each([
    "ma fille ne répond pas à son prénom, on attend un diagnostic d'autisme",
    'ma fille ne bouge plus de sa chambre, elle joue aux jeux vidéo',
    'le détecteur de fumée de ma mère ne clignote pas',
    'mon fils a fait un arrêt respiratoire à la naissance, il a un handicap moteur aujourd’hui',
    'que faire si la canule de trachéo se bouche pendant le transport ?',
  ])('When « %s » (no present danger), then the rules leave it alone', (text) => {
    expect(rulesOnly(text)).toBeNull();
  });
});
