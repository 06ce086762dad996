/**
 * Ordinary messages near the line (README « Fourteenth round (ordinary messages) »): one's own
 * childhood told as past, one's own money spent by oneself, a known cause or a known condition handled
 * by its care plan, a farewell after a stay in hospital, an errand visit, a confused person who drives
 * away. Each reading beside its dangerous twin in the same words, with the shipped detector (rules,
 * context and model), so that a reading cannot simply switch a rule off.
 */
import { assessDanger, type DangerKind } from '../../src/safety/detect';
import { contextOf } from '../../src/safety/context';
import { conditionManaged, outOfTheOrdinary } from '../../src/safety/knownCare';
import { prepareForDanger } from '../../src/safety/normalise';
import { ownSpending } from '../../src/safety/ownStory';

const emergencyOf = (text: string): DangerKind[] => assessDanger(text).signal?.kinds ?? [];
const prepared = (text: string): string => prepareForDanger(text).text;

describe("one's own childhood, told as past", () => {
  it.each([
    ["enfant j'ai subi des violences, aujourd'hui je voudrais voir un psy, c'est remboursé ?"],
    ["ado j'ai fait une tentative de suicide, aujourd'hui ça va, je voudrais devenir pair-aidant"],
    ["enfant j'ai été abusé par un oncle, j'en parle enfin à 50 ans, à qui je peux m'adresser ?"],
  ])('When « %s » is told, then no emergency', (text) => {
    expect(assessDanger(text).signal).toBeNull();
  });

  it('When a child of today is named with a determiner, then it is no past', () => {
    expect(contextOf(prepared("mon enfant j'ai vu des bleus sur ses bras"), false).past).toBe(false);
    expect(contextOf(prepared("le petit j'ai peur pour lui"), false).past).toBe(false);
    expect(contextOf(prepared("enfant j'ai subi des violences"), false).past).toBe(true);
  });

  it.each<[string, DangerKind]>([
    ["enfant j'ai subi des violences, et aujourd'hui mon mari me frappe aussi, hier encore", 'violence_conjugale'],
    ["ado j'ai fait une tentative, et ce soir j'ai envie de recommencer", 'suicide'],
    ["enfant j'ai subi des violences, je n'en peux plus de vivre avec ça, je veux mourir", 'suicide'],
  ])('When a danger of today is told beside it (« %s »), then the emergency (%s)', (text, kind) => {
    expect(emergencyOf(text)).toContain(kind);
  });
});

describe("one's own money, spent by oneself", () => {
  it.each([
    ["ma sœur est bipolaire, elle dépense tout son argent dès qu'elle touche l'AAH, on pense à une curatelle"],
    ["mon frère prend l'argent de son AAH pour acheter des jeux vidéo et n'a plus rien le 10 du mois, une curatelle c'est possible ?"],
    ['ma tante dépense sa pension sur internet avec sa carte bleue et elle est à découvert tous les mois'],
  ])('When « %s » is told, then it is read as her own and gets no emergency', (text) => {
    expect(ownSpending(prepared(text))).toBe(true);
    expect(assessDanger(text).signal).toBeNull();
  });

  it.each<[string]>([
    ["mon frère prend l'argent de l'AAH de ma sœur handicapée et la laisse sans rien"],
    ["le fils de ma voisine âgée prend sa carte bleue et vide son compte, elle n'a plus de quoi manger"],
    ['mon fils dépense tout mon argent et me menace quand je dis non, j\'ai 80 ans'],
    ["mon frère bipolaire a vidé son compte pour nous le donner et il a écrit « prenez soin de maman »"],
    ['ma mère âgée dépense toute sa retraite en virements, son neveu la pousse à lui donner, elle a peur'],
  ])('When someone else takes it, or gives all away (« %s »), then it is not read as their own', (text) => {
    expect(ownSpending(prepared(text))).toBe(false);
  });

  it.each<[string, DangerKind]>([
    ["mon frère prend l'argent de l'AAH de ma sœur handicapée et la laisse sans rien", 'maltraitance'],
    ["ma nièce dépense toute la retraite de ma mère et lui dit qu'elle ira en maison si elle se plaint", 'maltraitance'],
  ])('When « %s », then the emergency (%s)', (text, kind) => {
    expect(emergencyOf(text)).toContain(kind);
  });
});

