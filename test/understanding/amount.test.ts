import { asksAmount, asksWageOrPrice } from '../../src/understanding/amount';

describe('asking an amount of money', () => {
  it.each([
    "c'est combien l'aah par mois",
    'montant exact de l aah en 2026 svp',
    "la pch paie combien de l'heure quand c'est la famille",
    'le salaire en ESAT',
    'taxi adapté fauteuil roulant tarif',
  ])('When someone writes « %s », then it asks an amount', (text) => expect(asksAmount(text)).toBe(true));

  it.each([
    'combien de temps pour avoir une réponse de la MDPH',
    'on doit refaire le dossier tous les combien ?',
    "combien d'heures d'aide humaine la pch peut payer",
    'combien de jours de congé de proche aidant',
    "c'est quoi l'AAH",
  ])('When someone writes « %s », then it asks a delay, a count or no amount', (text) => expect(asksAmount(text)).toBe(false));
});

describe('a wage or a price, not a benefit\'s amount', () => {
  it.each([
    "le salaire en ESAT c'est combien",
    'travailler en esat ça paye combien',
    'combien coûte un avocat pour un divorce',
    'moniteur en esat, c est quoi la grille de salaire',
    "quel est le prix d'un taxi pour aller à l'hôpital",
  ])('When someone writes « %s », then it asks a wage or a price', (text) => expect(asksWageOrPrice(text)).toBe(true));

  // The benefit's entry answers these: it says where the amount is found.
  it.each([
    "c'est combien l'aah par mois",
    'montant exact de l aah en 2026 svp',
    'pendant le congé de proche aidant, on est payé combien par jour ?',
    "combien on touche avec le complément 3 de l'aeeh",
    'combien de jours de congé de proche aidant',
    "est ce que le salaire de mon mari compte pour l'aah",
    'le fauteuil coûte 20 000 euros, la sécu rembourse combien ?',
    'le prix de journée du foyer est trop élevé, qui peut payer',
  ])('When someone writes « %s », then it asks no wage or price', (text) => expect(asksWageOrPrice(text)).toBe(false));
});
