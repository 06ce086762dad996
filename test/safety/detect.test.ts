import { detectDanger, type DangerKind } from '../../src/safety/detect';

const kindsOf = (text: string): DangerKind[] => detectDanger(text)?.kinds ?? [];

describe('detectDanger', () => {
  it.each<[string, DangerKind]>([
    ['je veux mourir', 'suicide'],
    ['JE VEUX MOURIR', 'suicide'],
    ['jveux mourrir', 'suicide'],
    ['je ve me suisider', 'suicide'],
    ['me suicider', 'suicide'],
    ['je pense a en finir', 'suicide'],
    ["j'ai plus envie de vivre", 'suicide'],
    ['je vais me foutre en l air', 'suicide'],
    ['il veut se tuer', 'suicide'],
    ['il me frappe', 'violence_conjugale'],
    ['mon mari me bat', 'violence_conjugale'],
    ['mon compagnon m a frappée hier', 'violence_conjugale'],
    ['violences conjugales', 'violence_conjugale'],
    ['on me tape', 'violence_conjugale'],
    ["j'ai subi un viol", 'violence_conjugale'],
    ['mon mari me fait peur', 'violence_conjugale'],
    ['on maltraite mon fils', 'enfance_en_danger'],
    ['ma fille se fait taper a l ecole', 'enfance_en_danger'],
    ['mon fils subit des violences au foyer', 'enfance_en_danger'],
    ['ma soeur handicapée est maltraitée', 'maltraitance'],
    ['on le frappe a l ehpad', 'maltraitance'],
    ['il ne respire plus', 'urgence_medicale'],
    ['il respire plu', 'urgence_medicale'],
    ['crise cardiaque', 'urgence_medicale'],
    ['crise cardiak', 'urgence_medicale'],
    ['il fait un malaise', 'urgence_medicale'],
    ['elle a perdu connaissance', 'urgence_medicale'],
    ['au secours', 'danger_immediat'],
    ['Au secours !!!', 'danger_immediat'],
    ['à l’aide', 'danger_immediat'],
    ['quelqu un essaye de rentrer chez moi', 'danger_immediat'],
    ['je suis en danger', 'danger_immediat'],
  ])('finds « %s »: %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it.each([
    'mort de rire',
    'je meurs de fatigue',
    'je suis mort de fatigue',
    'mdr',
    'je suis mort de rire',
    'je meurs de rire',
    'ça me tue ces papiers',
    'il me tape sur les nerfs',
    'il tape sur son clavier',
    'la MDPH viole la loi',
    'je me bats pour mon fils',
    'mon fils se bat contre la maladie',
    'frapper à la porte de la MDPH',
    'je dois en finir avec ce dossier',
    'faire un recours',
    'le Secours populaire',
    "j'ai besoin d'aide pour le dossier",
    'aidez-moi à remplir le formulaire',
    'mon fils se nourrit mal',
    'je veux courir',
    "je n'arrive pas à entrer chez moi avec le fauteuil",
    "mon fils n'est pas en danger",
    'ma mère est décédée l’an dernier',
    'bonjour',
    '',
  ])('leaves « %s » alone', (text) => {
    expect(detectDanger(text)).toBeNull();
  });

  it('orders the kinds by urgency and gathers their numbers', () => {
    const signal = detectDanger('mon mari me frappe et il a un couteau');
    expect(signal).toMatchObject({ kind: 'danger_immediat', kinds: ['danger_immediat', 'violence_conjugale'], numbers: ['112', '17', '3919', '3977'] });
  });

  it('asks for a priority hand-over and names its rules, never the words of the user', () => {
    const signal = detectDanger('je veux mourir, je m appelle Jeanne Martin');
    expect(signal?.priority).toBe('prioritaire');
    expect(signal?.cues).toEqual(['suicide.wish_to_die']);
    expect(JSON.stringify(signal)).not.toMatch(/Jeanne|Martin|mourir/);
  });
});
