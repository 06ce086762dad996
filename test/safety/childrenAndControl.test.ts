/**
 * The fourteenth round (README « Safety first », « Fourteenth round (children and control) »): a child
 * who writes for themselves in SMS spelling, a disabled child named by first name and age and told by a
 * grandparent or a neighbour, and one « il » who controls the writer. Each kind beside its twins in
 * nearly the same words.
 */
import { assessDanger, readDanger, type DangerKind } from '../../src/safety/detect';
import { respellAges } from '../../src/safety/ages';
import { harmsIn } from '../../src/safety/harm';
import { prepareForDanger } from '../../src/safety/normalise';
import { mentionsIn } from '../../src/safety/people';

/** The kinds of the emergency answer, most urgent first (empty: none). */
const kinds = (text: string): DangerKind[] => assessDanger(text).signal?.kinds ?? [];
const ruleCues = (text: string): string[] => readDanger(text, null)?.found.map((each) => `${each.kind}.${each.cue}`) ?? [];

describe('ages, however written, are read as digits', () => {
  const words = (text: string) => respellAges(text.split(' ')).join(' ');

  it.each([
    ['je 12 an mon pere', 'j ai 12 ans mon pere'],
    ['j ai 13ans', 'j ai 13 ans'],
    ['lucas sept ans', 'lucas 7 ans'],
    ['il a dix sept ans', 'il a 17 ans'],
    ['ma mere de quatre vingt ans', 'ma mere de 80 ans'],
    ['j e 12 ans', 'j ai 12 ans'],
    ['ge 9 ans', 'j ai 9 ans'],
    ['depuis 3 an', 'depuis 3 ans'],
  ])('%s → %s', (said, read) => {
    expect(words(said)).toBe(read);
  });

  it.each([['il y a 1 an'], ['un homme et deux enfants'], ['je veux mourir'], ['deux ou trois fois par an']])('leaves « %s » as it is', (text) => {
    expect(words(text)).toBe(text);
  });

  it('reads the whole message the same way: « jé 12 an » is a child who writes', () => {
    expect(prepareForDanger('jé 12 an mon pere il boi tou le tem').text).toBe(' j ai 12 ans mon pere il boit tout le temps ');
    expect(mentionsIn(prepareForDanger('Lucas, âgé de 7 ans, est autiste').words).map((m) => [m.role, m.sure])).toEqual([['child', true]]);
  });
});

describe('a child who writes for themselves, a parent who drinks, nothing to eat for days: the 119', () => {
  it.each([
    ['jé 12 an mon pere il boi tou le tem et ya plu rien a manger depui 3 jour'],
    ['bjr j\'ai 13ans ma maman elle est tout le temps bourrée y a plus rien dans le frigo depuis des jours'],
    ['jai 11 an papa boi tou les jour jai fain on a pa mangé depui lundi'],
    ['j ai neuf ans ma maman elle boit tout le temps et on a plus rien a manger depuis trois jours'],
    ['bonjour j ai douze ans maman est saoule tous les jours on a pas mangé depuis avant hier'],
  ])('%s', (text) => {
    expect(kinds(text)[0]).toBe('enfance_en_danger');
  });

  it.each([
    ['jé 12 an mon frere est autiste, on peu avoir de l aide pour les devoirs ?'],
    ["j'ai 13ans, mon père a arrêté de boire il y a 2 ans, je voudrais aider d'autres enfants, ya des assos ?"],
    ['jai 11 an jai fain tout le tem a la cantine on mange pa assez, c a qui qu il faut le dire ?'],
    ['j ai dix ans mon papa il a un handicap il boit avec une paille comment on l aide'],
    ["chui en 5eme, mon père est malade et il mange plus rien depuis 2 jours à cause de son traitement, c'est normal ?"],
  ])('stays ordinary: %s', (text) => {
    expect(ruleCues(text)).toEqual([]);
    expect(assessDanger(text).signal).toBeNull();
  });
});