describe('a known cause, a known condition handled by its care plan', () => {
  it.each([
    ["mon père prend du Kardégic, il se fait des bleus pour un rien, est-ce qu'il a droit à l'APA ?"],
    ["mon fils a des bleus sur les tibias, il est dyspraxique et se cogne partout, l'ergothérapeute peut-elle aider ?"],
    ['ma fille a des convulsions fébriles, on a le protocole du neurologue, la cantine peut-elle garder le Valium ?'],
    ["ma fille épileptique a convulsé ce matin au réveil, c'est sa crise habituelle, le neurologue veut qu'on note tout, y a-t-il une appli ?"],
  ])('When « %s », then no emergency', (text) => {
    expect(assessDanger(text).signal).toBeNull();
  });

  it('When the care plan fails or it lasts, then the condition is not handled', () => {
    expect(conditionManaged(prepared('ma fille a des convulsions fébriles, on a le protocole du neurologue'))).toBe(true);
    expect(conditionManaged(prepared('ma fille épileptique a convulsé, on a suivi le protocole mais elle ne se réveille pas'))).toBe(false);
    expect(outOfTheOrdinary(prepared("elle saigne de la tête et ça ne s'arrête pas"))).toBe(true);
  });

  it.each<[string, DangerKind]>([
    ["ma mère est sous anticoagulants, elle est tombée, elle saigne de la tête et ça ne s'arrête pas", 'urgence_medicale'],
    ['mon fils fait une crise d\'épilepsie depuis dix minutes, le Buccolam ne marche pas, il devient tout bleu', 'urgence_medicale'],
    ['mon fils a fait sa crise habituelle, on a donné le Valium comme prévu, mais ça recommence et il respire mal', 'urgence_medicale'],
    ['mon fils a fait sa crise habituelle, on a donné le Valium comme prévu, mais il est tout mou et froid', 'urgence_medicale'],
    ["mon fils a des bleus, il dit qu'il se cogne partout mais son beau-père le frappe, je l'ai vu", 'enfance_en_danger'],
  ])('When « %s », then the emergency (%s)', (text, kind) => {
    expect(emergencyOf(text)).toContain(kind);
  });
});

describe('a farewell after a stay in hospital, an errand visit, a confused driver', () => {
  it.each<[string, DangerKind]>([
    ["je sors de l'hôpital, dites à ma fille que je l'aime, c'est fini", 'suicide'],
    ["je rentre de l'hôpital psychiatrique, j'ai rangé mes affaires, merci pour tout, je ne serai plus là demain", 'suicide'],
    ["mon ex-mari vient ce soir chercher sa perceuse, il a dit qu'il allait me faire payer, j'ai peur", 'violence_conjugale'],
    ["mon ex-compagnon passe ce soir chercher ses affaires, il a une mesure d'éloignement", 'violence_conjugale'],
    ["mon père désorienté est parti en voiture alors qu'il n'a plus le droit de conduire, il roule vers l'autoroute", 'danger_immediat'],
    ["mon père confus est au volant, il m'appelle perdu sur l'autoroute, il ne sait plus comment s'arrêter", 'danger_immediat'],
  ])('When « %s », then the emergency (%s)', (text, kind) => {
    expect(emergencyOf(text)).toContain(kind);
  });

  it.each([
    ["je sors de l'hôpital après ma prothèse, c'est fini les béquilles, merci pour tout votre aide"],
    ['mon ex-voisin passe ce soir récupérer sa perceuse, je suis en fauteuil, je laisse la porte ouverte ?'],
    ['mon père a Alzheimer et veut encore conduire, comment lui faire arrêter ? il faut passer par le médecin ?'],
    ["mon père qui a Alzheimer est parti en voiture faire ses courses comme d'habitude, il est rentré, mais je m'inquiète pour la suite"],
  ])('When « %s », then no emergency', (text) => {
    expect(assessDanger(text).signal).toBeNull();
  });
});
