/**
 * The thirteenth round (README « Safety first », src/safety/victimAge.ts): who is hurt decides the
 * number. A child by age, word or school stage gets the 119 even when disabled, an adult the 3977;
 * « ancien / ex- » before someone who was never a partner is no ex-partner, and a weapon waiting now
 * is an immediate danger (112 / 17). Each kind beside its twins in nearly the same words.
 */
import { assessDanger, readDanger, type DangerKind } from '../../src/safety/detect';
import { harmsIn } from '../../src/safety/harm';
import { prepareForDanger } from '../../src/safety/normalise';
import { childrenNamedByAge } from '../../src/safety/victimAge';

/** The kinds of the emergency answer, most urgent first (empty: none). */
const kinds = (text: string): DangerKind[] => assessDanger(text).signal?.kinds ?? [];
const ruleCues = (text: string): string[] => readDanger(text, null)?.found.map((each) => `${each.kind}.${each.cue}`) ?? [];

describe('a child by age, word or school stage gets the 119 even when disabled', () => {
  it.each([
    ["Je suis la grand-mère de Léo, 6 ans, trisomique. Ma belle-fille l'attache à sa chaise avec un foulard toute la journée pour pouvoir dormir, il a des plaies aux poignets."],
    ["je suis éducatrice à l'IME, Inès, 11 ans, polyhandicapée, arrive chaque lundi avec des brûlures de cigarette sur les bras"],
    ["c'est pour mon petit-fils il a 5 ans il est trisomique sa mère lui donne des calmants pour qu'il dorme toute la journée"],
    ["ma petite-fille est au collège en ULIS, son beau-père lui cache ses médicaments contre l'épilepsie pour la punir"],
    ['le petit Tom, 7 ans, autiste, est sanglé à son lit toute la nuit par sa mère, il a des marques aux chevilles'],
  ])('the 119 leads: %s', (text) => {
    expect(kinds(text)[0]).toBe('enfance_en_danger');
  });

  it('the child by age is whom « l\' » stands for, not the grandmother who writes, and the model adds no 3977', () => {
    const text = "Je suis la grand-mère de Léo, 6 ans, trisomique. Ma belle-fille l'attache à sa chaise avec un foulard toute la journée.";
    expect(harmsIn(prepareForDanger(text)).map((harm) => harm.victim)).toEqual(['child']);
    expect(kinds(text)).toEqual(['enfance_en_danger']);
  });

  it.each([
    ['mon fils de 25 ans trisomique est frappé par son éducateur au foyer'],
    ['ma fille majeure, autiste, est attachée à son lit la nuit par le personnel de la MAS et elle a des marques aux poignets'],
    ['je suis la sœur de Paul, 40 ans, trisomique, son tuteur l\'enferme dans sa chambre tout le week-end'],
  ])('an adult hurt gets the 3977, not the 119: %s', (text) => {
    expect(kinds(text)).toContain('maltraitance');
    expect(kinds(text)[0]).not.toBe('enfance_en_danger');
  });

  it('« son petit-fils » of a woman of 85 may be an adult: the model still adds the 3977 (only an age or a school stage makes a child sure)', () => {
    expect(kinds('ma voisine de 85 ans, son petit-fils vient prendre sa retraite chaque mois et la pousse quand elle refuse')).toContain('maltraitance');
  });

  it.each([
    ['ma fille de 6 ans a un fauteuil avec une ceinture de maintien'],
    ["Léo, 6 ans, trisomique, a une chaise adaptée avec un harnais, il s'attache tout seul et rigole, où trouver une housse lavable ?"],
    ["ma belle-fille attache Léo dans son siège auto pour aller à l'école, il a 6 ans et il est trisomique, il faut un siège spécial ?"],
    ["je suis la grand-mère de Jules, 7 ans, polyhandicapé, est-ce que je peux toucher l'AEEH à la place de ses parents ?"],
  ])('equipment of care, or a child only named, is no emergency: %s', (text) => {
    expect(assessDanger(text).signal).toBeNull();
  });

  it('a child tied up all day with the same equipment is still the emergency', () => {
    expect(kinds('ma fille de 6 ans est attachée à son fauteuil avec la ceinture de maintien toute la journée, sa mère ne la détache jamais')[0]).toBe('enfance_en_danger');
  });

  it('reads an age after a name or a pronoun, not a span of time', () => {
    const words = (text: string) => prepareForDanger(text).words;
    expect(childrenNamedByAge(words('Léo, 6 ans, trisomique')).length).toBe(1);
    expect(childrenNamedByAge(words('il a 11 ans et il est autiste')).length).toBe(1);
    expect(childrenNamedByAge(words('Inès, en CE1, est dyspraxique')).length).toBe(1);
    // « mon frère a 13 ans »: the brother is the child hurt, not an adult relative.
    expect(harmsIn(prepareForDanger("mon frère a 13 ans, mon beau-père l'enferme dans la cave")).map((harm) => harm.victim)).toEqual(['child']);
    for (const span of ['il y a 6 ans il est tombé', 'depuis 6 ans elle vit au foyer', 'ça fait 6 ans que je travaille', 'j ai 10 ans d ancienneté']) expect(childrenNamedByAge(words(span))).toEqual([]);
  });

  it('calming drugs given to a child are the 119; given by a prescribing doctor, nothing', () => {
    expect(ruleCues("mon neveu de 6 ans, sa mère lui donne des calmants pour qu'il dorme quand elle sort")).toContain('enfance_en_danger.child_calmed');
    expect(ruleCues("le pédiatre a prescrit des gouttes à mon neveu de 6 ans pour qu'il dorme mieux")).toEqual([]);
  });

  it('medicines hidden from someone are no means prepared for oneself', () => {
    expect(ruleCues('sa belle-mère lui cache ses médicaments pour la punir')).not.toContain('suicide.means_prepared');
    expect(ruleCues("j'ai caché des médicaments dans ma chambre pour le jour où")).toContain('suicide.means_prepared');
  });
});