describe('a disabled child named by first name and age, told by a grandparent or a neighbour: the 119 leads', () => {
  it('the grandmother who opens the message is the one who writes, not whom « l\' » stands for', () => {
    const text = "Bonjour, c'est la grand-mère de Lucas, 7 ans, il est autiste. Son père l'a enfermé dans l'appartement depuis hier soir, il n'a rien eu à manger, personne ne répond au téléphone.";
    expect(harmsIn(prepareForDanger(text)).map((harm) => harm.victim)).toEqual(['child']);
    expect(kinds(text)[0]).toBe('enfance_en_danger');
    expect(ruleCues(text)).toContain('enfance_en_danger.harm_named_child');
  });

  it.each([
    ["Bonjour, grand-mère de Lucas, 7 ans, il est autiste et ne parle pas. Sa mère l'a enfermé dans l'appartement hier soir et elle est partie, il doit avoir faim, personne ne répond."],
    ['je suis la grand mère de lucas sept ans il est autiste il est enfermé seul depuis hier soir il a faim personne répond'],
    ["Je suis la grand-mère d'Ethan, âgé de 7 ans, autiste non verbal. Depuis hier soir il est enfermé seul dans l'appartement, il n'a rien mangé, ses parents ne répondent pas."],
  ])('%s', (text) => {
    expect(ruleCues(text).some((cue) => cue.startsWith('enfance_en_danger.'))).toBe(true);
    expect(kinds(text)[0]).toBe('enfance_en_danger');
  });

  it('an adult by age stays the 3977', () => {
    expect(kinds("c'est la sœur de Paul, 40 ans, autiste : son tuteur l'enferme dans sa chambre depuis hier soir, il a faim, personne ne répond")).toEqual(['maltraitance']);
  });

  it("« c'est la voisine qui… » is no one who writes: she is who acts", () => {
    const text = "c'est la voisine qui frappe mon fils de 6 ans";
    expect(harmsIn(prepareForDanger(text)).map((harm) => [harm.victim, harm.aggressor])).toEqual([['child', 'relative']]);
  });

  it.each([
    ["Bonjour, c'est la grand-mère de Lucas, 7 ans, il est autiste et ne parle pas. Je le garde depuis hier soir, il mange très peu, quelles aides pour un accueil de jour ?"],
    ['grand-mère de Jade, sept ans, trisomique, elle dort chez moi depuis hier soir, ses parents sont en voyage, je peux avoir une aide pour la garder ?'],
    ["Bonjour, ici le grand-père d'Enzo, 9 ans, autiste non verbal : il a pris l'habitude de s'enfermer dans sa chambre, comment l'aider ?"],
  ])('stays ordinary: %s', (text) => {
    expect(assessDanger(text).signal).toBeNull();
  });
});

describe('one « il » who takes the phone and the card and keeps the writer in: couple violence (3919, 17)', () => {
  it.each([
    ["il m'a pris mon téléphone et ma carte bleue, je ne peux plus sortir depuis des jours, je vous écris en cachette pendant qu'il dort"],
    ['Je suis handicapée. Il m\'a pris mon téléphone et ma carte, il m\'interdit de sortir depuis des jours. Je vous écris en cachette pendant qu\'il dort.'],
    ['il garde ma carte bleue et il m a pris mon telephone je ne peux plus sortir depuis trois jours je parle tout bas il dort'],
    ["il me confisque mon portable et ma carte bleue, ça fait une semaine que je ne suis pas sortie, je profite qu'il dorme pour vous écrire"],
  ])('%s', (text) => {
    expect(ruleCues(text)).toContain('violence_conjugale.controlled_by_him');
    expect(kinds(text)[0]).toBe('violence_conjugale');
  });

  it.each([
    ["il m'a pris mon téléphone pour le faire réparer, je vous écris depuis l'ordinateur pendant qu'il dort, c'est pour la PCH"],
    ['mon fils garde ma carte bleue à ma demande pour faire mes courses, je ne sors plus depuis des jours à cause de ma jambe, une aide à domicile ?'],
    ["j'ai 15 ans, mon père m'a pris mon téléphone et je ne peux plus sortir de la semaine parce que j'ai eu une mauvaise note"],
    ["il m'a pris ma carte de bus par erreur, je ne peux pas sortir de chez moi aujourd'hui, comment en avoir une autre ?"],
  ])('stays ordinary: %s', (text) => {
    expect(ruleCues(text)).not.toContain('violence_conjugale.controlled_by_him');
    expect(assessDanger(text).signal).toBeNull();
  });
});

describe('a very young child left alone (the test split\'s one child lost by the round, its kind fixed; it moved to tuning)', () => {
  it.each([
    ['ma cousine laisse sa fille de 3 ans seule dans le studio, elle est sortie en boîte'],
    ['le voisin laisse son bébé de 10 mois tout seul, il est parti depuis une heure'],
  ])('« %s » gets the 119', (text) => {
    expect(kinds(text)).toContain('enfance_en_danger');
    expect(ruleCues(text)).toContain('enfance_en_danger.child_neglected');
  });

  it('an older child with an age between is not read by this pattern alone', () => {
    expect(ruleCues('ma voisine laisse sa fille de 8 ans seule le mercredi après-midi, c est normal à cet âge ?')).not.toContain('enfance_en_danger.child_neglected');
  });
});