describe('« ancien / ex- » before someone who was never a partner; a weapon waiting now', () => {
  it.each([
    ["mon ancien patron m'attend en bas de l'immeuble avec une batte, il dit qu'il va me faire la peau dès que je sortirai"],
    ["mon ancienne collègue est en bas de l'immeuble avec un bâton, elle crie qu'elle va me faire la peau"],
    ["mon ex-voisin rôde en bas de chez moi avec une barre de fer depuis une heure, je n'ose plus sortir"],
    ['mon ex-patron me suit en voiture depuis la gare, il a une batte sur le siège, je suis en fauteuil je ne peux pas courir'],
  ])('the 112 / 17 leads: %s', (text) => {
    expect(kinds(text)[0]).toBe('danger_immediat');
  });

  it('« ex- » before a boss or a neighbour is read « ancien », not an ex-partner; « mon ex », « mon ex-mari » stay one', () => {
    expect(prepareForDanger("mon ex-patron m'attend").text).toContain('mon ancien patron');
    expect(ruleCues("mon ex-collègue m'attend devant la MDPH pour m'aider à remplir le dossier")).toEqual([]);
    expect(kinds("mon ex m'attend en bas avec une batte")).toContain('violence_conjugale');
    expect(kinds("mon ex-mari m'attend en bas avec une batte")).toContain('violence_conjugale');
  });

  it.each([
    ["mon ancien patron m'a menacé il y a deux ans, c'est fini"],
    ["mon ancien collègue m'attend en bas pour aller au match, il a pris sa batte et ses gants"],
    ['mon ancien éducateur vient me voir samedi au foyer, je suis content'],
    ['mon ancien propriétaire refuse de me rendre la caution, je peux faire quoi ?'],
    ['mon chef va me faire la peau si je rends encore le dossier en retard'],
    ["mon ancien camarade de classe joue au baseball fauteuil, il m'attend au club avec sa batte pour l'entraînement"],
    ["mon ancienne voisine m'a agressé il y a trois ans, aujourd'hui je voudrais une aide pour déménager"],
    ["j'étais harcelée par mon ancien chef, j'ai changé de travail, je voudrais une RQTH pour mon nouveau poste"],
  ])('no emergency: %s', (text) => {
    expect(assessDanger(text).signal).toBeNull();
  });

  it('the threat « faire la peau » is read as a threat to kill, not said by oneself', () => {
    expect(ruleCues("il dit qu'il va me faire la peau")).toContain('danger_immediat.threat_to_kill');
    expect(ruleCues("je vais lui faire la peau à ce moustique")).not.toContain('danger_immediat.threat_to_kill');
  });
});
